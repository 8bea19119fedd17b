package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what happens during a tool call to the client that made it: {@code notifications/progress}
 * after each Cisco answer (when the call carried a progress token), and {@code notifications/message}
 * at level warning for retries, quota waits and Cisco's rate limiting (the client chooses with
 * {@code logging/setLevel} which levels it gets; the SDK filters).
 */
final class ClientUpdates implements CallContext.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ClientUpdates.class);
    static final String LOGGER = "cisco-support-mcp";
    private final McpSyncServerExchange exchange;
    private final Object progressToken;

    ClientUpdates(McpSyncServerExchange exchange, Object progressToken) {
        this.exchange = exchange;
        this.progressToken = progressToken;
    }

    @Override
    public void progress(int answers, String message) {
        if (progressToken == null) {
            return;
        }
        try {
            exchange.progressNotification(McpSchema.ProgressNotification.builder(progressToken, answers).message(message)
                    .build());
        } catch (RuntimeException e) {
            LOG.debug("Could not send progress to the client: {}", e.getMessage()); // the answer still goes out
        }
    }

    @Override
    public void progress(int done, int total, String message) {
        if (progressToken == null) {
            return;
        }
        try {
            exchange.progressNotification(McpSchema.ProgressNotification.builder(progressToken, done).total((double) total)
                    .message(message).build());
        } catch (RuntimeException e) {
            LOG.debug("Could not send progress to the client: {}", e.getMessage());
        }
    }

    // Log notifications are deprecated by the 2026-07-28 revision (SEP-2577) but part of 2025-11-25, spoken here.
    @SuppressWarnings("deprecation")
    @Override
    public void notice(String message) {
        try {
            exchange.loggingNotification(McpSchema.LoggingMessageNotification.builder(McpSchema.LoggingLevel.WARNING, message)
                    .logger(LOGGER).build());
        } catch (RuntimeException e) {
            LOG.debug("Could not send a notice to the client: {}", e.getMessage());
        }
    }
}
