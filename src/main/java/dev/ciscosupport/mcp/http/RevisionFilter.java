package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.config.ProtocolRevisions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Decides, once per request to {@code /mcp}, which protocol revision's server answers it ({@link
 * ProtocolRevisions#statelessOver}: by the {@code MCP-Protocol-Version} header), so that the filters written for
 * 2025-11-25 sessions ({@link #legacyOnly}) and the servlet ({@link RevisionRouter}) agree.
 */
final class RevisionFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final String STATELESS = "dev.ciscosupport.mcp.stateless";
    private final transient ProtocolRevisions revisions;

    RevisionFilter(ProtocolRevisions revisions) {
        this.revisions = revisions;
    }

    /** Whether the request goes to the 2026-07-28 (stateless) server. */
    static boolean stateless(ServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(STATELESS));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute(STATELESS, revisions.statelessOver(request.getHeader("MCP-Protocol-Version")));
        chain.doFilter(request, response);
    }

    /** {@code filter} for requests to the 2025-11-25 server; the stateless revision's requests pass it by. */
    static HttpFilter legacyOnly(HttpFilter filter) {
        return new HttpFilter() {
            private static final long serialVersionUID = 1L;

            @Override
            public void init(jakarta.servlet.FilterConfig config) throws ServletException {
                filter.init(config);
            }

            @Override
            protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                if (stateless(request)) {
                    chain.doFilter(request, response);
                } else {
                    filter.doFilter(request, response, chain);
                }
            }

            @Override
            public void destroy() {
                filter.destroy();
            }
        };
    }
}
