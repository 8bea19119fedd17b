package dev.ciscosupport.mcp.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a request whose declared body is over the limit before reading it (413). Bodies sent without
 * a length are capped by the transport's own limit, set to the same value.
 */
final class BodySizeFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private final long limit;

    BodySizeFilter(long limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > limit) {
            response.setHeader("Connection", "close");
            Answers.jsonRpcError(response, 413, -32600, "Request too large: the limit is " + limit / 1024 + " KiB.");
            return;
        }
        chain.doFilter(request, response);
    }
}
