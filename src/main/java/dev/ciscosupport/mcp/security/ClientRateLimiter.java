package dev.ciscosupport.mcp.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import dev.ciscosupport.mcp.cluster.SharedLimits;
import java.time.InstantSource;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code perSecond}. Buckets of
 * clients not seen for a while are forgotten, so memory stays bounded whoever calls. With replicas sharing a Redis, the
 * bucket is theirs together; while Redis cannot be reached, each keeps its own.
 */
public final class ClientRateLimiter {
    private final double perSecond;
    private final double burst;
    private final InstantSource clock;
    private final SharedLimits shared;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(30)).build();

    private final class Bucket {
        double tokens = burst;
        long lastNanos = nanos();

        synchronized long take() {
            long now = nanos();
            tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * perSecond);
            lastNanos = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond);
        }

        synchronized void charge(double more) {
            tokens -= more; // may go below zero: the client then waits until the refill has paid for it
        }
    }

    public ClientRateLimiter(double perSecond, int burst, InstantSource clock) {
        this(perSecond, burst, clock, null);
    }

    /** @param shared the buckets the replicas keep together, or null for this process alone */
    public ClientRateLimiter(double perSecond, int burst, InstantSource clock, SharedLimits shared) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
        this.shared = shared;
    }

    /** 0 when {@code client} may go ahead, else the seconds to wait before its next request would be let through. */
    public long acquire(String client) {
        if (shared != null) {
            java.util.Optional<Long> wait = shared.acquire(client, perSecond, burst);
            if (wait.isPresent()) {
                return wait.get();
            }
        }
        return buckets.get(client, c -> new Bucket()).take();
    }

    /**
     * Takes {@code more} from the client's bucket besides the request it already paid for: what a request turned out to
     * cost (its Cisco calls). The client's next requests wait until the refill has covered it.
     */
    public void charge(String client, double more) {
        if (more > 0) {
            if (shared != null && shared.charge(client, perSecond, burst, more)) {
                return;
            }
            buckets.get(client, c -> new Bucket()).charge(more);
        }
    }

    private long nanos() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
