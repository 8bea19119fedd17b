package dev.ciscosupport.mcp.cisco;

import java.util.Optional;

/**
 * What the gateway knows about the tool call it is serving: who asked (cached Case and RMA answers are
 * kept per caller), and how many answers came from the cache and how old they were, so the tool's
 * result can say so. One per tool call, on the thread that runs it; calls outside a tool (entitlement
 * probes, tests) have none.
 */
public final class CallScope implements AutoCloseable {
    private static final ThreadLocal<CallScope> CURRENT = new ThreadLocal<>();

    private final String caller;
    private final CallScope outer;
    private int answers;
    private int cacheHits;
    private long oldestHitSeconds;

    private CallScope(String caller, CallScope outer) {
        this.caller = caller;
        this.outer = outer;
    }

    /** @param caller who is asking: a fingerprint of the bearer token, a session ID, or "stdio" */
    public static CallScope open(String caller) {
        CallScope scope = new CallScope(caller, CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    static Optional<CallScope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The caller of the current tool call, or "" outside one. */
    static String currentCaller() {
        CallScope scope = CURRENT.get();
        return scope == null ? "" : scope.caller;
    }

    synchronized void answered() {
        answers++;
    }

    synchronized void cacheHit(long ageSeconds) {
        cacheHits++;
        oldestHitSeconds = Math.max(oldestHitSeconds, ageSeconds);
    }

    /** How many Cisco answers this call used, fetched or reused. */
    public synchronized int answers() {
        return answers;
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
