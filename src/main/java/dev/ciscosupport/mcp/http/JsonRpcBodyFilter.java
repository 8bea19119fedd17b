package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.json.Json;
import dev.ciscosupport.mcp.server.JsonRpcShape;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a POSTed body once, up to the size limit, and refuses what is not one JSON-RPC object with a
 * 4xx and a sentence, before the SDK sees it: its transport answers some such bodies (a bare
 * {@code null}, say) with a 500 and an internal message. The parsed message is left as a request
 * attribute and the body replayed for the transport.
 */
final class JsonRpcBodyFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final String MESSAGE = "dev.ciscosupport.mcp.message";
    /** The JSON-RPC ID of a request, as text, for the transport context (cancellation finds the call by it). */
    static final String REQUEST_ID = "dev.ciscosupport.mcp.requestId";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JsonRpcBodyFilter.class);
    private final int limit;

    JsonRpcBodyFilter(int limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(limit + 1);
        } catch (IOException | RuntimeException e) {
            // Cut short, a malformed chunk, or slower than the minimum data rate: the client's fault, not a server
            // failure, so a 400 and a sentence rather than a 500 and a stack trace in the log.
            LOG.info("Request body unreadable from {}: {}", request.getRemoteAddr(), e.toString());
            response.setHeader("Connection", "close");
            Answers.jsonRpcError(response, 400, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "The request body could not be read: it ended early, was malformed, or came too slowly.");
            return;
        }
        if (body.length > limit) {
            response.setHeader("Connection", "close");
            Answers.jsonRpcError(response, 413, McpSchema.ErrorCodes.INVALID_REQUEST, BodySizeFilter.tooLarge(limit));
            return;
        }
        JsonNode message = parse(body);
        if (message == null) {
            Answers.jsonRpcError(response, 400, McpSchema.ErrorCodes.PARSE_ERROR,
                    "Parse error: the body is not valid JSON (or is nested too deeply).");
            return;
        }
        if (!message.isObject()) {
            Answers.jsonRpcError(response, 400, McpSchema.ErrorCodes.INVALID_REQUEST, message.isArray()
                    ? "Batches are not part of MCP 2025-06-18: send one JSON-RPC message per request."
                    : "The body must be one JSON-RPC 2.0 object, such as {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}.");
            return;
        }
        String problem = JsonRpcShape.problem(message, !RevisionFilter.stateless(request));
        if (problem != null) {
            Answers.jsonRpcError(response, 400, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid JSON-RPC message: " + problem);
            return;
        }
        request.setAttribute(MESSAGE, message);
        if (message.hasNonNull("id") && message.has("method")) {
            request.setAttribute(REQUEST_ID, message.get("id").asString());
        }
        chain.doFilter(new ReplayedRequest(request, body), response);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (RuntimeException e) {
            return null; // not JSON, or over Jackson's nesting and size limits
        }
    }
}
