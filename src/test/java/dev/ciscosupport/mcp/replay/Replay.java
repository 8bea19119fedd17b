package dev.ciscosupport.mcp.replay;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One recorded Cisco answer replayed through one tool call: the example file served as Cisco's answer, the
 * tool and its arguments, the request Cisco documents for that call, and, for an error or an empty answer,
 * words that the user's sentence must contain.
 */
record Replay(String example, String tool, Map<String, Object> arguments, String request, boolean isError, String words) {

    static Replay of(String example, String tool, String request, Object... arguments) {
        return new Replay(example, tool, map(arguments), request, false, null);
    }

    /** An answer that is not an error but must say something, e.g. that nothing matched. */
    static Replay says(String example, String tool, String words, Object... arguments) {
        return new Replay(example, tool, map(arguments), null, false, words);
    }

    static Replay error(String example, String tool, String words, Object... arguments) {
        return new Replay(example, tool, map(arguments), null, true, words);
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Override
    public String toString() {
        return example + " via " + tool;
    }
}
