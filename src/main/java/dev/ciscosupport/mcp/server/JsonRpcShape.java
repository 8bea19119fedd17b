package dev.ciscosupport.mcp.server;

import dev.ciscosupport.mcp.json.Json;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a JSON-RPC message must look like before the SDK may see it, on either transport: found by
 * FuzzIT, the SDK answers some wrongly shaped messages with a 500 (HTTP) or an internal error.
 */
public final class JsonRpcShape {
    private JsonRpcShape() {
    }

    /** The answer to a {@code ping} (MCP lets either side ping at any time, before initialization too). */
    public static ObjectNode pong(JsonNode ping) {
        ObjectNode pong = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0");
        pong.set("id", ping.get("id"));
        pong.putObject("result");
        return pong;
    }

    /**
     * What makes this object not a JSON-RPC 2.0 message as MCP uses them, or null. The SDK's transport
     * answers some of these (params: null, say) with a 500.
     */
    public static String problem(JsonNode message) {
        return problem(message, true);
    }

    /**
     * The same, for a message to either revision's server: the 2025-11-25 server also needs the params its methods
     * require checked ({@code withParams}); the 2026-07-28 server checks them itself, and answers the methods it removed
     * (initialize, logging/setLevel...) as unknown, whatever their params.
     */
    public static String problem(JsonNode message, boolean withParams) {
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
        Map<String, String> required = withParams ? REQUIRED.getOrDefault(method.asString(), Map.of()) : Map.of();
        for (Map.Entry<String, String> field : required.entrySet()) {
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

}
