package dev.ciscosupport.mcp.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * The Streamable HTTP transport's rule the SDK does not enforce: a request naming an
 * {@code MCP-Protocol-Version} the server does not speak is answered 400. A request without the header is
 * served (the specification has servers assume 2025-03-26 then).
 */
final class ProtocolVersionFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final Set<String> SUPPORTED = Set.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String version = request.getHeader("MCP-Protocol-Version");
        if (version != null && !SUPPORTED.contains(version.strip())) {
            Answers.jsonRpcError(request, response, 400, -32600, "Unsupported MCP-Protocol-Version; this server speaks "
                    + String.join(", ", SUPPORTED.stream().sorted().toList()) + ".");
            return;
        }
        chain.doFilter(request, response);
    }
}
