package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import java.util.Map;

/**
 * A tool call's arguments as the client sent them, and the call they came with ({@link #call()}: what the Cisco APIs
 * are asked in). Tools on records read them with {@link RecordArguments}; the two toolset tools, whose choices are the
 * toolsets this server offers (known only at start), read theirs here.
 */
final class ToolArguments {
    private final Map<String, Object> values;
    private final CallContext call;

    ToolArguments(Map<String, Object> values, CallContext call) {
        this.values = values == null ? Map.of() : values;
        this.call = call;
    }

    /** The arguments as the client sent them. */
    Map<String, Object> values() {
        return values;
    }

    /** The tool call: its caller, listener and cancellation, for {@code api.in(args.call())}. */
    CallContext call() {
        return call;
    }

    /** A text argument that must be given, and not blank; a sentence naming it otherwise. */
    String required(String name) {
        Object value = values.get(name);
        if (value != null && !(value instanceof String)) {
            throw new CiscoException.InvalidInput(name + " must be a string.");
        }
        if (value == null || ((String) value).isBlank()) {
            throw new CiscoException.InvalidInput(name + " is required.");
        }
        return (String) value;
    }
}
