package dev.ciscosupport.mcp.http;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * One endpoint for both protocol revisions: each SDK's servlet transport serves its own revision, and this hands a
 * request to the one {@link RevisionFilter} chose. (The SDK has no transport that speaks both; the two servlets both
 * check only that the path ends with {@code /mcp}, so no forwarding is needed.)
 */
final class RevisionRouter extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient HttpServlet legacy;
    private final transient HttpServlet stateless;

    /** @param stateless the 2026-07-28 server's servlet, or null when that revision is not spoken */
    RevisionRouter(HttpServlet legacy, HttpServlet stateless) {
        this.legacy = legacy;
        this.stateless = stateless;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        legacy.init(config);
        if (stateless != null) {
            stateless.init(config);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        (RevisionFilter.stateless(request) ? stateless : legacy).service(request, response);
    }

    @Override
    public void destroy() {
        legacy.destroy();
        if (stateless != null) {
            stateless.destroy();
        }
    }
}
