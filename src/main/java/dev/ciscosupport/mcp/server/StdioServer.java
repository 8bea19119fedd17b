package dev.ciscosupport.mcp.server;

import dev.ciscosupport.mcp.config.ProtocolRevisions;
import dev.ciscosupport.mcp.session.CancellableCalls;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.modern.server.transport.StdioMcpTransport;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over stdio: JSON-RPC lines on stdin and stdout, logs on stderr only. Returns when stdin ends and
 * every request read has been answered. When both protocol revisions are spoken, the client's first message chooses
 * for the whole process: an {@code initialize} without the stateless revision's {@code _meta} opens a 2025-11-25
 * session; anything else (a dual-era client asks {@code server/discover} first) is served statelessly.
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
            Runnable onInitialized, Duration shutdownGrace, CancellableCalls calls, ProtocolRevisions revisions)
            throws InterruptedException, IOException {
        FirstLine first = FirstLine.read(in);
        boolean stateless = revisions.modern() && (!revisions.legacy() || !first.opensSession());
        StdioGuard guard = new StdioGuard(out, onInitialized, calls, new OfferedTools(features, entitlements), stateless);
        InputStream input = guard.input(first.followedBy(in));
        Runnable close;
        if (stateless) {
            StdioMcpTransport transport = new StdioMcpTransport(McpServers.modern(features, entitlements, revisions),
                    McpJsonDefaults.getMapper(), input, guard.output());
            transport.start().subscribe();
            close = () -> transport.closeGracefully().block(Duration.ofSeconds(5));
        } else {
            McpSyncServer server = McpServers.stdio(new StdioServerTransportProvider(McpJsonDefaults.getMapper(), input,
                    guard.output()), features, entitlements);
            close = server::closeGracefully;
        }
        // On SIGTERM, answer what was already asked before the JVM goes.
        Thread hook = new Thread(() -> awaitAnswers(guard, shutdownGrace), "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        guard.awaitEndOfInput();
        if (!guard.awaitAnswered(DRAIN_LIMIT)) {
            LOG.warn("stdin closed; gave up waiting for answers still in flight after {} s", DRAIN_LIMIT.toSeconds());
        }
        guard.passEndOfInput();
        close.run();
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
