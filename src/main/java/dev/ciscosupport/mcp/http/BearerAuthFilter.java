package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.security.FailedLogins;
import dev.ciscosupport.mcp.security.SecurityLog;
import dev.ciscosupport.mcp.security.TokenRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lets a request through only with a valid bearer token: in {@code Authorization: Bearer <token>}
 * (scheme in any case) or, as the security guide's fallback and unless switched off, the {@code token}
 * query parameter. Every endpoint needs it except {@code GET /health} and CORS preflight. Refusals are
 * 401 with {@code WWW-Authenticate} and a short JSON body, and a security event; an address with too
 * many failures in a short time is blocked for a while (429).
 */
final class BearerAuthFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    /** The request attribute that carries the token's label (never the token) to later filters and MCP. */
    static final String PRINCIPAL = "dev.ciscosupport.mcp.principal";
    static final String CALLER = "dev.ciscosupport.mcp.caller";
    private static final String REALM = "Bearer realm=\"cisco-support-mcp\"";

    private final transient TokenRegistry tokens;
    private final transient FailedLogins failures;
    private final transient SecurityLog log;
    private final boolean queryToken;

    BearerAuthFilter(TokenRegistry tokens, FailedLogins failures, SecurityLog log, boolean queryToken) {
        this.tokens = tokens;
        this.failures = failures;
        this.log = log;
        this.queryToken = queryToken;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isOpen(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        long blocked = failures.blockedSeconds(address);
        if (blocked > 0) {
            response.setHeader("Retry-After", String.valueOf(blocked));
            Answers.jsonRpcError(response, 429, Answers.SERVER_ERROR, "Too many failed authentications from this"
                    + " address; retry after " + blocked + " s.");
            return;
        }
        Optional<String> presented = presentedToken(request);
        Optional<String> label = presented.flatMap(tokens::check);
        if (label.isPresent()) {
            request.setAttribute(PRINCIPAL, label.get());
            request.setAttribute(CALLER, TokenRegistry.fingerprint(presented.get()));
            chain.doFilter(request, response);
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reason", presented.isPresent() ? "invalid token" : "missing token");
        fields.put("sessionId", request.getHeader("Mcp-Session-Id"));
        log.warn(presented.isPresent() ? "Invalid token attempt" : "Authentication failed", Answers.client(request), fields);
        if (failures.failed(address)) {
            log.warn("Address blocked after repeated authentication failures", Answers.client(request),
                    Map.of("reason", "repeated authentication failures"));
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", presented.isPresent() ? REALM + ", error=\"invalid_token\"" : REALM);
        response.setContentType("application/json");
        String message = presented.isPresent() ? "The bearer token is not valid."
                : "A bearer token is required: send Authorization: Bearer <token>.";
        response.getOutputStream().write(("{\"error\":\"unauthorized\",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isOpen(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && "/health".equals(request.getRequestURI())
                || CorsFilter.isPreflight(request);
    }

    private Optional<String> presentedToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null) {
            String h = header.strip();
            if (h.length() > 7 && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Optional.of(h.substring(7).strip());
            }
            return Optional.of(""); // another scheme, or an empty value: a wrong token, not a missing one
        }
        if (!queryToken) {
            return Optional.empty();
        }
        // Only the query string: reading getParameter would consume a form body.
        String query = request.getQueryString();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("token=")) {
                return Optional.of(java.net.URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
