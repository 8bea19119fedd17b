package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.server.JsonRpcShape;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tools.jackson.databind.JsonNode;

/**
 * Answers a JSON-RPC {@code ping} sent without a session, as in the security guide's two curl examples
 * ({@code {"jsonrpc":"2.0","method":"ping","id":1}} with no prior initialize). MCP lets either side ping
 * at any time; the SDK's transport would refuse it for want of a session. Any other request passes on
 * unchanged. Reads the message {@link JsonRpcBodyFilter} parsed.
 */
final class SessionlessPingFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getHeader("Mcp-Session-Id") == null
                && request.getAttribute(JsonRpcBodyFilter.MESSAGE) instanceof JsonNode message
                && "ping".equals(message.path("method").asString("")) && message.has("id")
                && "2.0".equals(message.path("jsonrpc").asString(""))) {
            Answers.write(response, 200, JsonRpcShape.pong(message));
            return;
        }
        chain.doFilter(request, response);
    }
}
