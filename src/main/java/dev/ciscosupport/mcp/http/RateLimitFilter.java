package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.security.ClientRateLimiter;
import dev.ciscosupport.mcp.security.SecurityLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Per-client limits, a client being its token (else its address): a token bucket for all requests, and a
 * second one for new sessions (only {@code initialize} opens one: a sessionless {@code ping} does not), so that
 * one client cannot flood the server with sessions. Excess gets 429 with {@code Retry-After} and a JSON-RPC error body.
 */
final class RateLimitFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private final transient ClientRateLimiter requests;
    private final transient ClientRateLimiter newSessions;
    private final transient SecurityLog log;

    RateLimitFilter(ClientRateLimiter requests, ClientRateLimiter newSessions, SecurityLog log) {
        this.requests = requests;
        this.newSessions = newSessions;
        this.log = log;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (CorsFilter.isPreflight(request) || HealthServlet.isHealth(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        Object label = request.getAttribute(BearerAuthFilter.PRINCIPAL);
        String client = SessionFilter.caller(request);
        long wait = requests.acquire(client);
        String what = "requests";
        if (wait == 0 && !RevisionFilter.stateless(request) && SessionFilter.isInitialize(request)) {
            wait = newSessions.acquire(client);
            what = "new sessions";
        }
        if (wait > 0) {
            log.warn("Rate limit exceeded", Answers.client(request), Map.of("reason", "too many " + what,
                    "tokenLabel", label == null ? "" : label));
            response.setHeader("Retry-After", String.valueOf(wait));
            Answers.jsonRpcError(request, response, 429, Answers.SERVER_ERROR,
                    "Rate limit exceeded (too many " + what + "); retry after " + wait + " s.");
            return;
        }
        chain.doFilter(request, response);
    }
}
