package dev.ciscosupport.mcp.cisco.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One tool call as the Cisco client sees it, passed explicitly from the tool to the gateway: who asked (the caller's
 * fingerprint, kept apart in per-caller caches and quota shares), who hears progress and notices, whether the client
 * has cancelled it, how long it may go on asking Cisco (its deadline) and how many answers it may ask for (its
 * budget), and what it has cost so far (answers, requests sent, reuses from the cache, so the result can say
 * so). Cancellation is cooperative: {@link #cancel} marks the call and runs what each layer registered with
 * {@link #onCancel} (the request to Cisco in flight is aborted, a wait for the quota or a back-off ends, a wait for an
 * identical request another call started is left), and each layer checks {@link #cancelled} before it starts
 * something new. No thread is interrupted (a request is aborted from the cancelling thread), so a cancelled call never
 * fails another call that shares its work.
 */
public final class CallContext {
    private final String caller;
    private final Listener listener;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final List<Runnable> onCancel = new ArrayList<>();
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private volatile Duration timeLimit;
    private int budget = Integer.MAX_VALUE;
    private int charged;
    private int answers;
    private int cacheHits;
    private int requests;
    private long oldestHitSeconds;
    private int steps;
    private int stepsDone;

    /** Who hears, while the call runs, what the client should see: progress, and notices such as retries. */
    public interface Listener {
        Listener NONE = new Listener() {
            @Override
            public void progress(int answers, String message) {
            }

            @Override
            public void notice(String message) {
            }
        };

        /** Another Cisco answer arrived (fetched or reused): {@code answers} so far. */
        void progress(int answers, String message);

        /**
         * Step {@code done} of {@code total} of a workflow that counts its own progress ({@link #steps}). A listener
         * that cannot say a total reports the step alone.
         */
        default void progress(int done, int total, String message) {
            progress(done, message);
        }

        /** Something the user should know about while waiting (a retry, a wait for the quota, Cisco pausing the API). */
        void notice(String message);
    }

    /** What undoes a registration with {@link #onCancel} once the work it guards is over. */
    @FunctionalInterface
    public interface Registration {
        void close();
    }

    /** @param caller who is asking: a fingerprint of the bearer token ("token:..."), a session, "stdio", or "" for the server */
    public CallContext(String caller, Listener listener) {
        this.caller = caller;
        this.listener = listener;
    }

    /** The server's own calls (entitlement probes, completions): no caller, nobody listening, never cancelled. */
    public static CallContext background() {
        return new CallContext("", Listener.NONE);
    }

    /**
     * The same caller and listener, with a cancellation of its own: for work several calls share (one fetch that
     * identical requests wait for), which must end only when all of them have left, not when the first one does. It
     * keeps the deadline of the call that starts it; its budget is the callers' own (each is charged as it asks).
     */
    public CallContext shared() {
        CallContext shared = new CallContext(caller, listener);
        shared.timeLimit = timeLimit;
        shared.deadlineNanos = deadlineNanos;
        return shared;
    }

    public String caller() {
        return caller;
    }

    /**
     * From {@code nowNanos} (on the server's monotonic clock, the one {@code TimeSource} reads) the call may go on
     * asking Cisco for {@code limit}: after that no request, retry or wait for the quota starts for it.
     */
    public CallContext limitedTo(Duration limit, long nowNanos) {
        this.timeLimit = limit;
        this.deadlineNanos = nowNanos + limit.toNanos();
        return this;
    }

    /** The time left at {@code nowNanos}: {@code Long.MAX_VALUE} nanoseconds for a call without a deadline. */
    public long nanosLeft(long nowNanos) {
        return deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - nowNanos;
    }

    /** How long the call may ask Cisco in all, or null when it has no deadline. */
    public Duration timeLimit() {
        return timeLimit;
    }

    /**
     * Until the returned registration is closed, the call may ask for at most {@code more} Cisco answers (fetched or
     * reused): a workflow's bound on what one tool call may cost the app's shared quota. A workflow inside another
     * (a bug search inside an analysis) can only narrow the bound, and closing it gives the outer one back.
     */
    public synchronized Registration budget(int more) {
        int outer = budget;
        budget = (int) Math.min(outer, (long) charged + more);
        return () -> {
            synchronized (this) {
                budget = outer;
            }
        };
    }

    /** Takes one answer from the budget before it is asked for; false (and nothing taken) when it is spent. */
    public synchronized boolean charge() {
        if (charged >= budget) {
            return false;
        }
        charged++;
        return true;
    }

    /** How many answers the call has asked for (whatever became of them). */
    public synchronized int charged() {
        return charged;
    }

    /** Tells the client something worth knowing while it waits. */
    public void notice(String message) {
        listener.notice(message);
    }

    /** The client cancelled the call: runs every registered undo once (later registrations run at once). */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (onCancel) {
            if (cancelled.getCount() == 0) {
                return;
            }
            cancelled.countDown();
            toRun = List.copyOf(onCancel);
            onCancel.clear();
        }
        toRun.forEach(Runnable::run);
    }

    public boolean cancelled() {
        return cancelled.getCount() == 0;
    }

    /** Runs {@code undo} if the call is cancelled before the registration is closed (at once if it already is). */
    public Registration onCancel(Runnable undo) {
        synchronized (onCancel) {
            if (cancelled.getCount() > 0) {
                onCancel.add(undo);
                return () -> {
                    synchronized (onCancel) {
                        onCancel.remove(undo);
                    }
                };
            }
        }
        undo.run();
        return () -> { };
    }

    /**
     * Waits {@code duration} on the real clock unless the call is cancelled first.
     *
     * @return false when the call was cancelled (at once or while waiting)
     */
    public boolean pause(Duration duration) throws InterruptedException {
        if (duration.isNegative() || duration.isZero()) {
            return !cancelled();
        }
        return !cancelled.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Another Cisco answer for this call: reused from the caller's own earlier answers ({@code ageSeconds} old), or
     * {@code fetched} from Cisco by this call (else another caller's request brought it).
     */
    public void answered(String apiName, boolean reused, long ageSeconds, boolean fetched) {
        int count;
        synchronized (this) {
            count = ++answers;
            if (fetched) {
                requests++;
            }
            if (reused) {
                cacheHits++;
                oldestHitSeconds = Math.max(oldestHitSeconds, ageSeconds);
            }
        }
        if (!countsSteps()) {
            listener.progress(count, count + (count == 1 ? " answer" : " answers") + " from Cisco's " + apiName + " so far");
        }
    }

    /**
     * From now on the call reports its progress as steps of {@code total} ({@link #step}) instead of one notification
     * per Cisco answer: for a workflow that knows its plan, so the client sees how far along it is.
     */
    public synchronized void steps(int total) {
        steps = total;
    }

    private synchronized boolean countsSteps() {
        return steps > 0;
    }

    /** One more step of those {@link #steps} announced is done (never more than the total is reported). */
    public void step(String message) {
        int done;
        int total;
        synchronized (this) {
            done = stepsDone = Math.min(stepsDone + 1, steps);
            total = steps;
        }
        listener.progress(done, total, message);
    }

    /** How many Cisco answers this call used, fetched or reused. */
    public synchronized int answers() {
        return answers;
    }

    /** How many requests this call sent to Cisco (its answers less those the cache or other callers provided). */
    public synchronized int requests() {
        return requests;
    }

    /** How many of this call's Cisco answers were reused from the cache. */
    public synchronized int cacheHits() {
        return cacheHits;
    }

    /** The age of the oldest reused answer, in seconds. */
    public synchronized long oldestHitSeconds() {
        return oldestHitSeconds;
    }
}
