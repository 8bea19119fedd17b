package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.oauth.ResourceServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The OAuth discovery paths MCP clients probe before they connect (RFC 9728 protected-resource metadata, RFC 8414
 * authorization-server metadata, OpenID configuration, at the root and under {@code /mcp}). When the identity
 * provider's tokens are accepted ({@code MCP_AUTH=oauth} or {@code both}), the protected-resource metadata is served at
 * {@code /.well-known/oauth-protected-resource} and {@code /.well-known/oauth-protected-resource/mcp}: the client learns
 * from it which provider to sign in with and which scopes to ask for. This server is never an authorization server, so
 * every other path (and, with shared tokens only, these too) gets a fast, public 404 in JSON: the client then uses the
 * token it was given, and nothing counts as a failed login.
 */
final class WellKnownServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String[] PATHS = {"/.well-known/*", McpHttpServer.MCP_PATH + "/.well-known/*"};

    private final transient ResourceServer oauth;

    /** @param oauth the resource server whose metadata is served, or null when only shared tokens are accepted */
    WellKnownServlet(ResourceServer oauth) {
        this.oauth = oauth;
    }

    static boolean isDiscovery(String path) {
        return path != null && (path.startsWith("/.well-known/") || path.startsWith(McpHttpServer.MCP_PATH + "/.well-known/"));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        response.setContentType("application/json");
        if (oauth != null && (path.equals(ResourceServer.METADATA_PATH)
                || path.equals(ResourceServer.METADATA_PATH + McpHttpServer.MCP_PATH))) {
            response.getOutputStream().write(oauth.metadata().getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        String message = oauth != null ? "This server is an OAuth resource server, not an authorization server: its"
                + " metadata is at " + ResourceServer.METADATA_PATH + McpHttpServer.MCP_PATH + "."
                : "This server has no OAuth metadata: it takes a bearer token (Authorization: Bearer <token>).";
        response.getOutputStream().write(("{\"error\":\"not_found\",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
