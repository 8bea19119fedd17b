package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.cisco.Json;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
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
        byte[] body = request.getInputStream().readNBytes(limit + 1);
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
        String problem = shapeProblem(message);
        if (problem != null) {
            Answers.jsonRpcError(response, 400, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid JSON-RPC message: " + problem);
            return;
        }
        request.setAttribute(MESSAGE, message);
        chain.doFilter(new ReplayedRequest(request, body), response);
    }

    /**
     * What makes this object not a JSON-RPC 2.0 message as MCP uses them, or null. The SDK's transport
     * answers some of these (params: null, say) with a 500.
     */
    static String shapeProblem(JsonNode message) {
        if (!"2.0".equals(message.path("jsonrpc").asString(null))) {
            return "\"jsonrpc\" must be \"2.0\".";
        }
        JsonNode id = message.get("id");
        if (id != null && !(id.isString() || id.isIntegralNumber())) {
            return "\"id\" must be a string or an integer.";
        }
        JsonNode method = message.get("method");
        if (method == null) {
            boolean response = message.has("result") || message.has("error");
            return response && id != null ? null : "\"method\" is missing.";
        }
        if (!method.isString() || method.asString().isEmpty()) {
            return "\"method\" must be a non-empty string.";
        }
        JsonNode params = message.get("params");
        if (params != null && !params.isObject()) {
            return "\"params\" must be an object when present.";
        }
        for (Map.Entry<String, String> field : REQUIRED.getOrDefault(method.asString(), Map.of()).entrySet()) {
            JsonNode value = params == null ? null : params.get(field.getKey());
            boolean fits = value != null && (field.getValue().equals("string") ? value.isString() : value.isObject());
            if (!fits) {
                return method.asString() + " needs \"params\" with \"" + field.getKey() + "\" as " + (field.getValue().equals("string")
                        ? "a string." : "an object.");
            }
        }
        JsonNode arguments = params == null ? null : params.get("arguments");
        if (arguments != null && !arguments.isObject() && !arguments.isNull()) {
            return "\"arguments\" must be an object.";
        }
        return null;
    }

    /** The params MCP requires of its requests, where the SDK would fail on their absence rather than refuse it. */
    private static final Map<String, Map<String, String>> REQUIRED = Map.of(
            "initialize", orderedMap("protocolVersion", "string", "capabilities", "object", "clientInfo", "object"),
            "tools/call", Map.of("name", "string"),
            "prompts/get", Map.of("name", "string"),
            "resources/read", Map.of("uri", "string"),
            "resources/subscribe", Map.of("uri", "string"),
            "resources/unsubscribe", Map.of("uri", "string"),
            "logging/setLevel", Map.of("level", "string"),
            "completion/complete", orderedMap("ref", "object", "argument", "object"));

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (RuntimeException e) {
            return null; // not JSON, or over Jackson's nesting and size limits
        }
    }
}
