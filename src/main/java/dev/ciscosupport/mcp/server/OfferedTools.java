package dev.ciscosupport.mcp.server;

import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The tools a client may call now: those the server was built with, less those of APIs withdrawn for want of
 * entitlement. A {@code tools/call} of any other name is answered before the SDK, whose answer names no tool
 * ("Unknown tool: invalid_tool_name", whatever was asked).
 */
public final class OfferedTools implements Predicate<String> {
    private final Set<String> built;
    private final Entitlements entitlements;

    public OfferedTools(ServerFeatures features, Entitlements entitlements) {
        this.built = Set.copyOf(features.toolNames());
        this.entitlements = entitlements;
    }

    @Override
    public boolean test(String name) {
        return built.contains(name) && entitlements.offers(name);
    }

    /** The sentence for a {@code tools/call} of a tool not offered now, or null for anything else. */
    public String problem(JsonNode message) {
        if (!"tools/call".equals(message.path("method").asString(""))) {
            return null;
        }
        JsonNode name = message.path("params").path("name");
        if (!name.isString() || test(name.asString())) {
            return null;
        }
        String shown = name.asString().replaceAll("[^\\x20-\\x7E]", "?");
        return "Unknown tool: " + (shown.length() > 80 ? shown.substring(0, 77) + "..." : shown)
                + ". tools/list names the tools this server offers now.";
    }
}
