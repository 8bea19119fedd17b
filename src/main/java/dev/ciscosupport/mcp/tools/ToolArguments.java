package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import java.util.Map;

/**
 * A tool call's arguments as the client sent them, and the call they came with ({@link #call()}: what the Cisco APIs
 * are asked in). Tools on records read them with {@link RecordArguments}; the analysis workflows and the toolset tools,
 * not on records yet, with these readers, which refuse a wrong type with a clear sentence rather than a
 * ClassCastException, because a schema is a promise, not a guarantee.
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

    /** Other arguments for the same call: one tool's body running another's. */
    ToolArguments with(Map<String, Object> others) {
        return new ToolArguments(others, call);
    }

    /** The tool call: its caller, listener and cancellation, for {@code api.in(args.call())}. */
    CallContext call() {
        return call;
    }

    String required(String name) {
        String value = optional(name);
        if (value == null || value.isBlank()) {
            throw new CiscoException.InvalidInput(name + " is required.");
        }
        return value;
    }

    String optional(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return String.valueOf(n.longValue()); // a digit string sent as a number (the schema allows it)
        }
        if (!(value instanceof String s)) {
            throw new CiscoException.InvalidInput(name + " must be a string.");
        }
        return s;
    }

    Integer optionalInteger(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw new CiscoException.InvalidInput(name + " must be a whole number.");
    }

    /** False when absent. */
    boolean optionalBoolean(String name) {
        return optionalBoolean(name, false);
    }

    boolean optionalBoolean(String name, boolean fallback) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw new CiscoException.InvalidInput(name + " must be true or false.");
        }
        return b;
    }

    /** A nested object's arguments (empty when absent). */
    ToolArguments nested(String name) {
        Object value = values.get(name);
        if (value == null) {
            return new ToolArguments(Map.of(), call);
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new CiscoException.InvalidInput(name + " must be an object.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return new ToolArguments(typed, call);
    }
}
