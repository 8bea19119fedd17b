package dev.ciscosupport.mcp.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * CORS for origins {@link HostOriginFilter} has already let through: the origin is echoed (never
 * {@code *}), credentials are allowed, {@code Mcp-Session-Id} is exposed, and preflight requests are
 * answered here, before authentication, as browsers send them without credentials. A browser client may send every
 * header an MCP client sends: the 2025-11-25 ones, this server's {@code X-MCP-Toolsets}, and those of 2026-07-28
 * ({@code Mcp-Method}, {@code Mcp-Name}, and a tool's {@code Mcp-Param-*}, which only the preflight names).
 */
final class CorsFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, Mcp-Session-Id, MCP-Protocol-Version,"
            + " Last-Event-ID, X-MCP-Toolsets, Mcp-Method, Mcp-Name";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Access-Control-Allow-Credentials", "true");
        response.setHeader("Access-Control-Expose-Headers", "Mcp-Session-Id, MCP-Protocol-Version, WWW-Authenticate");
        response.addHeader("Vary", "Origin");
        if (isPreflight(request)) {
            response.setHeader("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS + toolParameterHeaders(request));
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isPreflight(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
    }

    /** The {@code Mcp-Param-*} headers the preflight asks for (a tool's parameters, so no list can name them all). */
    private static String toolParameterHeaders(HttpServletRequest request) {
        String asked = request.getHeader("Access-Control-Request-Headers");
        StringBuilder allowed = new StringBuilder();
        for (String name : asked == null ? new String[0] : asked.split(",")) {
            String header = name.strip();
            if (header.regionMatches(true, 0, "Mcp-Param-", 0, 10) && header.matches("[A-Za-z0-9-]{11,100}")) {
                allowed.append(", ").append(header);
            }
        }
        return allowed.toString();
    }
}
