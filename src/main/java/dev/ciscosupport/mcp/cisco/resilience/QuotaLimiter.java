package dev.ciscosupport.mcp.cisco.resilience;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.config.Quota;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.metrics.Meters;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps this server inside its Cisco quota, per API: every limit (5 per second, 5000 per day...) is a
 * sliding window, so no second (or day) ever holds more calls than the limit, however the calls bunch up.
 * A call takes the earliest free slot and waits for it, unless that is further away than the allowed
 * wait: then it is answered "rate limited, retry after N s" at once. When Cisco itself says "too many"
 * (429, or the gateway's over-rate 403), the API is paused for as long as Cisco asked.
 * <p>
 * The quota is shared fairly between callers (HTTP tokens): each caller may hold only {@link #AHEAD_PER_CALLER} turns
 * reserved ahead of time per API; its further calls wait until one of those has gone out. A caller alone still gets
 * every turn (the next is reserved as soon as one goes out), but a flood of one caller's calls no longer books the
 * quota for minutes ahead: another caller's lookup takes the next turn after the few the flood holds.
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
    /** Turns one caller may hold reserved ahead, per API: how many slots a flood can put before anyone else's call. */
    static final int AHEAD_PER_CALLER = 2;
    private final Map<SupportApi, Lane> lanes = new EnumMap<>(SupportApi.class);
    private final Duration maxWait;
    private final TimeSource time;

    public QuotaLimiter(Map<SupportApi, Quota> quotas, Duration maxWait, TimeSource time) {
        quotas.forEach((api, quota) -> lanes.put(api, new Lane(api, quota)));
        this.maxWait = maxWait;
        this.time = time;
    }

    /**
     * Waits for {@code call}'s turn, or throws {@link CiscoException.RateLimited} when the turn is too far away (further
     * than the longest wait allowed, or than the call's deadline), or
     * {@link CiscoException.Cancelled} when the call is cancelled meanwhile.
     */
    public void acquire(SupportApi api, CallContext call) {
        Lane lane = lanes.get(api);
        if (lane == null) {
            return;
        }
        String caller = call.caller();
        long started = time.nanos();
        long wait;
        try {
            // never a wait past the call's deadline: the turn would come when the call may no longer use it
            wait = lane.reserve(caller, Math.min(maxWait.toNanos(), Math.max(0, call.nanosLeft(started))), call);
        } catch (InterruptedException e) {
            throw stopped(api);
        } catch (CiscoException.RateLimited e) {
            Meters.quotaRefused(api.settingName());
            throw e;
        }
        Meters.quotaWait(api.settingName(), Duration.ofNanos(time.nanos() - started + wait));
        if (wait >= NOTICE_AFTER.toNanos()) {
            call.notice("Waiting " + Duration.ofNanos(wait).toMillis() + " ms for a turn under this server's "
                    + api.displayName() + " quota (" + lane.quota.describe() + ").");
        }
        if (wait > 0) {
            try {
                if (!time.sleep(Duration.ofNanos(wait), call)) {
                    throw new CiscoException.Cancelled(api.displayName());
                }
            } catch (InterruptedException e) {
                throw stopped(api);
            } finally {
                lane.left(caller);
            }
        }
    }

    /** Calls blocked because their caller already holds its turns ahead (for tests and metrics). */
    int queued(SupportApi api) {
        Lane lane = lanes.get(api);
        return lane == null ? 0 : lane.queued();
    }

    /** The server is stopping (its threads are interrupted): the call ends as a cancelled one does. */
    private static CiscoException stopped(SupportApi api) {
        Thread.currentThread().interrupt();
        return new CiscoException.Cancelled(api.displayName());
    }

    /** Cisco said "too many": no call to this API goes out before {@code pause} has passed. */
    public void pause(SupportApi api, Duration pause) {
        Lane lane = lanes.get(api);
        if (lane != null) {
            lane.pauseUntil(time.nanos() + pause.toNanos());
        }
    }

    private final class Lane {
        private final SupportApi api;
        private final Quota quota;
        private final List<Window> windows;
        private long pausedUntil = Long.MIN_VALUE;
        private boolean paused;
        private long lastReserved = Long.MIN_VALUE;
        /** Turns reserved and not yet gone out, per caller (callers outside a tool call, such as probes, are not counted). */
        private final Map<String, Integer> ahead = new HashMap<>();
        /** Calls waiting for their caller's turns ahead to go out, per caller. */
        private final Map<String, Integer> waiting = new HashMap<>();

        Lane(SupportApi api, Quota quota) {
            this.api = api;
            this.quota = quota;
            this.windows = quota.limits().stream().map(Window::new).toList();
        }

        /**
         * Waits while {@code caller} holds its share of turns ahead, then reserves the earliest slot every window allows;
         * returns how long to wait for it (nanoseconds).
         */
        synchronized long reserve(String caller, long maxWaitNanos, CallContext call) throws InterruptedException {
            if (!caller.isEmpty()) {
                awaitShare(caller, time.nanos() + maxWaitNanos, call);
            }
            long wait = reserve(time.nanos(), maxWaitNanos);
            if (wait > 0 && !caller.isEmpty()) {
                ahead.merge(caller, 1, Integer::sum);
            }
            return wait;
        }

        private void awaitShare(String caller, long deadline, CallContext call) throws InterruptedException {
            waiting.merge(caller, 1, Integer::sum);
            try {
                while (ahead.getOrDefault(caller, 0) >= AHEAD_PER_CALLER) {
                    if (call.cancelled()) {
                        throw new CiscoException.Cancelled(api.displayName());
                    }
                    if (time.nanos() - deadline > 0) {
                        long seconds = TimeSource.secondsRoundedUp(maxWait.toNanos());
                        throw new CiscoException.RateLimited("This client's earlier calls to the " + api.displayName()
                                + " are still waiting for their turns under the quota (" + quota.describe() + "), shared"
                                + " fairly with other clients; retry after " + seconds + " s.", seconds, false);
                    }
                    wait(100); // woken when one of the caller's turns goes out; the deadline and a cancellation are polled
                }
            } finally {
                waiting.computeIfPresent(caller, (c, n) -> n > 1 ? n - 1 : null);
            }
        }

        /** One of {@code caller}'s reserved turns has come (or was given up). */
        synchronized void left(String caller) {
            if (!caller.isEmpty()) {
                ahead.computeIfPresent(caller, (c, n) -> n > 1 ? n - 1 : null);
                notifyAll();
            }
        }

        /** Calls that cannot go on until one of their caller's turns goes out (woken ones are on their way). */
        synchronized int queued() {
            return waiting.entrySet().stream().filter(e -> ahead.getOrDefault(e.getKey(), 0) >= AHEAD_PER_CALLER)
                    .mapToInt(Map.Entry::getValue).sum();
        }

        private long reserve(long now, long maxWaitNanos) {
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
