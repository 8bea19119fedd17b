package dev.ciscosupport.mcp.json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of the whole server (Cisco's answers, MCP messages, logs, the sandbox), and lenient readers for
 * Cisco's fields: Cisco sends almost every scalar as a string ("2", "106"), sometimes as a number, and leaves fields
 * out by case state.
 */
public final class Json {
    /**
     * Jackson's shared mapper with its defaults, the very instance the MCP SDK uses ({@code JsonMapper.shared()}): one
     * mapper, whose (de)serializers are built and cached once for both.
     */
    public static final JsonMapper MAPPER = JsonMapper.shared();

    private Json() {
    }

    /** The field as text; "" when missing or null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }

    /** The field as an integer, whether Cisco sent it as a number or a string; the fallback otherwise. */
    public static int integer(JsonNode node, String field, int fallback) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.intValue();
        }
        try {
            return Integer.parseInt(value.asString("").strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
