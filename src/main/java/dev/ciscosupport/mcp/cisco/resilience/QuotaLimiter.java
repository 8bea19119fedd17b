package dev.ciscosupport.mcp.cisco.resilience;

import dev.ciscosupport.mcp.cisco.CallScope;
import dev.ciscosupport.mcp.cisco.CiscoException;
import dev.ciscosupport.mcp.config.Quota;
import dev.ciscosupport.mcp.config.SupportApi;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps this server inside its Cisco quota, per API: every limit (5 per second, 5000 per day...) is a
 * sliding window, so no second (or day) ever holds more calls than the limit, however the calls bunch up.
 * A call takes the earliest free slot and waits for it, unless that is further away than the allowed
 * wait: then it is answered "rate limited, retry after N s" at once. When Cisco itself says "too many"
 * (429, or the gateway's over-rate 403), the API is paused for as long as Cisco asked.
 */
public final class QuotaLimiter {
    /**
     * Cisco counts calls when they arrive; ours leave a little later than their turn (a connection to open,
     * a thread to wake). Each window is kept this much longer so that delay cannot put one call too many
     * into one of Cisco's windows.
     */
    static final Duration ARRIVAL_MARGIN = Duration.ofMillis(50);
    /** Waits shorter than this are not worth a word to the client. */
    static final Duration NOTICE_AFTER = Duration.ofMillis(500);
    private final Map<SupportApi, Lane> lanes = new EnumMap<>(SupportApi.class);
    private final Duration maxWait;
    private final TimeSource time;

    public QuotaLimiter(Map<SupportApi, Quota> quotas, Duration maxWait, TimeSource time) {
        quotas.forEach((api, quota) -> lanes.put(api, new Lane(api, quota)));
        this.maxWait = maxWait;
        this.time = time;
    }

    /** Waits for this call's turn, or throws {@link CiscoException.RateLimited} when the turn is too far away. */
    public void acquire(SupportApi api) {
        Lane lane = lanes.get(api);
        if (lane == null) {
            return;
        }
        long wait = lane.reserve(time.nanos(), maxWait.toNanos());
        if (wait >= NOTICE_AFTER.toNanos()) {
            CallScope.notice("Waiting " + Duration.ofNanos(wait).toMillis() + " ms for a turn under this server's "
                    + api.displayName() + " quota (" + lane.quota.describe() + ").");
        }
        if (wait > 0) {
            try {
                time.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CiscoException.Unavailable("The call to Cisco's " + api.displayName()
                        + " was cancelled while it waited for its turn under the quota.", false);
            }
        }
    }

    /** Cisco said "too many": no call to this API goes out before {@code pause} has passed. */
    public void pause(SupportApi api, Duration pause) {
        Lane lane = lanes.get(api);
        if (lane != null) {
            lane.pauseUntil(time.nanos() + pause.toNanos());
        }
    }

    private static final class Lane {
        private final SupportApi api;
        private final Quota quota;
        private final List<Window> windows;
        private long pausedUntil = Long.MIN_VALUE;
        private boolean paused;
        private long lastReserved = Long.MIN_VALUE;

        Lane(SupportApi api, Quota quota) {
            this.api = api;
            this.quota = quota;
            this.windows = quota.limits().stream().map(Window::new).toList();
        }

        /** Reserves the earliest slot every window allows; returns how long to wait for it (nanoseconds). */
        synchronized long reserve(long now, long maxWaitNanos) {
            long at = Math.max(now, lastReserved);
            if (paused && pausedUntil - at > 0) {
                at = pausedUntil;
            }
            for (Window window : windows) {
                window.forget(now);
                at = Math.max(at, window.freeAt(at));
            }
            long wait = at - now;
            if (wait > maxWaitNanos) {
                long seconds = TimeSource.secondsRoundedUp(wait);
                String why = paused && pausedUntil - now > 0
                        ? "Cisco asked this server to slow down for the " + api.displayName()
                        : "The " + api.displayName() + " quota of this server (" + quota.describe() + ", CISCO_QUOTA_"
                                + api.settingName().toUpperCase(java.util.Locale.ROOT) + ") is used up for now";
                throw new CiscoException.RateLimited(why + "; the next call can go out in " + seconds + " s. Retry after "
                        + seconds + " s.", seconds, false);
            }
            for (Window window : windows) {
                window.add(at);
            }
            lastReserved = at;
            return wait;
        }

        synchronized void pauseUntil(long until) {
            if (!paused || until - pausedUntil > 0) {
                pausedUntil = until;
                paused = true;
            }
        }
    }

    /** The start times of the calls in one limit's window, oldest first (reserved times never go backwards). */
    private static final class Window {
        private final int limit;
        private final long length;
        private final ArrayDeque<Long> starts = new ArrayDeque<>();

        Window(Quota.Limit limit) {
            this.limit = limit.count();
            this.length = limit.window().plus(ARRIVAL_MARGIN).toNanos();
        }

        void forget(long now) {
            while (!starts.isEmpty() && now - starts.peekFirst() >= length) {
                starts.removeFirst();
            }
        }

        /** The earliest time at or after {@code at} when one more call fits. */
        long freeAt(long at) {
            if (starts.size() < limit) {
                return at;
            }
            // The call `limit` places back must have left the window: only limit - 1 calls remain in it then.
            long blocking = nth(starts.size() - limit);
            return Math.max(at, blocking + length);
        }

        void add(long at) {
            starts.addLast(at);
        }

        private long nth(int index) {
            int i = 0;
            for (long start : starts) {
                if (i++ == index) {
                    return start;
                }
            }
            throw new IllegalStateException("index " + index + " of " + starts.size());
        }
    }
}
