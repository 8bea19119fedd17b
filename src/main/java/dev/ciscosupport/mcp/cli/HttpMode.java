package dev.ciscosupport.mcp.cli;

import dev.ciscosupport.mcp.cluster.SharedLimits;
import dev.ciscosupport.mcp.config.DeploymentChecks;
import dev.ciscosupport.mcp.config.HttpSecurity;
import dev.ciscosupport.mcp.config.Settings;
import dev.ciscosupport.mcp.config.SettingsException;
import dev.ciscosupport.mcp.http.McpHttpServer;
import dev.ciscosupport.mcp.security.SecurityLog;
import dev.ciscosupport.mcp.security.TokenFileWatcher;
import dev.ciscosupport.mcp.security.TokenGenerator;
import dev.ciscosupport.mcp.security.TokenRegistry;
import dev.ciscosupport.mcp.server.Entitlements;
import dev.ciscosupport.mcp.server.McpServers;
import dev.ciscosupport.mcp.server.ServerFeatures;
import dev.ciscosupport.mcp.tools.ToolContext;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts HTTP mode: checks the authentication policy, loads tokens, starts Jetty, prints how to connect. */
final class HttpMode {
    private static final Logger LOG = LoggerFactory.getLogger(HttpMode.class);

    private HttpMode() {
    }

    /** @param shared the abuse limits replicas keep together through Redis, or null for this process alone */
    static int serve(Settings settings, ServerFeatures features, Entitlements entitlements, SecurityLog log,
            ToolContext tools, SharedLimits shared)
            throws Exception {
        HttpSecurity security = settings.security();
        TokenRegistry tokens = null;
        TokenFileWatcher watcher = null;
        String generated = null;
        try {
            if (settings.omitAuth()) {
                refuseOmitAuthWhereUnsafe(settings);
                warnAuthOff(settings, log);
            } else if (settings.oauth().sharedTokens()) {
                tokens = TokenRegistry.of(security.bearerTokens());
                if (security.tokenFile() != null) {
                    watcher = startWatcher(security, tokens);
                }
                // With the identity provider's tokens accepted too, none is generated: shared ones are only those set.
                if (!security.hasConfiguredTokens() && !settings.oauth().oauth()) {
                    generated = TokenGenerator.generate();
                    tokens = TokenRegistry.of(List.of(generated));
                }
            }
            McpHttpServer server = new McpHttpServer(settings.host(), settings.port(), settings.production(), security,
                    tokens, settings.omitAuth() ? null : settings.oauth(), log, InstantSource.system(), features,
                    entitlements, tools, settings.revisions(), shared);
            try {
                server.start();
            } catch (Exception e) {
                System.err.println("cisco-support-mcp: cannot listen on " + settings.host() + ":" + settings.port() + " ("
                        + e.getMessage() + "); set PORT or --port to a free port, or HOST to an address of this machine.");
                return 2;
            }
            McpServers.prepareValidating();
            if (settings.missingCredentials().isEmpty() && settings.entitlementCheck()) {
                entitlements.checkInBackground();
            }
            // The person at this console set the token: on loopback, outside production, the snippet carries it so
            // that it works when pasted; elsewhere it shows a placeholder rather than print a shared secret.
            String configured = !settings.production() && DeploymentChecks.isLoopback(settings.host()) && !security.bearerTokens().isEmpty()
                    ? security.bearerTokens().get(0) : null;
            ConnectionHints.http(System.err, server.url(), generated, configured, settings.omitAuth(), settings.sandbox(),
                    settings.oauth());
            LOG.info("Listening on {}", server.url());
            Thread hook = new Thread(() -> {
                server.shutdown(settings.shutdownGrace());
                log.close(); // the drained requests' lines too
            }, "shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            server.join();
            return 0;
        } catch (SettingsException e) {
            System.err.println("cisco-support-mcp: " + e.getMessage());
            return 2;
        } finally {
            if (watcher != null) {
                watcher.close();
            }
        }
    }

    private static void refuseOmitAuthWhereUnsafe(Settings settings) {
        if (settings.production()) {
            throw new SettingsException("DANGEROUSLY_OMIT_AUTH=true is refused when NODE_ENV=production: set"
                    + " MCP_BEARER_TOKEN (java -jar cisco-support-mcp.jar --generate-token makes one).");
        }
        if (!DeploymentChecks.isLoopback(settings.host())) {
            throw new SettingsException("DANGEROUSLY_OMIT_AUTH=true is refused with HOST=" + settings.host()
                    + ": without authentication the server may only listen on 127.0.0.1.");
        }
    }

    private static void warnAuthOff(Settings settings, SecurityLog log) {
        System.err.println("WARNING: DANGEROUSLY_OMIT_AUTH=true - HTTP authentication is OFF. Anyone who can reach "
                + settings.host() + ":" + settings.port() + " can use this server and its Cisco credentials.");
        log.warn("Authentication disabled", new SecurityLog.Client("", "", "/mcp"),
                Map.of("reason", "DANGEROUSLY_OMIT_AUTH=true"));
    }

    private static TokenFileWatcher startWatcher(HttpSecurity security, TokenRegistry tokens) {
        try {
            return TokenFileWatcher.start(security.tokenFile(), tokens, Duration.ofSeconds(1));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("MCP_BEARER_TOKEN_FILE " + security.tokenFile() + ": " + e.getMessage() + ".");
        }
    }
}
