package dev.ciscosupport.mcp.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts what the sandbox received, so tests can assert that a refused input made no request at all. */
public final class RequestLog {
    private static final int KEPT = 500;
    private final AtomicInteger apiRequests = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final Deque<Seen> recent = new ArrayDeque<>();
    private final AtomicInteger overQps = new AtomicInteger();
    /** Arrivals within the last second, for the per-second limit the sandbox may enforce as Cisco does. */
    private final Deque<Long> lastSecond = new ArrayDeque<>();
    private volatile int perSecond;

    /** One API request as it arrived: path and query still percent-encoded, and the headers tests look at. */
    public record Seen(String pathAndQuery, String authorization, String userAgent, String accept, long arrivedNanos) {
    }

    void api(Seen request) {
        apiRequests.incrementAndGet();
        synchronized (recent) {
            recent.addLast(request);
            if (recent.size() > KEPT) {
                recent.removeFirst();
            }
        }
    }

    void token() {
        tokenRequests.incrementAndGet();
    }

    /** Requests to Cisco's APIs (everything but the token endpoint and the sandbox's own control paths). */
    public int apiRequests() {
        return apiRequests.get();
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** The raw (still percent-encoded) paths and queries of the last API requests, oldest first. */
    public List<String> recentPaths() {
        return recent().stream().map(Seen::pathAndQuery).toList();
    }

    /** The last API requests, oldest first. */
    public List<Seen> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** Cisco's per-second limit, enforced from now on (0: none): what a real app's gateway answers over it. */
    public void perSecond(int limit) {
        perSecond = limit;
    }

    /**
     * Whether the request arriving at {@code arrivedNanos} is over the per-second limit (then counted, and answered as
     * Cisco's gateway does); a refused request does not take a place in the window.
     */
    boolean overQps(long arrivedNanos) {
        int limit = perSecond;
        if (limit <= 0) {
            return false;
        }
        synchronized (lastSecond) {
            while (!lastSecond.isEmpty() && arrivedNanos - lastSecond.peekFirst() >= 1_000_000_000L) {
                lastSecond.removeFirst();
            }
            if (lastSecond.size() >= limit) {
                overQps.incrementAndGet();
                return true;
            }
            lastSecond.addLast(arrivedNanos);
            return false;
        }
    }

    /** Requests refused as over the per-second limit. */
    public int overQpsAnswers() {
        return overQps.get();
    }

    public void reset() {
        apiRequests.set(0);
        tokenRequests.set(0);
        overQps.set(0);
        synchronized (lastSecond) {
            lastSecond.clear();
        }
        synchronized (recent) {
            recent.clear();
        }
    }
}
