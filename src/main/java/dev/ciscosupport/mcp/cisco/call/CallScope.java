package dev.ciscosupport.mcp.cisco.call;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the gateway knows about the tool call it is serving: who asked (cached Case and RMA answers are
 * kept per caller), and how many answers came from the cache and how old they were, so the tool's
 * result can say so. One per tool call, on the thread that runs it; calls outside a tool (entitlement
 * probes, tests) have none.
 */
public final class CallScope implements AutoCloseable {
    private static final ThreadLocal<CallScope> CURRENT = new ThreadLocal<>();

    private final String caller;
    private final Listener listener;
    private final CallScope outer;
    private int answers;
    private int cacheHits;
    private int requests;
    private long oldestHitSeconds;

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

        /** Something the user should know about while waiting (a retry, a wait for the quota, Cisco pausing the API). */
        void notice(String message);
    }

    private CallScope(String caller, Listener listener, CallScope outer) {
        this.caller = caller;
        this.listener = listener;
        this.outer = outer;
    }

    /** @param caller who is asking: a fingerprint of the bearer token, a session ID, or "stdio" */
    public static CallScope open(String caller) {
        return open(caller, Listener.NONE);
    }

    public static CallScope open(String caller, Listener listener) {
        CallScope scope = new CallScope(caller, listener, CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    /** Tells the client of the current tool call, if any, something worth knowing while it waits. */
    public static void notice(String message) {
        CallScope scope = CURRENT.get();
        if (scope != null) {
            scope.listener.notice(message);
        }
    }

    /**
     * {@code work} as it would run in the current call, wherever it runs: on another thread it sees the same caller and
     * tells the same listener (the cache fetches on a thread of its own).
     */
    public static <T> Supplier<T> carried(Supplier<T> work) {
        CallScope scope = CURRENT.get();
        if (scope == null) {
            return work;
        }
        return () -> {
            try (CallScope borrowed = open(scope.caller, scope.listener)) {
                return work.get();
            }
        };
    }

    public static Optional<CallScope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The caller of the current tool call, or "" outside one. */
    public static String currentCaller() {
        CallScope scope = CURRENT.get();
        return scope == null ? "" : scope.caller;
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
        listener.progress(count, count + (count == 1 ? " answer" : " answers") + " from Cisco's " + apiName + " so far");
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

    @Override
    public void close() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
