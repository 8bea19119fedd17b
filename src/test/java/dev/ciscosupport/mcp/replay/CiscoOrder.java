package dev.ciscosupport.mcp.replay;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Cisco's order: for each list of records in an answer, the sequence of their identifiers (bug IDs, case
 * IDs, note dates, advisory IDs...), which must come in the same order in what the tool returns.
 */
final class CiscoOrder {
    /**
     * Lists whose order means nothing at Cisco, and which the tools give in the order the user asked instead:
     * SN2INFO answers "in its own order" (SPEC 8.2), Product Information likewise; both are matched by serial or ID.
     */
    static final Map<String, String> ORDER_OF_THE_QUESTION = Map.of(
            "serial_numbers", "SN2INFO reorders its answer (SPEC 8.2); the tool answers in the order asked",
            "instance_numbers", "SN2INFO reorders its answer (SPEC 8.2); the tool answers in the order asked",
            "product_list", "Product Information answers are matched to the inputs; the tool answers in the order asked");
    private static final List<String> IDENTIFIERS = List.of("bug_id", "case_id", "advisoryId", "EOLProductID", "sr_no",
            "instance_number", "rmaNo", "creation_date", "releaseFormat1", "orderable_pid", "product_id", "basePID");

    private CiscoOrder() {
    }

    /** The identifier sequences of every list of two or more distinct records. */
    static List<List<String>> sequences(JsonNode answer) {
        List<List<String>> out = new ArrayList<>();
        collect(answer, "", out);
        return out;
    }

    private static void collect(JsonNode node, String key, List<List<String>> out) {
        if (node.isArray() && !ORDER_OF_THE_QUESTION.containsKey(key)) {
            Set<String> ids = new LinkedHashSet<>();
            String idKey = keyOf(node);
            if (idKey != null) {
                node.forEach(item -> {
                    String id = item.path(idKey).asString("").strip();
                    if (!id.isEmpty()) {
                        ids.add(id);
                    }
                });
            }
            if (ids.size() > 1) {
                out.add(List.copyOf(ids));
            }
        }
        if (node.isObject()) {
            node.properties().forEach(e -> collect(e.getValue(), e.getKey(), out));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, key, out));
        }
    }

    private static String keyOf(JsonNode array) {
        if (array.isEmpty() || !array.get(0).isObject()) {
            return null;
        }
        JsonNode first = array.get(0);
        return IDENTIFIERS.stream().filter(first::has).findFirst().orElse(null);
    }

    /** True when each identifier first appears after the one before it. */
    static boolean inOrder(String shown, List<String> ids) {
        int at = -1;
        for (String id : ids) {
            int next = shown.indexOf(id, at + 1);
            if (next < 0) {
                return false;
            }
            at = next;
        }
        return true;
    }
}
