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
    /** While set, requests wait for it to open: a test keeps a request in flight exactly as long as it needs. */
    private volatile java.util.concurrent.CountDownLatch gate;
    private Fault randomFault;
    private double randomRate;
    private java.util.Random random;

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

    /**
     * Besides the queued faults, each API request fails with {@code fault} with probability {@code rate}
     * (drawn from a generator seeded with {@code seed}, so a run can be repeated).
     */
    public synchronized Faults randomly(Fault fault, double rate, long seed) {
        this.randomFault = fault;
        this.randomRate = rate;
        this.random = new java.util.Random(seed);
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

    /** Every request from now on waits, before it is answered, until {@link #release()} (at most 30 s). */
    public Faults hold() {
        gate = new java.util.concurrent.CountDownLatch(1);
        return this;
    }

    /** Lets the held requests, and all later ones, be answered. */
    public void release() {
        java.util.concurrent.CountDownLatch held = gate;
        gate = null;
        if (held != null) {
            held.countDown();
        }
    }

    /** Waits while requests are held. */
    void awaitRelease() throws InterruptedException {
        java.util.concurrent.CountDownLatch held = gate;
        if (held != null) {
            held.await(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    public synchronized void clear() {
        queue.clear();
        randomFault = null;
        latency = Duration.ZERO;
        release();
    }

    /** Takes the next fault meant for an API request, if any. */
    synchronized Optional<Fault> nextApiFault() {
        Optional<Fault> queued = take(false);
        if (queued.isEmpty() && randomFault != null && random.nextDouble() < randomRate) {
            return Optional.of(randomFault);
        }
        return queued;
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
