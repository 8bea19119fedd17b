package dev.ciscosupport.mcp.tools;

import java.util.Map;

/**
 * Arguments a tool does not take. Advertised input schemas leave {@code additionalProperties: false} out (it is paid
 * for on every turn), yet a misspelled argument must be refused rather than silently ignored: this says which.
 */
public final class UnknownArguments {
    private UnknownArguments() {
    }

    /**
     * What is wrong when arguments name something the tool does not take (at the top level or inside an object
     * argument), or null: "Unknown argument 'bugid'. This tool takes only: bug_ids."
     */
    @SuppressWarnings("unchecked")
    public static String in(Map<String, Object> schema, Map<String, Object> arguments) {
        if (!(schema.get("properties") instanceof Map<?, ?> named) || arguments == null) {
            return null;
        }
        Map<String, Object> properties = (Map<String, Object>) named;
        for (Map.Entry<String, Object> argument : arguments.entrySet()) {
            Object property = properties.get(argument.getKey());
            if (property == null) {
                return "Unknown argument '" + argument.getKey() + "'. This tool takes only: "
                        + String.join(", ", properties.keySet()) + ".";
            }
            if (property instanceof Map<?, ?> inner && argument.getValue() instanceof Map<?, ?> given) {
                String nested = in((Map<String, Object>) inner, (Map<String, Object>) given);
                if (nested != null) {
                    return argument.getKey() + ": " + nested;
                }
            }
        }
        return null;
    }

}
