package dev.ciscosupport.mcp.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every tool schema goes through before a client sees it ({@link #forModel}, {@link #forClients}), and small
 * builders for the two toolset tools, whose schema lists the toolsets this server offers (known only at start); every
 * other tool's schemas are generated from its records ({@link RecordSchemas}). Input objects are always strict: a
 * misspelled parameter is refused instead of ignored ({@link UnknownArguments}, since the advertised schema leaves the
 * {@code additionalProperties: false} out to save tokens on every turn).
 */
final class Schemas {
    private Schemas() {
    }

    /** A strict object: only {@code properties}, and {@code required} must be there. */
    static Map<String, Object> strictObject(Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = object(properties, required);
        schema.put("additionalProperties", false);
        return schema;
    }

    static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    /** @param description null when the name and the constraints say it all */
    private static Map<String, Object> string(String description) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "string");
        if (description != null) {
            schema.put("description", description);
        }
        return schema;
    }

    static Map<String, Object> enumOf(String description, List<String> values) {
        Map<String, Object> schema = string(description);
        schema.put("enum", values);
        return schema;
    }

    static Map<String, Object> type(String type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        return schema;
    }

    static Map<String, Object> arrayOf(Map<String, Object> items) {
        Map<String, Object> schema = type("array");
        schema.put("items", items);
        return schema;
    }

    /** Every result says whether its data came from Cisco or the sandbox ("cisco" or "sandbox"). */
    static Map.Entry<String, Object> source() {
        return Map.entry("source", type("string"));
    }

    /**
     * An input schema as the model reads it on every turn (issue 12: the tool list is paid for per turn): no
     * {@code minLength} (emptiness is refused in code with a sentence), and no long patterns; every value is checked
     * against its {@link dev.ciscosupport.mcp.cisco.IdFormat} before anything is sent, so a long regular expression
     * only cost tokens (and, on long comma lists, stack). Short patterns (digit choices) stay: they say the form in
     * fewer tokens than words; a date pattern becomes {@code "format": "date"}. No {@code additionalProperties: false}:
     * every tool lists all its arguments, and an unknown one is refused by name before anything is sent.
     */
    static Map<String, Object> forModel(Map<String, Object> schema) {
        Map<String, Object> out = new LinkedHashMap<>();
        schema.forEach((key, value) -> {
            if (key.equals("pattern") && value.equals(DATE)) {
                out.put("format", "date");
                return;
            }
            if (key.equals("minLength") || key.equals("additionalProperties") && Boolean.FALSE.equals(value) || key.equals("pattern") && value.toString().length() > SHORT_PATTERN
                    || (key.equals("maximum") || key.equals("maxLength")) && value instanceof Number max
                            && max.longValue() > NO_REAL_LIMIT
                    || key.equals("minimum") && value instanceof Number min && min.doubleValue() == 0) {
                return;
            }
            out.put(key, nested(value, Schemas::forModel));
        });
        return out;
    }

    private static final int SHORT_PATTERN = 25;
    /** A calendar date; advertised as JSON Schema's {@code "format": "date"}, which says the same in fewer tokens. */
    static final String DATE = "^\\d{4}-\\d{2}-\\d{2}$";
    /**
     * Bounds that only guard against nonsense (page 99999, a list of 3150 characters) are checked in code, not described
     * on every turn; real limits the model should know (a 50-character keyword, 100 advisories) stay.
     */
    private static final int NO_REAL_LIMIT = 100;

    /**
     * An output schema as clients need it to check structured content: the top-level fields and their types; what
     * lies inside them is described by each tool's description and seen in the results, not repeated on every turn.
     */
    static Map<String, Object> forClients(Map<String, Object> schema) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "object");
        Object properties = schema.get("properties");
        if (properties instanceof Map<?, ?> map) {
            Map<String, Object> flat = new LinkedHashMap<>();
            map.forEach((name, property) -> flat.put(name.toString(), typeOnly(property)));
            out.put("properties", flat);
        }
        if (schema.containsKey("required")) {
            out.put("required", schema.get("required"));
        }
        return out;
    }

    private static Map<String, Object> typeOnly(Object property) {
        Map<String, Object> schema = new LinkedHashMap<>();
        if (property instanceof Map<?, ?> map) {
            schema.put("type", map.get("type"));
            if ("array".equals(map.get("type")) && map.get("items") instanceof Map<?, ?> items) {
                schema.put("items", Map.of("type", items.get("type")));
            }
        }
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static Object nested(Object value, java.util.function.UnaryOperator<Map<String, Object>> each) {
        if (value instanceof Map<?, ?> map && !map.isEmpty() && map.keySet().iterator().next() instanceof String) {
            Map<String, Object> typed = (Map<String, Object>) map;
            if (typed.values().stream().allMatch(v -> v instanceof Map)) { // "properties": name -> schema
                Map<String, Object> out = new LinkedHashMap<>();
                typed.forEach((k, v) -> out.put(k, each.apply((Map<String, Object>) v)));
                return out;
            }
            return each.apply(typed);
        }
        return value;
    }

    @SafeVarargs
    static Map<String, Object> properties(Map.Entry<String, Object>... entries) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : entries) {
            map.put(e.getKey(), e.getValue());
        }
        return map;
    }
}
