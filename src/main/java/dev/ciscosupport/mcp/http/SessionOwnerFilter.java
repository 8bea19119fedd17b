package dev.ciscosupport.mcp.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ciscosupport.mcp.security.SecurityLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Binds each MCP session to the token that opened it: a session id is not a credential, so a request
 * that names a session opened with another token is refused (403) even when its own token is valid.
 */
final class SessionOwnerFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private final transient Cache<String, String> owners = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(12)).build();
    private final transient SecurityLog log;

    SessionOwnerFilter(SecurityLog log) {
        this.log = log;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object label = request.getAttribute(BearerAuthFilter.PRINCIPAL);
        String session = request.getHeader("Mcp-Session-Id");
        if (label != null && session != null) {
            String owner = owners.getIfPresent(session);
            if (owner != null && !owner.equals(label)) {
                log.warn("Session used with another token", Answers.client(request), Map.of("reason",
                        "session belongs to another token", "tokenLabel", label, "sessionId", session));
                Answers.jsonRpcError(request, response, 403, Answers.SERVER_ERROR,
                        "Forbidden: this session was opened with another token.");
                return;
            }
        }
        chain.doFilter(request, response);
        String opened = response.getHeader("Mcp-Session-Id");
        if (label != null && session == null && opened != null) {
            owners.put(opened, label.toString());
        }
    }
}
