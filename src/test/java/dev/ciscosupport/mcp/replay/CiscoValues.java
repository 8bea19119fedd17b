package dev.ciscosupport.mcp.replay;

import dev.ciscosupport.mcp.format.BugFormat;
import dev.ciscosupport.mcp.json.Json;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What of Cisco's answer a user must be able to see: every scalar value that carries meaning, found in the
 * tool's text or its {@code structuredContent}. The few fields left out are listed in {@link #LEFT_OUT},
 * each with the reason, and matched on the end of the field's JSON path.
 */
final class CiscoValues {
    /** Fields of Cisco's answers a tool need not repeat, and why. */
    static final Map<String, String> LEFT_OUT = leftOut();

    /** One value of Cisco's answer and where it stands. */
    record Value(String path, String text) {
    }

    private CiscoValues() {
    }

    private static Map<String, String> leftOut() {
        Map<String, String> m = new LinkedHashMap<>();
        String paging = "paging is shown as page N of M and the number of records; this counter or link adds nothing";
        for (String p : List.of("pagination_response_record/self_link", "pagination_response_record/title",
                "pagination_response_record/page_records", "paginationResponseRecord/selfLink",
                "paginationResponseRecord/title", "paginationResponseRecord/pageRecords", "APIPagination/selfLink",
                "APIPagination/title", "APIPagination/pageRecords", "PaginationResponseRecord/PageRecords", "paging/prev",
                "paging/next")) {
            m.put(p, paging);
        }
        m.put("/id", "Cisco's running row number of the answer (bugs, product and suggestion lists), not an identifier");
        m.put("/item_entry_id", "Cisco's running row number of the case list, not an identifier");
        m.put("/dateFormat", "always YYYY-MM-DD; the dates themselves are shown");
        m.put("/EOXInputType", "which kind of input was asked for; the tool's answer is named after it");
        m.put("/is_covered", "Cisco's YES/NO flag, given as the boolean covered (SerialApiTest checks the mapping)");
        m.put("/sr_no_owner", "Cisco's YES/NO flag, given as the boolean owner (SerialApiTest checks the mapping)");
        m.put("/PIDActiveFlag", "Cisco's Y/N flag, given as the boolean orderable");
        m.put("/isSuggested", "Cisco's Y/N flag: suggested releases are given first and marked suggested");
        m.put("/status", "the top-level \"Success\" of Software Suggestion answers (item statuses are kept: see the case and RMA tests)");
        m.put("/ipsSignatures/0", "\"NA\" (no IPS signature) in every recorded advisory");
        return m;
    }

    /** Cisco's meaningful values, in document order. */
    static List<Value> of(JsonNode answer) {
        List<Value> out = new ArrayList<>();
        collect(answer, "", out);
        return out;
    }

    private static void collect(JsonNode node, String path, List<Value> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                collect(e.getValue(), path + "/" + e.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, out);
            }
        } else if (!node.isNull()) {
            String text = node.asString().strip();
            if (!text.isEmpty() && !leftOut(path, text)) {
                out.add(new Value(path, text));
            }
        }
    }

    private static boolean leftOut(String path, String text) {
        if (path.endsWith("/status") && !text.equals("Success")) {
            return false;
        }
        String withoutIndexes = path.replaceAll("/\\d+(?=/|$)", "");
        return LEFT_OUT.keySet().stream().anyMatch(k -> withoutIndexes.endsWith(k.startsWith("/") ? k : "/" + k)
                || path.endsWith(k));
    }

    /** Everything the user is shown: the text and every value of {@code structuredContent}, normalised. */
    static String shown(McpSchema.CallToolResult result) {
        StringBuilder all = new StringBuilder();
        result.content().forEach(c -> {
            if (c instanceof McpSchema.TextContent t) {
                all.append(t.text()).append('\n');
            }
        });
        if (result.structuredContent() != null) {
            collectStrings(Json.MAPPER.valueToTree(result.structuredContent()), all);
        }
        return normalise(all.toString());
    }

    private static void collectStrings(JsonNode node, StringBuilder all) {
        if (node.isContainer()) {
            node.forEach(child -> collectStrings(child, all));
        } else if (!node.isNull()) {
            all.append(node.asString()).append('\n');
        }
    }

    /** Markup and spacing aside: Cisco's descriptions are HTML-ish with CR LF, which tools clean up. */
    static String normalise(String text) {
        return text.replaceAll(BugFormat.MARKUP, "").replace("&nbsp;", "").replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /** Cisco's values the user cannot see; long texts need only start the same (tools may shorten them). */
    static List<Value> missing(JsonNode answer, McpSchema.CallToolResult result) {
        String shown = shown(result);
        List<Value> missing = new ArrayList<>();
        for (Value v : of(answer)) {
            String needle = normalise(v.text());
            if (needle.length() > 100) {
                needle = needle.substring(0, 100);
            }
            if (!needle.isEmpty() && !shown.contains(needle)) {
                missing.add(v);
            }
        }
        return missing;
    }
}
