package dev.ciscosupport.mcp.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The OAuth discovery paths MCP clients probe before they connect (RFC 9728 protected-resource metadata, RFC 8414
 * authorization-server metadata, OpenID configuration, at the root and under {@code /mcp}). This server takes
 * bearer tokens and has no OAuth metadata to offer, so each gets a fast, public 404 in JSON: the client then
 * uses the token it was given, and nothing counts as a failed login.
 */
final class WellKnownServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String[] PATHS = {"/.well-known/*", McpHttpServer.MCP_PATH + "/.well-known/*"};

    static boolean isDiscovery(String path) {
        return path != null && (path.startsWith("/.well-known/") || path.startsWith(McpHttpServer.MCP_PATH + "/.well-known/"));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"error\":\"not_found\",\"message\":\"This server has no OAuth metadata: it"
                + " takes a bearer token (Authorization: Bearer <token>).\"}").getBytes(StandardCharsets.UTF_8));
    }
}
