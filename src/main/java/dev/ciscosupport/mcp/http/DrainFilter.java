package dev.ciscosupport.mcp.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * Lets a shutdown finish what is in flight: counts the requests being answered (a tool call's POST
 * until its answer is written, even when the answer is streamed asynchronously), and once draining
 * has begun refuses new ones with 503 and a Retry-After, so clients reconnect to the next instance.
 * GET streams (server-sent events a client keeps open) are not counted: they never "finish".
 */
final class DrainFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private final transient Object lock = new Object();
    private int inFlight;
    private boolean draining;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getMethod().equals("GET") || request.getMethod().equals("OPTIONS")) {
            chain.doFilter(request, response);
            return;
        }
        synchronized (lock) {
            if (draining) {
                response.setHeader("Retry-After", "5");
                response.setHeader("Connection", "close");
                Answers.jsonRpcError(response, 503, Answers.SERVER_ERROR,
                        "The server is shutting down; reconnect in a few seconds.");
                return;
            }
            inFlight++;
        }
        RequestEnd.chainThen(request, response, chain, this::done);
    }

    /** Whether a shutdown has begun: readiness turns 503 from then on. */
    boolean draining() {
        synchronized (lock) {
            return draining;
        }
    }

    /** Refuses new requests from now on; returns once none is in flight, or when {@code limit} has passed. */
    boolean drain(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (lock) {
            draining = true;
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    private void done() {
        synchronized (lock) {
            inFlight--;
            lock.notifyAll();
        }
    }
}
