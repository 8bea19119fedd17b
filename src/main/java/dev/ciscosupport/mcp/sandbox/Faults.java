package dev.ciscosupport.mcp.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;

/**
 * Faults the sandbox has been told to inject, consumed one request at a time in the order they were
 * queued. A fault queued with {@code times <= 0} stays until {@link #clear()}.
 */
public final class Faults {
    private final Deque<Entry> queue = new ArrayDeque<>();
    private volatile Duration latency = Duration.ZERO;

    private static final class Entry {
        final Fault fault;
        int remaining;

        Entry(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    /** The next {@code times} matching requests fail with {@code fault}; {@code times <= 0} means all of them. */
    public synchronized Faults inject(Fault fault, int times) {
        queue.add(new Entry(fault, times <= 0 ? -1 : times));
        return this;
    }

    /** Every request waits this long before it is answered. */
    public Faults latency(Duration delay) {
        this.latency = delay;
        return this;
    }

    public Duration latency() {
        return latency;
    }

    public synchronized void clear() {
        queue.clear();
        latency = Duration.ZERO;
    }

    /** Takes the next fault meant for an API request, if any. */
    synchronized Optional<Fault> nextApiFault() {
        return take(false);
    }

    /** Takes the next fault meant for the token endpoint, if any. */
    synchronized Optional<Fault> nextTokenFault() {
        return take(true);
    }

    private Optional<Fault> take(boolean tokenEndpoint) {
        for (Iterator<Entry> it = queue.iterator(); it.hasNext();) {
            Entry e = it.next();
            if ((e.fault == Fault.TOKEN_ENDPOINT_DOWN) != tokenEndpoint) {
                continue;
            }
            if (e.remaining > 0 && --e.remaining == 0) {
                it.remove();
            }
            return Optional.of(e.fault);
        }
        return Optional.empty();
    }
}
