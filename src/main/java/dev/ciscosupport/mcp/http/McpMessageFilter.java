package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.config.SettingsException;
import dev.ciscosupport.mcp.config.Toolset;
import dev.ciscosupport.mcp.server.OfferedTools;
import dev.ciscosupport.mcp.session.CancellableCalls;
import dev.ciscosupport.mcp.session.ToolViews;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tools.jackson.databind.JsonNode;

/**
 * What this server answers itself of a message already parsed and allowed in (so after the session-owner check):
 * {@code notifications/cancelled}, which stops the named call (the SDK has no handler for it and would only log a
 * warning; a notification gets 202), a {@code tools/call} of a tool not offered now, whose error names it, and an
 * {@code X-MCP-Toolsets} header that names no toolset (400, saying which names it takes).
 */
final class McpMessageFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private final transient CancellableCalls calls;
    private final transient OfferedTools offered;

    McpMessageFilter(CancellableCalls calls, OfferedTools offered) {
        this.calls = calls;
        this.offered = offered;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request.getAttribute(JsonRpcBodyFilter.MESSAGE) instanceof JsonNode message)) {
            chain.doFilter(request, response);
            return;
        }
        String toolsets = request.getHeader(ToolViews.TOOLSETS_HEADER);
        if (toolsets != null) {
            try {
                Toolset.parse(toolsets, ToolViews.TOOLSETS_HEADER);
            } catch (SettingsException e) {
                Answers.jsonRpcError(request, response, 400, McpSchema.ErrorCodes.INVALID_REQUEST, e.getMessage());
                return;
            }
        }
        calls.cancelIfAsked(request.getHeader("Mcp-Session-Id"), message);
        if ("notifications/cancelled".equals(message.path("method").asString(""))) {
            response.setStatus(HttpServletResponse.SC_ACCEPTED);
            return;
        }
        String unknown = offered.problem(message);
        if (unknown != null) {
            Answers.jsonRpcError(request, response, 200, McpSchema.ErrorCodes.INVALID_PARAMS, unknown);
            return;
        }
        chain.doFilter(request, response);
    }
}
