package dev.ciscosupport.mcp.cisco.resilience;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cluster.Redis;
import dev.ciscosupport.mcp.cluster.SharedTurns;
import dev.ciscosupport.mcp.config.Quota;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.metrics.Meters;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * <p>
 * Replicas sharing one Cisco app share its quota through Redis ({@link SharedTurns}): turns are then booked there, for all
 * of them at once, never more than {@link #SHARED_HORIZON} ahead. While Redis cannot be reached each replica books
 * alone, under its share of every limit ({@code CISCO_QUOTA_REPLICAS}), starting once what every replica had booked in
 * Redis has gone out (the horizon) and left the shortest window; when Redis is back, no replica books there until what
 * they booked alone has gone out in turn: slower for a few seconds, never over the quota. A call whose thread wakes later than half the arrival margin after its turn
 * gives the turn back and books another instead of sending late into a window that may be full.
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
    /**
     * A call that wakes this much after its turn books another: it might arrive in a window already full. (Half the
     * margin in nanoseconds: {@code Duration.dividedBy} divides a BigDecimal, whose class set-up cost a start 14 ms.)
     */
    static final Duration TOO_LATE = Duration.ofNanos(ARRIVAL_MARGIN.toNanos() / 2);
    /** How many times one call books again after waking late (a machine that slow sends anyway, with the margin). */
    static final int REBOOKINGS = 3;
    private final Map<SupportApi, Lane> lanes = new EnumMap<>(SupportApi.class);
    private final Duration maxWait;
    private final TimeSource time;
    private final SharedTurns shared;
    private final int replicas;

    public QuotaLimiter(Map<SupportApi, Quota> quotas, Duration maxWait, TimeSource time) {
        this(quotas, maxWait, time, null, 1);
    }

    /**
     * @param shared   where the replicas book their turns together, or null for this process alone
     * @param replicas {@code CISCO_QUOTA_REPLICAS}: how many share the quota, so each takes its share while Redis is away
     */
    public QuotaLimiter(Map<SupportApi, Quota> quotas, Duration maxWait, TimeSource time, SharedTurns shared, int replicas) {
        this.maxWait = maxWait;
        this.time = time;
        this.shared = shared;
        this.replicas = Math.max(1, replicas);
        quotas.forEach((api, quota) -> lanes.put(api, new Lane(api, quota)));
    }

    /**
     * With replicas, no turn is booked further ahead than this: a call whose turn is further away waits, then books.
     * So what the replicas booked before Redis went away (or each booked alone before it came back) is all gone out
     * this long after, and the other mode can start then without two schedules overlapping.
     */
    static final Duration SHARED_HORIZON = Duration.ofSeconds(5);
    /**
     * While Redis is away, a replica books its own turns no further ahead than this: its calls ask Redis again at least
     * this often, so sharing resumes soon after Redis is back, and the pause then is short.
     */
    static final Duration OWN_SHARE_HORIZON = Duration.ofSeconds(1);
    /**
     * Replicas' calls cross more of the network, from more machines, than one process's: their windows are kept this
     * much longer. 100 ms let 3 calls in 150 arrive as a sixth in one second on a busy 2-core machine (a replica
     * descheduled between its turn and its request); 250 ms costs a fifth of the rate at saturation, and no call Cisco
     * would refuse.
     */
    static final Duration SHARED_ARRIVAL_MARGIN = Duration.ofMillis(250);

    /**
     * A turn booked: how long until it comes, and what to give back to book another. Not {@code booked}: the turn is
     * beyond the horizon; the call waits {@code waitNanos} and books then.
     */
    private record Booking(boolean booked, long waitNanos, long localAt, long sharedId) {
        /** Not booked yet: ask again after {@code waitNanos} (at least 10 ms, so a call never spins). */
        static Booking later(long waitNanos) {
            return new Booking(false, Math.max(waitNanos, 10_000_000L), Long.MIN_VALUE, -1);
        }
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
        for (int booking = 0; ; ) {
            Booking turn;
            try {
                // never a wait past the call's deadline: the turn would come when the call may no longer use it
                long allowed = maxWait.toNanos() - (time.nanos() - started);
                turn = lane.reserve(caller, Math.max(0, Math.min(allowed, call.nanosLeft(time.nanos()))), call);
            } catch (InterruptedException e) {
                throw stopped(api);
            } catch (CiscoException.RateLimited e) {
                Meters.quotaRefused(api.settingName());
                throw e;
            }
            long wait = turn.waitNanos();
            if (!turn.booked()) {
                try {
                    if (!time.sleep(Duration.ofNanos(wait), call)) {
                        throw new CiscoException.Cancelled(api.displayName());
                    }
                } catch (InterruptedException e) {
                    throw stopped(api);
                }
                continue;
            }
            if (booking++ == 0) {
                Meters.quotaWait(api.settingName(), Duration.ofNanos(time.nanos() - started + wait));
                if (wait >= NOTICE_AFTER.toNanos()) {
                    call.notice("Waiting " + Duration.ofNanos(wait).toMillis() + " ms for a turn under this server's "
                            + api.displayName() + " quota (" + lane.quota.describe() + ").");
                }
            }
            if (wait <= 0) {
                return;
            }
            long due = time.nanos() + wait;
            try {
                if (!time.sleep(Duration.ofNanos(wait), call)) {
                    throw new CiscoException.Cancelled(api.displayName());
                }
            } catch (InterruptedException e) {
                throw stopped(api);
            } finally {
                lane.left(caller);
            }
            if (time.nanos() - due <= TOO_LATE.toNanos() || booking > REBOOKINGS) {
                return;
            }
            lane.giveBack(turn);
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

    /** Cisco said "too many": no call to this API goes out before {@code pause} has passed (from any replica). */
    public void pause(SupportApi api, Duration pause) {
        Lane lane = lanes.get(api);
        if (lane != null) {
            lane.pauseUntil(time.nanos() + pause.toNanos());
            if (shared != null) {
                shared.pause(api.settingName(), pause.toNanos() / 1000);
            }
        }
    }

    private final class Lane {
        private final SupportApi api;
        private final Quota quota;
        private final List<Window> windows;
        /** The quota's limits as the replicas book them together (each window with the arrival margin). */
        private final List<SharedTurns.Limit> sharedLimits;
        /** While Redis cannot be reached: this replica's share of each limit. */
        private final List<Window> ownShare;
        private boolean onOwnShare;
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
            this.windows = quota.limits().stream().map(l -> new Window(l, ARRIVAL_MARGIN)).toList();
            this.sharedLimits = quota.limits().stream().map(l -> new SharedTurns.Limit(l.count(),
                    l.window().plus(SHARED_ARRIVAL_MARGIN).toNanos() / 1000)).toList();
            this.ownShare = quota.limits().stream().map(l -> new Window(new Quota.Limit(Math.max(1, l.count() / replicas),
                    l.window()), SHARED_ARRIVAL_MARGIN)).toList();
        }

        /**
         * Waits while {@code caller} holds its share of turns ahead, then reserves the earliest slot every window allows;
         * returns how long to wait for it (nanoseconds).
         */
        synchronized Booking reserve(String caller, long maxWaitNanos, CallContext call) throws InterruptedException {
            if (!caller.isEmpty()) {
                awaitShare(caller, time.nanos() + maxWaitNanos, call);
            }
            Booking booking = book(time.nanos(), maxWaitNanos);
            if (booking.booked() && booking.waitNanos() > 0 && !caller.isEmpty()) {
                ahead.merge(caller, 1, Integer::sum);
            }
            return booking;
        }

        /** A turn from Redis for all replicas, else from this process's windows (its share of them when Redis is away). */
        private Booking book(long now, long maxWaitNanos) {
            if (shared == null) {
                long wait = reserve(now, maxWaitNanos, maxWaitNanos, windows);
                return new Booking(true, wait, now + wait, -1);
            }
            long horizon = Math.min(maxWaitNanos, SHARED_HORIZON.toNanos());
            // Back from this replica's own share (Redis answers again): what it and the others booked alone goes out
            // within that horizon, so no replica books a shared turn before then.
            if (onOwnShare && shared.pause(api.settingName(), OWN_SHARE_HORIZON.plus(shortestWindow())
                    .plus(Redis.RECONNECT_EVERY).toNanos() / 1000)) {
                onOwnShare = false;
            }
            Optional<SharedTurns.Turn> turn = shared.book(api.settingName(), horizon / 1000, sharedLimits);
            if (turn.isPresent()) {
                long wait = turn.get().waitMicros() * 1000;
                if (turn.get().booked()) {
                    return new Booking(true, wait, Long.MIN_VALUE, turn.get().id());
                }
                if (wait > maxWaitNanos) {
                    long seconds = TimeSource.secondsRoundedUp(wait);
                    throw new CiscoException.RateLimited("The " + api.displayName() + " quota this server's replicas share ("
                            + quota.describe() + ") is used up for now, or Cisco asked them to slow down; the next call can"
                            + " go out in " + seconds + " s. Retry after " + seconds + " s.", seconds, false);
                }
                return Booking.later(wait - horizon);
            }
            if (!onOwnShare) {
                // What every replica booked in Redis goes out within the horizon: this one's own turns start after it.
                onOwnShare = true;
                pauseUntil(now + SHARED_HORIZON.toNanos() + shortestWindow().toNanos());
            }
            long ownHorizon = Math.min(maxWaitNanos, OWN_SHARE_HORIZON.toNanos());
            long wait = reserve(now, ownHorizon, maxWaitNanos, ownShare);
            return wait > ownHorizon ? Booking.later(wait - ownHorizon) : new Booking(true, wait, now + wait, -1);
        }

        private Duration shortestWindow() {
            return quota.limits().stream().map(Quota.Limit::window).min(Duration::compareTo).orElse(Duration.ZERO)
                    .plus(SHARED_ARRIVAL_MARGIN);
        }

        /** A turn its caller woke too late to use: given back, so another can be booked in its place. */
        synchronized void giveBack(Booking booking) {
            if (booking.sharedId() >= 0) {
                shared.release(api.settingName(), sharedLimits.size(), booking.sharedId());
            } else {
                for (Window window : onOwnShare ? ownShare : windows) {
                    window.remove(booking.localAt());
                }
            }
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

        /**
         * The wait for the earliest turn {@code windows} allow, booked when it is at most {@code horizon} away; further
         * than {@code maxWaitNanos}, refused. Between the two, nothing is booked and the wait is returned.
         */
        private long reserve(long now, long horizon, long maxWaitNanos, List<Window> windows) {
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
            if (wait > horizon) {
                return wait;
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

        Window(Quota.Limit limit, Duration margin) {
            this.limit = limit.count();
            this.length = limit.window().plus(margin).toNanos();
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

        void remove(long at) {
            starts.removeLastOccurrence(at);
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
