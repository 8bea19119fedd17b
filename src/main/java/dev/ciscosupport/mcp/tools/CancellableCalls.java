package dev.ciscosupport.mcp.tools;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tool calls in flight, by session and JSON-RPC request ID, so that {@code notifications/cancelled} can
 * stop one: its thread is interrupted, which ends the Cisco request it is waiting on (or its wait for
 * a retry or a quota turn) and so every Cisco call it had still to make. The SDK (2.1) does not act on
 * cancellations itself; the transports hand them here.
 */
public final class CancellableCalls {
    private static final Logger LOG = LoggerFactory.getLogger(CancellableCalls.class);
    /** Where the stdio transport puts a request's JSON-RPC ID in {@code params._meta}, for the handler to find. */
    public static final String REQUEST_ID_META = "dev.ciscosupport.mcp/requestId";
    /** The session name stdio calls are kept under (one client per process). */
    public static final String STDIO = "stdio";

    private final Map<String, Thread> running = new HashMap<>();

    /** Runs {@code body} on this thread as the call {@code requestId} of {@code session}, which can be cancelled meanwhile. */
    public <T> T run(String session, String requestId, Supplier<T> body) {
        if (session == null || requestId == null) {
            return body.get();
        }
        String key = key(session, requestId);
        synchronized (running) {
            running.put(key, Thread.currentThread());
        }
        try {
            return body.get();
        } finally {
            synchronized (running) {
                running.remove(key);
            }
            Thread.interrupted(); // a cancellation that came as the call ended must not reach the pool thread's next task
        }
    }

    /** Stops the call, if it is still running. */
    public void cancel(String session, String requestId) {
        if (session == null || requestId == null) {
            return;
        }
        synchronized (running) {
            Thread thread = running.get(key(session, requestId));
            if (thread != null) {
                LOG.info("Request {} was cancelled by the client; stopping its Cisco calls", requestId);
                thread.interrupt();
            }
        }
    }

    /** If {@code message} is a {@code notifications/cancelled}, stops the call it names in {@code session}. */
    public void cancelIfAsked(String session, tools.jackson.databind.JsonNode message) {
        if (!"notifications/cancelled".equals(message.path("method").asString(""))) {
            return;
        }
        tools.jackson.databind.JsonNode cancelled = message.path("params").path("requestId");
        if (cancelled.isString() || cancelled.isIntegralNumber()) {
            cancel(session, cancelled.asString());
        }
    }

    private static String key(String session, String requestId) {
        return session + "|" + requestId;
    }
}
