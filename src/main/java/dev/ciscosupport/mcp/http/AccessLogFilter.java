package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.metrics.Meters;
import dev.ciscosupport.mcp.security.SecurityLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost filter: one JSON access-log line per request (method, path with any token redacted,
 * status, duration, client), and the last line of defence: whatever fails below answers a plain JSON
 * 500, never Jetty's error page or a stack trace.
 */
final class AccessLogFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AccessLogFilter.class);
    private final transient SecurityLog log;

    AccessLogFilter(SecurityLog log) {
        this.log = log;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } catch (IOException e) {
            // The connection failed (the client went away, or its request could not be read): one line, no stack.
            LOG.info("Connection failed serving {} {}: {}", request.getMethod(), redactedPath(request), e.toString());
            answerFailure(request, response, 400, "The request could not be read.");
        } catch (ServletException | RuntimeException e) {
            LOG.error("Unexpected failure serving {} {}", request.getMethod(), redactedPath(request), e);
            answerFailure(request, response, 500, "Internal server error.");
        } finally {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("method", request.getMethod());
            fields.put("path", redactedPath(request));
            fields.put("status", response.getStatus());
            fields.put("durationMs", (System.nanoTime() - started) / 1_000_000);
            fields.put("tokenLabel", request.getAttribute(BearerAuthFilter.PRINCIPAL));
            fields.put("sessionId", request.getHeader("Mcp-Session-Id"));
            log.request(Answers.client(request), fields);
            if (response.getStatus() >= 400) {
                Meters.httpRefusal(response.getStatus());
            }
        }
    }

    /** A plain JSON-RPC error, if the answer has not begun and the client is still there to read it. */
    private static void answerFailure(HttpServletRequest request, HttpServletResponse response, int status, String message) {
        if (response.isCommitted()) {
            return;
        }
        try {
            response.reset();
            SecurityHeadersFilter.apply(request, response);
            Answers.jsonRpcError(response, status, status == 500 ? -32603 : -32600, message);
        } catch (IOException | RuntimeException gone) {
            LOG.debug("No answer sent: {}", gone.toString());
        }
    }

    /** The path and query, with any token in them replaced ({@link Redaction}). */
    static String redactedPath(HttpServletRequest request) {
        return Redaction.pathAndQuery(request.getRequestURI(), request.getQueryString());
    }
}
