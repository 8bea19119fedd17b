package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.security.SecurityLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * DNS-rebinding protection, always on and before anything else decides: the Host header must name
 * this server, and an Origin header must be an allowed origin ({@link OriginPolicy}); otherwise 403.
 */
final class HostOriginFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private final transient OriginPolicy policy;
    private final transient SecurityLog log;

    HostOriginFilter(OriginPolicy policy, SecurityLog log) {
        this.policy = policy;
        this.log = log;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String host = request.getHeader("Host");
        if (!policy.hostAllowed(host)) {
            log.warn("Host header rejected", Answers.client(request), Map.of("reason", "host not allowed",
                    "host", printable(host)));
            Answers.jsonRpcError(response, 403, Answers.SERVER_ERROR,
                    "Forbidden: this Host is not served here (set MCP_ALLOWED_HOSTS to add one).");
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !policy.originAllowed(origin)) {
            log.warn("Origin rejected", Answers.client(request), Map.of("reason", "origin not allowed",
                    "origin", printable(origin)));
            Answers.jsonRpcError(response, 403, Answers.SERVER_ERROR,
                    "Forbidden: this Origin may not use the server (set MCP_ALLOWED_ORIGINS to allow one).");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String printable(String value) {
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 100 ? clean.substring(0, 100) : clean;
    }
}
