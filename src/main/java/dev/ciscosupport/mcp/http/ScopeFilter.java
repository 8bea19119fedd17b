package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.oauth.Grant;
import dev.ciscosupport.mcp.oauth.ResourceServer;
import dev.ciscosupport.mcp.security.SecurityLog;
import dev.ciscosupport.mcp.server.ServerFeatures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An OAuth caller's scopes against what a request uses: a tool, resource or prompt of a Cisco API needs that API's scope
 * ({@code MCP_OAUTH_API_SCOPES}), and without it the answer is 403 with {@code error="insufficient_scope"} and the
 * scopes to ask for, which MCP clients act on by asking the provider again (step-up). Both protocol revisions pass here.
 */
final class ScopeFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    /** The attribute that carries the Cisco APIs the caller's scopes allow, for what {@code tools/list} shows it. */
    static final String GRANTED_APIS = "dev.ciscosupport.mcp.grantedApis";
    private final transient ResourceServer oauth;
    private final transient ServerFeatures features;
    private final transient SecurityLog log;

    ScopeFilter(ResourceServer oauth, ServerFeatures features, SecurityLog log) {
        this.oauth = oauth;
        this.features = features;
        this.log = log;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(BearerAuthFilter.GRANT) instanceof Grant grant
                && request.getAttribute(JsonRpcBodyFilter.MESSAGE) instanceof JsonNode message) {
            Set<SupportApi> granted = EnumSet.noneOf(SupportApi.class);
            for (SupportApi each : SupportApi.values()) {
                if (grant.allows(oauth.scopes(), each)) {
                    granted.add(each);
                }
            }
            request.setAttribute(GRANTED_APIS, granted);
            Optional<SupportApi> api = features.apiUsedBy(message);
            Optional<String> needed = api.flatMap(oauth.scopes()::needed);
            if (needed.isPresent() && !grant.scopes().contains(needed.get())) {
                BearerAuthFilter.insufficientScope(oauth, grant, needed.get(), request, response, log);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
