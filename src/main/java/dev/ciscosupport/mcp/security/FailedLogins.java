package dev.ciscosupport.mcp.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import dev.ciscosupport.mcp.cluster.SharedLimits;

/**
 * Counts failed authentications per address; {@code threshold} failures within {@code window} block the
 * address for {@code blockFor}. Memory is bounded: addresses not seen for a while are forgotten. With replicas sharing a
 * Redis, the count and the block are theirs together (the window then runs from an address's first failure); while Redis
 * cannot be reached, each counts alone.
 */
public final class FailedLogins {
    private final int threshold;
    private final Duration window;
    private final Duration blockFor;
    private final InstantSource clock;
    private final SharedLimits shared;
    private final Cache<String, Record> byAddress = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    private static final class Record {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant blockedUntil = Instant.MIN;
    }

    public FailedLogins(int threshold, Duration window, Duration blockFor, InstantSource clock) {
        this(threshold, window, blockFor, clock, null);
    }

    /** @param shared the count the replicas keep together, or null for this process alone */
    public FailedLogins(int threshold, Duration window, Duration blockFor, InstantSource clock, SharedLimits shared) {
        this.threshold = threshold;
        this.window = window;
        this.blockFor = blockFor;
        this.clock = clock;
        this.shared = shared;
    }

    /** Seconds the address stays blocked, or 0 when it may try. */
    public long blockedSeconds(String address) {
        if (shared != null) {
            Optional<Long> seconds = shared.blockedSeconds(address);
            if (seconds.isPresent()) {
                return seconds.get();
            }
        }
        Record r = byAddress.getIfPresent(address);
        if (r == null) {
            return 0;
        }
        synchronized (r) {
            Instant now = clock.instant();
            return now.isBefore(r.blockedUntil) ? Math.max(1, Duration.between(now, r.blockedUntil).toSeconds()) : 0;
        }
    }

    /** Records a failure; true when it is the one that blocks the address. */
    public boolean failed(String address) {
        if (shared != null) {
            Optional<Boolean> blocks = shared.failed(address, threshold, window.toMillis(), blockFor.toMillis());
            if (blocks.isPresent()) {
                return blocks.get();
            }
        }
        Record r = byAddress.get(address, a -> new Record());
        synchronized (r) {
            Instant now = clock.instant();
            r.failures.addLast(now);
            while (!r.failures.isEmpty() && r.failures.peekFirst().isBefore(now.minus(window))) {
                r.failures.removeFirst();
            }
            if (r.failures.size() >= threshold && !now.isBefore(r.blockedUntil)) {
                r.blockedUntil = now.plus(blockFor);
                r.failures.clear();
                return true;
            }
            return false;
        }
    }
}
