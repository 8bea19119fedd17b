package dev.ciscosupport.mcp.session;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tool calls in flight, by session and JSON-RPC request ID, so that {@code notifications/cancelled} can
 * stop one: its {@link CallContext} is cancelled, which aborts the Cisco request it is waiting on (or its wait for
 * a retry or a quota turn) and so every Cisco call it had still to make. The SDK (2.1) does not act on
 * cancellations itself; the transports hand them here.
 */
public final class CancellableCalls {
    private static final Logger LOG = LoggerFactory.getLogger(CancellableCalls.class);
    /** Where the stdio transport puts a request's JSON-RPC ID in {@code params._meta}, for the handler to find. */
    public static final String REQUEST_ID_META = "dev.ciscosupport.mcp/requestId";
    /** The session name stdio calls are kept under (one client per process). */
    public static final String STDIO = "stdio";

    private final Map<String, CallContext> running = new ConcurrentHashMap<>();

    /** Runs {@code body} as the call {@code requestId} of {@code session}, which can be cancelled meanwhile. */
    public <T> T run(String session, String requestId, CallContext call, Supplier<T> body) {
        if (session == null || requestId == null) {
            return body.get();
        }
        String key = key(session, requestId);
        running.put(key, call);
        try {
            return body.get();
        } finally {
            running.remove(key, call);
        }
    }

    /** Stops the call, if it is still running. */
    public void cancel(String session, String requestId) {
        if (session == null || requestId == null) {
            return;
        }
        CallContext call = running.get(key(session, requestId));
        if (call != null) {
            LOG.info("Request {} was cancelled by the client; stopping its Cisco calls", requestId);
            call.cancel();
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
