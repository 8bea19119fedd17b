package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.security.SecurityLog;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty itself answers (unknown paths, bad requests, headers too large, ambiguous paths) as a short JSON-RPC
 * error with the security headers, instead of Jetty's HTML page, and never with anything of the request in it (Jetty's
 * own messages may quote the URI, token and all).
 */
final class JsonErrorHandler extends ErrorHandler {
    private final SecurityLog log;

    /** @param log where to note each answer, or null where the access log filter already does */
    JsonErrorHandler(SecurityLog log) {
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String message = status == 404 ? "Not found: the MCP endpoint is /mcp."
                : status == 431 ? "Request headers too large." : "HTTP " + status + ".";
        String body = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"" + message + "\"}}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        SecurityHeadersFilter.HEADERS.forEach((name, value) -> response.getHeaders().put(name, value));
        if (log != null) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("reason", "refused by the HTTP layer");
            fields.put("method", request.getMethod());
            fields.put("path", Redaction.pathAndQuery(request.getHttpURI().getPath(), request.getHttpURI().getQuery()));
            fields.put("status", status);
            HttpField agent = request.getHeaders().getField(HttpHeader.USER_AGENT);
            log.info("request", new SecurityLog.Client(Request.getRemoteAddr(request), agent == null ? "" : agent.getValue(),
                    Redaction.path(request.getHttpURI().getPath())), fields);
        }
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
