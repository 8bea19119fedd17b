package dev.ciscosupport.mcp.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small builders for the JSON Schemas of tool inputs and outputs. Input objects are always strict
 * ({@code additionalProperties: false}), so a misspelled parameter is refused instead of ignored.
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

    static Map<String, Object> string(String description) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "string");
        schema.put("description", description);
        return schema;
    }

    static Map<String, Object> string(String description, String pattern, int maxLength) {
        Map<String, Object> schema = string(description);
        schema.put("minLength", 1);
        schema.put("maxLength", maxLength);
        schema.put("pattern", pattern);
        return schema;
    }

    /** Text that never reaches a Cisco URL as it is (only what is read out of it does): any characters, bounded. */
    static Map<String, Object> text(String description, int maxLength) {
        Map<String, Object> schema = string(description);
        schema.put("minLength", 1);
        schema.put("maxLength", maxLength);
        return schema;
    }

    static Map<String, Object> enumOf(String description, List<String> values) {
        Map<String, Object> schema = string(description);
        schema.put("enum", values);
        return schema;
    }

    /**
     * The same string schema, also taking a whole number: clients and models send {@code 2} for {@code "2"} and
     * {@code 694000000} for a case number (the Inspector's {@code --tool-arg} does so for every digit string). An
     * enum of digits becomes a pattern for the text and bounds for the number.
     */
    static Map<String, Object> orInteger(Map<String, Object> stringSchema) {
        Map<String, Object> schema = new LinkedHashMap<>(stringSchema);
        schema.put("type", List.of("string", "integer"));
        Object values = schema.remove("enum");
        if (values instanceof List<?> list) {
            List<Integer> numbers = list.stream().map(v -> Integer.parseInt(v.toString())).toList();
            schema.put("pattern", "^(" + String.join("|", list.stream().map(Object::toString).toList()) + ")$");
            schema.put("minimum", numbers.stream().min(Integer::compare).orElseThrow());
            schema.put("maximum", numbers.stream().max(Integer::compare).orElseThrow());
        } else {
            schema.put("minimum", 0);
        }
        return schema;
    }

    static Map<String, Object> integer(String description, int minimum, int maximum) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "integer");
        schema.put("description", description);
        schema.put("minimum", minimum);
        schema.put("maximum", maximum);
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

    /** A pattern for a comma-separated list of items that each match {@code itemRegex}. */
    static String listPattern(String itemRegex) {
        return "^\\s*" + itemRegex + "(\\s*,\\s*" + itemRegex + ")*\\s*$";
    }

    /** Every result says whether its data came from Cisco or the sandbox. */
    static Map.Entry<String, Object> source() {
        return Map.entry("source", enumOf("Where the data came from.", List.of("cisco", "sandbox")));
    }

    /** Present when some of the Cisco answers behind a result were reused from the server's cache. */
    static Map.Entry<String, Object> cache() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("reused_answers", integer("Cisco answers reused from the cache.", 1, Integer.MAX_VALUE));
        properties.put("oldest_age_seconds", integer("Age of the oldest reused answer.", 0, Integer.MAX_VALUE));
        Map<String, Object> schema = object(properties, List.of("reused_answers", "oldest_age_seconds"));
        schema.put("description", "Present when answers were reused from the server's cache instead of fetched from Cisco now.");
        return Map.entry("cache", schema);
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
