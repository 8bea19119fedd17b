package dev.ciscosupport.mcp.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Only the methods this server answers reach it: MCP's POST, GET and DELETE, CORS's OPTIONS, and HEAD. Anything else
 * is 405 before authentication, above all TRACE, which a servlet answers by echoing the request's headers
 * ({@code Authorization} included) back in the body.
 */
final class MethodFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final Set<String> ALLOWED = Set.of("GET", "HEAD", "POST", "DELETE", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!ALLOWED.contains(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, POST, DELETE, OPTIONS");
            Answers.jsonRpcError(response, 405, -32600, "Method not allowed: MCP uses POST, GET and DELETE.");
            return;
        }
        chain.doFilter(request, response);
    }
}
