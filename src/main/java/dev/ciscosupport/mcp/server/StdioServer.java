package dev.ciscosupport.mcp.server;

import dev.ciscosupport.mcp.session.CancellableCalls;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over stdio: JSON-RPC lines on stdin and stdout, logs on stderr only. Returns when stdin ends and
 * every request read has been answered.
 */
public final class StdioServer {
    private static final Logger LOG = LoggerFactory.getLogger(StdioServer.class);
    /** How long answers still in flight may take after the client closed stdin. */
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);

    private StdioServer() {
    }

    /**
     * @param onInitialized runs once the client has sent {@code notifications/initialized}, so that what it
     *                      triggers (the entitlement check) can reach the client as notifications
     */
    public static void run(InputStream in, OutputStream out, ServerFeatures features, Entitlements entitlements,
            Runnable onInitialized, Duration shutdownGrace, CancellableCalls calls) throws InterruptedException {
        StdioGuard guard = new StdioGuard(out, onInitialized, calls, new OfferedTools(features, entitlements));
        StdioServerTransportProvider transport = new StdioServerTransportProvider(McpJsonDefaults.getMapper(),
                guard.input(in), guard.output());
        McpSyncServer server = McpServers.stdio(transport, features, entitlements);
        // On SIGTERM, answer what was already asked before the JVM goes.
        Thread hook = new Thread(() -> awaitAnswers(guard, shutdownGrace), "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        guard.awaitEndOfInput();
        if (!guard.awaitAnswered(DRAIN_LIMIT)) {
            LOG.warn("stdin closed; gave up waiting for answers still in flight after {} s", DRAIN_LIMIT.toSeconds());
        }
        guard.passEndOfInput();
        server.closeGracefully();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running
        }
    }

    private static void awaitAnswers(StdioGuard guard, Duration grace) {
        try {
            if (!guard.awaitAnswered(grace)) {
                LOG.warn("Shutting down with requests still unanswered after {} s", grace.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
