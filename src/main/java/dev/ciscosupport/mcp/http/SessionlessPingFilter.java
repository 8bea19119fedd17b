package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.cisco.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers a JSON-RPC {@code ping} sent without a session, as in the security guide's two curl examples
 * ({@code {"jsonrpc":"2.0","method":"ping","id":1}} with no prior initialize). MCP lets either side ping
 * at any time; the SDK's transport would refuse it for want of a session. Any other request passes on
 * unchanged, its body replayed.
 */
final class SessionlessPingFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private final int limit;

    SessionlessPingFilter(int limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod()) || request.getHeader("Mcp-Session-Id") != null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        if (body.length > limit) {
            Answers.jsonRpcError(response, 413, -32600, "Request too large.");
            return;
        }
        JsonNode message = parse(body);
        if (message != null && message.isObject() && "ping".equals(message.path("method").asString(""))
                && message.has("id") && "2.0".equals(message.path("jsonrpc").asString(""))) {
            ObjectNode pong = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0");
            pong.set("id", message.get("id"));
            pong.putObject("result");
            Answers.write(response, 200, pong);
            return;
        }
        chain.doFilter(new Replayed(request, body), response);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The request with its already-read body available again. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the MCP transport reads synchronously");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
