package dev.ciscosupport.mcp.smartbonding;

import dev.ciscosupport.mcp.cisco.ThirdPartyText;
import dev.ciscosupport.mcp.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What Smart Bonding says when it refuses: Cisco documents only that standard HTTP status codes are used
 * ("Application Registration"); clients in the field read a JSON body {@code {"message": ..., "status": ...}}, and the
 * token endpoint answers OAuth's {@code {"error", "error_description"}}. Any other body is shown as text, shortened.
 */
final class SmartBondingErrors {
    private static final int SHOWN = 300;

    private SmartBondingErrors() {
    }

    /** The refusal's own words, or "" when the body has none. */
    static String message(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            for (String field : new String[] {"message", "error_description", "error", "Remarks"}) {
                JsonNode value = root.path(field);
                if (value.isString() && !value.asString().isBlank()) {
                    return printable(value.asString());
                }
            }
            return "";
        } catch (JacksonException e) {
            return body.stripLeading().startsWith("<") ? "" : printable(body); // an HTML error page says nothing useful
        }
    }

    /** Third-party text as one short printable line. */
    static String printable(String text) {
        String line = ThirdPartyText.clean(text).replaceAll("\\s+", " ").strip();
        return line.length() <= SHOWN ? line : line.substring(0, SHOWN) + "...";
    }
}
