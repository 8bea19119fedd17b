package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.json.Json;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Repairs around the SDK's servlet transport (see reference/mcp-java.md §4), two for what a client sees, two for
 * what its answers cost:
 * <ul>
 * <li>its 4xx/5xx bodies are serialized exceptions with stack traces (java-sdk #955); they are
 * rewritten to a plain JSON-RPC error that keeps only the code and message;</li>
 * <li>an SSE stream opened by GET sends no headers until its first event; they are flushed at once so
 * the client knows the stream is open;</li>
 * <li>an SSE answer to a POST is flushed before the request is handled, headers alone: a write of its own
 * on the socket, 5% of the server's CPU per tool call (profiled at 32 concurrent calls). The headers wait
 * for the first event instead, which the SDK flushes as soon as it is written (progress, a request to the
 * client, the answer), or for the end of the answer. The client waits for that event either way;</li>
 * <li>the last event of a POST's SSE answer, the JSON-RPC response, is flushed alone and the end of the body
 * follows in another write. Its flush is left to that end, which follows at once: one write instead of two.</li>
 * </ul>
 */
final class SdkResponseFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RepairedResponse repaired = new RepairedResponse(response, request.getMethod().equals("POST"));
        chain.doFilter(request, repaired);
        if (repaired.buffer != null) {
            byte[] body = cleanError(repaired.getStatus(), repaired.buffer.toString()).getBytes(StandardCharsets.UTF_8);
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        if (request.getMethod().equals("GET") && request.isAsyncStarted() && !response.isCommitted()) {
            response.flushBuffer();
        }
    }

    /** Keeps the JSON-RPC code and message of whatever the SDK wrote; never its stack trace. */
    static String cleanError(int status, String original) {
        int code = McpSchema.ErrorCodes.INVALID_REQUEST;
        String message = status == 404 ? "Session not found" : "Bad request";
        try {
            JsonNode node = Json.MAPPER.readTree(original);
            JsonNode error = node.has("jsonRpcError") ? node.path("jsonRpcError") : node.path("error");
            if (error.path("code").isNumber()) {
                code = error.path("code").intValue();
            }
            String text = plain(error.path("message").asString(""));
            if (!text.isBlank()) {
                message = text.length() > 300 ? text.substring(0, 300) : text;
            }
        } catch (RuntimeException e) {
            // not JSON: keep the generic message
        }
        ObjectNode clean = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").putNull("id");
        clean.putObject("error").put("code", code).put("message", message);
        return Json.MAPPER.writeValueAsString(clean);
    }

    /**
     * The SDK appends parser exceptions to some messages ("Invalid message format: tools.jackson...Exception:
     * ... McpSchema$JSONRPCRequest[\"method\"]"): class names a client cannot act on. Such a message keeps
     * only its opening words and gets a sentence that says what a valid message looks like.
     */
    static String plain(String text) {
        if (!INTERNALS.matcher(text).find()) {
            return text;
        }
        int colon = text.indexOf(':');
        String opening = colon > 0 ? text.substring(0, colon) : "Bad request";
        return opening + ": the body must be one JSON-RPC 2.0 object: \"jsonrpc\":\"2.0\", a string \"method\","
                + " an \"id\" that is a string or a number (not for notifications), and \"params\" as an object.";
    }

    private static final java.util.regex.Pattern INTERNALS =
            java.util.regex.Pattern.compile("Exception|tools\\.jackson|com\\.fasterxml|io\\.modelcontextprotocol|\\$|\\bat \\[");

    /**
     * Buffers what is written through {@code getWriter()} once the status says error; does not send the
     * headers of a POST's SSE answer alone (the SDK's events are flushed through its writer, not here), nor
     * its last event without the end of the body.
     */
    private static final class RepairedResponse extends HttpServletResponseWrapper {
        StringWriter buffer;
        private final boolean post;
        private PrintWriter events;

        RepairedResponse(HttpServletResponse response, boolean post) {
            super(response);
            this.post = post;
        }

        @Override
        public void flushBuffer() throws IOException {
            String type = getContentType();
            if (post && type != null && type.startsWith("text/event-stream")) {
                return;
            }
            super.flushBuffer();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (getStatus() >= 400) {
                if (buffer == null) {
                    buffer = new StringWriter();
                }
                return new PrintWriter(buffer);
            }
            if (!post) {
                return super.getWriter();
            }
            if (events == null) {
                events = new PrintWriter(new ResponseWaitsForTheEnd(super.getWriter()));
            }
            return events;
        }
    }

    /**
     * A POST's answer as the SDK writes it: each SSE event in three writes ({@code id:}, {@code event:},
     * {@code data:}), then a flush. The event whose data is a JSON-RPC response is the stream's last: the SDK
     * completes the answer right after it. Its flush is skipped, so that Jetty sends it with the end of the
     * chunked body. Any other event (progress, a request to the client) is flushed as it comes; so would one
     * written after a response, were there one.
     */
    static final class ResponseWaitsForTheEnd extends Writer {
        /** How the SDK's mapper writes a response's data: its fields in the record's order, jsonrpc, id, result. */
        static final String RESPONSE = "data: {\"jsonrpc\":\"2.0\",\"id\":";
        private final Writer out;
        private boolean holding;

        ResponseWaitsForTheEnd(Writer out) {
            this.out = out;
        }

        @Override
        public void write(String text, int off, int len) throws IOException {
            holding = text.startsWith(RESPONSE, off);
            out.write(text, off, len);
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            holding = false;
            out.write(chars, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (!holding) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
