package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.json.Json;
import dev.ciscosupport.mcp.oauth.Grant;
import dev.ciscosupport.mcp.oauth.ResourceServer;
import dev.ciscosupport.mcp.oauth.Scopes;
import dev.ciscosupport.mcp.oauth.TokenRefused;
import dev.ciscosupport.mcp.security.FailedLogins;
import dev.ciscosupport.mcp.security.SecurityLog;
import dev.ciscosupport.mcp.security.TokenRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lets a request through only with a valid bearer token: in {@code Authorization: Bearer <token>}
 * (scheme in any case) or, as the security guide's fallback and unless switched off, the {@code token}
 * query parameter. A token is valid when it is one of the shared tokens ({@code MCP_AUTH=bearer} or {@code both}), or
 * an access token the identity provider issued for this server ({@code oauth} or {@code both}; never from the query
 * string, as the MCP authorization specification says), which must also carry {@link Scopes#BASE} (403
 * {@code insufficient_scope} otherwise). Every endpoint needs it except {@code GET /health}, the OAuth discovery paths
 * (public by definition) and CORS preflight. Refusals are 401 with {@code WWW-Authenticate} (pointing at the protected
 * resource metadata when the identity provider's tokens are accepted) and a short JSON body. A wrong token is a
 * security event, and an address with too many in a short time gets 429 for a while for wrong tokens; a missing one is
 * only noted, and a valid token always passes.
 */
final class BearerAuthFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    /** The request attribute that carries the token's label (never the token) to later filters and MCP. */
    static final String PRINCIPAL = "dev.ciscosupport.mcp.principal";
    /**
     * The attribute that carries who is calling, as every per-caller limit, session owner and cache entry names it:
     * {@code token:} and the token's SHA-256 fingerprint (never the token, never its label, which tokens may share).
     */
    static final String CALLER = "dev.ciscosupport.mcp.caller";
    /** The attribute that carries an accepted access token's {@link Grant} (absent for a shared token). */
    static final String GRANT = "dev.ciscosupport.mcp.grant";
    private static final String REALM = "Bearer realm=\"cisco-support-mcp\"";

    private final transient TokenRegistry tokens;
    private final transient ResourceServer oauth;
    private final transient FailedLogins failures;
    private final transient SecurityLog log;
    private final boolean queryToken;

    /**
     * @param tokens the shared tokens, or null when only the identity provider's are accepted
     * @param oauth  the resource server that checks the identity provider's tokens, or null when only shared ones are
     */
    BearerAuthFilter(TokenRegistry tokens, ResourceServer oauth, FailedLogins failures, SecurityLog log, boolean queryToken) {
        this.tokens = tokens;
        this.oauth = oauth;
        this.failures = failures;
        this.log = log;
        this.queryToken = queryToken && tokens != null;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isOpen(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> presented = presentedToken(request);
        Optional<String> label = tokens == null ? Optional.empty() : presented.flatMap(tokens::check);
        if (label.isPresent()) {
            // A valid token is never blocked: whoever shares the address (a desktop's other clients, a NAT, a load
            // balancer) may be the one sending wrong tokens. Tokens are long random strings; the lockout and the
            // per-client rate limit keep wrong ones slow and the log quiet.
            request.setAttribute(PRINCIPAL, label.get());
            request.setAttribute(CALLER, "token:" + TokenRegistry.fingerprint(presented.get()));
            chain.doFilter(request, response);
            return;
        }
        if (presented.isEmpty()) {
            // No credentials is not a failed login: clients probe first (mcp-remote tries six discovery paths and
            // the endpoint itself before it sends the token it was given). Answered, logged quietly, never counted.
            log.info("Authentication required", Answers.client(request), Map.of("reason", "missing token"));
            unauthorized(response, challenge(null), "A bearer token is required: send Authorization: Bearer <token>.");
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
        String why = "The bearer token is not valid.";
        if (oauth != null && request.getHeader("Authorization") != null) {
            try {
                accept(oauth.verify(presented.get()), request, response, chain);
                return;
            } catch (TokenRefused refused) {
                if (refused.unavailable()) {
                    // The provider is down or its keys unreadable: not the caller's fault, nothing counted.
                    log.warn("Access token not checked", Answers.client(request), Map.of("reason", refused.getMessage()));
                    response.setHeader("Retry-After", "5");
                    Answers.jsonRpcError(response, 503, Answers.SERVER_ERROR, "The identity provider could not be"
                            + " reached to check the token; retry shortly.");
                    return;
                }
                why = refused.getMessage();
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reason", oauth != null ? why : "invalid token");
        fields.put("sessionId", request.getHeader("Mcp-Session-Id"));
        log.warn("Invalid token attempt", Answers.client(request), fields);
        if (failures.failed(address)) {
            log.warn("Address blocked after repeated authentication failures", Answers.client(request),
                    Map.of("reason", "repeated authentication failures"));
        }
        unauthorized(response, challenge(why), why);
    }

    /** An accepted access token: the person is the caller; without the base scope, 403 and a step-up challenge. */
    private void accept(Grant grant, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute(PRINCIPAL, grant.label());
        request.setAttribute(CALLER, grant.caller());
        request.setAttribute(GRANT, grant);
        if (!grant.scopes().contains(Scopes.BASE)) {
            insufficientScope(oauth, grant, Scopes.BASE, request, response, log);
            return;
        }
        chain.doFilter(request, response);
    }

    /** 403 for a token without the scope a request needs, with the challenge that lets the client step up. */
    static void insufficientScope(ResourceServer oauth, Grant grant, String needed, HttpServletRequest request,
            HttpServletResponse response, SecurityLog log) throws IOException {
        log.info("Insufficient scope", Answers.client(request), Map.of("reason", "needs " + needed,
                "tokenLabel", grant.label()));
        response.setHeader("WWW-Authenticate", oauth.insufficientScope(grant, needed));
        Answers.write(response, HttpServletResponse.SC_FORBIDDEN, Json.MAPPER.createObjectNode()
                .put("error", "insufficient_scope")
                .put("message", "This needs the scope " + needed + ", which the access token does not carry."));
    }

    /** The WWW-Authenticate of a 401: the realm, or the resource server's challenge; {@code why} for a refused token. */
    private String challenge(String why) {
        if (oauth != null) {
            return oauth.unauthorized(why);
        }
        return why == null ? REALM : REALM + ", error=\"invalid_token\"";
    }

    private static void unauthorized(HttpServletResponse response, String challenge, String message) throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        Answers.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                Json.MAPPER.createObjectNode().put("error", "unauthorized").put("message", message));
    }

    private static boolean isOpen(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && (HealthServlet.isHealth(request.getRequestURI())
                || WellKnownServlet.isDiscovery(request.getRequestURI())) || CorsFilter.isPreflight(request);
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
        return Redaction.queryToken(request.getQueryString());
    }
}
