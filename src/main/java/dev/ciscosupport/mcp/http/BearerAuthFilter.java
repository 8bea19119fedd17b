package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.security.BearerTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a request reach MCP only with a valid bearer token: in {@code Authorization: Bearer <token>}
 * (scheme in any case) or, as the security guide's fallback, the {@code token} query parameter.
 * Refusals are 401 with {@code WWW-Authenticate} and a short JSON body.
 */
final class BearerAuthFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BearerAuthFilter.class);
    /** The request attribute that carries the token's label (never the token) to the MCP transport context. */
    static final String PRINCIPAL = "dev.ciscosupport.mcp.principal";

    private final transient BearerTokens tokens;

    BearerAuthFilter(BearerTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> presented = presentedToken(request);
        Optional<String> principal = presented.flatMap(tokens::check);
        if (principal.isPresent()) {
            request.setAttribute(PRINCIPAL, principal.get());
            chain.doFilter(request, response);
            return;
        }
        LOG.warn("Authentication failed: {} token from {} for {} {}", presented.isPresent() ? "invalid" : "no",
                request.getRemoteAddr(), request.getMethod(), request.getRequestURI());
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", presented.isPresent()
                ? "Bearer realm=\"cisco-support-mcp\", error=\"invalid_token\"" : "Bearer realm=\"cisco-support-mcp\"");
        response.setContentType("application/json");
        String message = presented.isPresent() ? "The bearer token is not valid."
                : "A bearer token is required: send Authorization: Bearer <token>.";
        response.getOutputStream().write(("{\"error\":\"unauthorized\",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> presentedToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null) {
            String h = header.strip();
            if (h.length() > 7 && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Optional.of(h.substring(7).strip());
            }
            return Optional.of(""); // some other scheme or an empty value: a wrong token, not a missing one
        }
        return Optional.ofNullable(request.getParameter("token"));
    }
}
