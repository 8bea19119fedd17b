package dev.ciscosupport.mcp.prompts;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of one {@code prompts/get}, checked: a missing required argument or a value outside its
 * choices is a JSON-RPC error that names the prompt, the argument and what it takes, never the word
 * "undefined" in a prompt.
 */
final class PromptArgs {
    private final String prompt;
    private final Map<String, String> values;
    private final ProductResolver products;

    PromptArgs(String prompt, Map<String, Object> arguments, ProductResolver products) {
        this.prompt = prompt;
        this.values = arguments == null ? Map.of() : arguments.entrySet().stream()
                .filter(e -> e.getValue() != null && !String.valueOf(e.getValue()).isBlank())
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()).strip()));
        this.products = products;
    }

    String required(String name, String what) {
        return optional(name).orElseThrow(() -> invalid("The prompt " + prompt + " needs " + name + ": " + what + "."));
    }

    Optional<String> optional(String name) {
        String value = values.get(name);
        if (value != null && value.length() > 500) {
            throw invalid("The argument " + name + " of the prompt " + prompt + " is longer than 500 characters.");
        }
        return Optional.ofNullable(value);
    }

    /** An optional argument that must be one of {@code choices} (any case); the choice as listed. */
    Optional<String> oneOf(String name, List<String> choices) {
        return optional(name).map(v -> choices.stream().filter(c -> c.equalsIgnoreCase(v)).findFirst()
                .orElseThrow(() -> invalid("The argument " + name + " of the prompt " + prompt + " must be one of "
                        + String.join(", ", choices) + " (got \"" + shown(v) + "\").")));
    }

    /** An optional whole number from {@code min} to {@code max}. */
    int number(String name, int fallback, int min, int max) {
        Optional<String> text = optional(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.get());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw invalid("The argument " + name + " of the prompt " + prompt + " must be a number from " + min + " to " + max
                + " (got \"" + shown(text.get()) + "\").");
    }

    /**
     * The product, given as {@code product} or found from {@code serial_number} through Cisco's Serial
     * Number to Information API; the text says which serial it came from.
     */
    String product() {
        Optional<String> product = optional("product");
        if (product.isPresent()) {
            return product.get();
        }
        Optional<String> serial = optional("serial_number");
        if (serial.isEmpty()) {
            throw invalid("The prompt " + prompt + " needs product (a product name or ID such as C9300-24T) or"
                    + " serial_number (a device serial number, looked up through Cisco).");
        }
        return products.productOf(serial.get()) + " (serial number " + serial.get() + ")";
    }

    static McpError invalid(String message) {
        return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(message).build();
    }

    private static String shown(String value) {
        String clean = value.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 40 ? clean.substring(0, 37) + "..." : clean;
    }
}
