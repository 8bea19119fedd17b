package dev.ciscosupport.mcp.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Where two JSON answers differ in shape, values aside: field names, nesting, JSON types, and (where asked) the
 * order of keys. Array items are compared item by item with the first item of the other side that has the
 * most keys in common, since records of one list are sparse in different ways.
 */
final class JsonShape {
    private JsonShape() {
    }

    /** The differences of {@code actual} from {@code expected}, one sentence each; empty when they have one shape. */
    static List<String> differences(JsonNode expected, JsonNode actual, boolean keyOrder) {
        List<String> out = new ArrayList<>();
        compare(expected, actual, "$", keyOrder, out);
        return out;
    }

    static String type(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isString()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return "null";
    }

    private static void compare(JsonNode expected, JsonNode actual, String path, boolean keyOrder, List<String> out) {
        String want = type(expected);
        String got = type(actual);
        if (!want.equals(got)) {
            out.add(path + ": " + want + " in Cisco's answer, " + got + " in the sandbox's");
            return;
        }
        if (expected.isObject()) {
            List<String> wantKeys = new ArrayList<>(expected.propertyNames());
            List<String> gotKeys = new ArrayList<>(actual.propertyNames());
            wantKeys.stream().filter(k -> !gotKeys.contains(k)).forEach(k -> out.add(path + "." + k + ": missing in the sandbox"));
            gotKeys.stream().filter(k -> !wantKeys.contains(k)).forEach(k -> out.add(path + "." + k + ": not in Cisco's answer"));
            List<String> common = wantKeys.stream().filter(gotKeys::contains).toList();
            if (keyOrder && !common.equals(gotKeys.stream().filter(wantKeys::contains).toList())) {
                out.add(path + ": keys in another order than Cisco's " + common);
            }
            for (String k : common) {
                compare(expected.get(k), actual.get(k), path + "." + k, keyOrder, out);
            }
        } else if (expected.isArray() && !expected.isEmpty() && !actual.isEmpty()) {
            for (int i = 0; i < actual.size(); i++) {
                JsonNode item = actual.get(i);
                compare(closest(expected, item), item, path + "[" + i + "]", keyOrder, out);
            }
        }
    }

    private static JsonNode closest(JsonNode array, JsonNode item) {
        JsonNode best = array.get(0);
        int bestScore = -1;
        for (JsonNode candidate : array) {
            int score = 0;
            if (candidate.isObject() && item.isObject()) {
                for (Map.Entry<String, JsonNode> e : candidate.properties()) {
                    score += item.has(e.getKey()) ? 1 : -1;
                }
            }
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }
}
