package dev.ciscosupport.mcp.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a request whose declared body is over the limit (413), without parsing it. Bodies sent
 * without a length are cut at the limit by {@link JsonRpcBodyFilter}.
 */
final class BodySizeFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private final long limit;

    BodySizeFilter(long limit) {
        this.limit = limit;
    }

    /** The one sentence for a body over the limit, whether its size was declared or found by reading it. */
    static String tooLarge(long limit) {
        return "Request too large: the limit is " + limit / 1024 + " KiB.";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            if (declared <= 2 * limit) {
                // A client that writes its whole body before reading would see the connection reset instead of the
                // 413; a body no more than twice the limit is read and dropped first (no more than a client could make
                // us read with a body just under the limit).
                request.getInputStream().skipNBytes(declared);
            } else {
                response.setHeader("Connection", "close");
            }
            Answers.jsonRpcError(response, 413, -32600, tooLarge(limit));
            return;
        }
        chain.doFilter(request, response);
    }
}
