package dev.ciscosupport.mcp.cisco;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A Cisco record as plain maps and lists for structured content, keeping everything Cisco filled in and nothing
 * it left empty: Cisco's deep records (an RMA has some eighty fields, most blank on any one return) stay whole
 * without a page of empty strings. Keys become snake_case; values are Cisco's text, stripped.
 */
public final class CompactTree {
    private CompactTree() {
    }

    /** The object's filled-in fields; {@code renames} maps Cisco's key (misspellings included) to ours first. */
    public static Map<String, Object> of(JsonNode object, Map<String, String> renames) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            Object value = value(e.getValue(), renames);
            if (value != null) {
                out.put(renames.getOrDefault(e.getKey(), snake(e.getKey())), value);
            }
        }
        return out;
    }

    private static Object value(JsonNode node, Map<String, String> renames) {
        if (node.isObject()) {
            Map<String, Object> m = of(node, renames);
            return m.isEmpty() ? null : m;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> {
                Object v = value(item, renames);
                if (v != null) {
                    list.add(v);
                }
            });
            return list.isEmpty() ? null : list;
        }
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        String text = node.asString().strip();
        return text.isEmpty() ? null : text;
    }

    // Compiled once: every key of every answer goes through them.
    private static final java.util.regex.Pattern ACRONYM_THEN_WORD = java.util.regex.Pattern.compile("([A-Z]+)([A-Z][a-z])");
    private static final java.util.regex.Pattern LOWER_THEN_UPPER = java.util.regex.Pattern.compile("([a-z0-9])([A-Z])");

    /** {@code customerPONumber} -> {@code customer_po_number}, {@code shipToInfo} -> {@code ship_to_info}. */
    static String snake(String key) {
        return LOWER_THEN_UPPER.matcher(ACRONYM_THEN_WORD.matcher(key).replaceAll("$1_$2")).replaceAll("$1_$2")
                .toLowerCase(Locale.ROOT);
    }
}
