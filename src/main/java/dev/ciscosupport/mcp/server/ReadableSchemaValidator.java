package dev.ciscosupport.mcp.server;

import dev.ciscosupport.mcp.tools.OwnStructuredContent;
import dev.ciscosupport.mcp.tools.UnknownArguments;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SDK's JSON Schema validator, with messages a person can act on. The validator says
 * "/bug_ids: does not match the regex pattern ^\s*CSC..."; this adds what the parameter should look like
 * (its description from the schema) and, for an unknown parameter, the parameters the tool takes.
 */
final class ReadableSchemaValidator implements JsonSchemaValidator {
    private static final Pattern PROPERTY = Pattern.compile("/([A-Za-z0-9_]+)");
    private static final Pattern UNKNOWN = Pattern.compile("property '([^']+)' is not defined");
    private static final Pattern REGEX = Pattern.compile("does not match the regex pattern \\S+");

    /**
     * Whether this server's own answers are checked against their output schemas too: with assertions on (the tests),
     * every one is, as the SDK would; in production they conform by construction ({@link OwnStructuredContent}).
     */
    private static final boolean CHECK_OWN_ANSWERS = ReadableSchemaValidator.class.desiredAssertionStatus();

    private final JsonSchemaValidator delegate;

    ReadableSchemaValidator(JsonSchemaValidator delegate) {
        this.delegate = delegate;
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object instance) {
        if (instance instanceof OwnStructuredContent && !CHECK_OWN_ANSWERS) {
            return ValidationResponse.asValid(null);
        }
        ValidationResponse response = delegate.validate(schema, instance);
        if (response.valid() || response.errorMessage() == null) {
            return response;
        }
        // A misspelled required argument shows as "required property not found": the misspelling is the news.
        @SuppressWarnings("unchecked")
        String unknown = instance instanceof Map<?, ?> arguments ? UnknownArguments.in(schema, (Map<String, Object>) arguments) : null;
        String explained = explain(schema, response.errorMessage());
        return ValidationResponse.asInvalid(unknown == null ? explained : unknown + " " + explained);
    }

    static String explain(Map<String, Object> schema, String message) {
        // The regex itself helps nobody; a trailing "]" closing the validator's list is kept.
        String base = REGEX.matcher(message).replaceAll(r -> r.group().endsWith("]") && r.end() == message.length()
                ? "is not in the expected form]" : "is not in the expected form");
        Object props = schema.get("properties");
        if (!(props instanceof Map<?, ?> properties)) {
            return base;
        }
        List<String> hints = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        Matcher m = PROPERTY.matcher(message);
        while (m.find()) {
            named.add(m.group(1));
        }
        for (String name : named) {
            if (properties.get(name) instanceof Map<?, ?> property && property.get("description") instanceof String d) {
                hints.add(name + ": " + d);
            }
        }
        if (UNKNOWN.matcher(message).find()) {
            hints.add("This tool takes only: " + String.join(", ", properties.keySet().stream().map(String::valueOf).toList())
                    + ".");
        }
        return hints.isEmpty() ? base : base + " " + String.join(" ", hints);
    }
}
