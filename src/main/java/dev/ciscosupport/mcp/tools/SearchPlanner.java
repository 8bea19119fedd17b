package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.analysis.Keywords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * smart_search_strategy: reads a question for the IDs in it (bug IDs, CVEs, advisory IDs, product IDs,
 * serial numbers, versions, severity words) and plans the tool calls that answer it, with their
 * arguments, most specific first. No Cisco call: the plan is for the model to run. Replaces the
 * TypeScript server's ten-entry product table with the ID formats Cisco uses.
 */
final class SearchPlanner {
    private static final Pattern BUG = Pattern.compile("\\bCSC[a-zA-Z]{2}\\d{5}\\b");
    private static final Pattern CVE = Pattern.compile("\\bCVE-\\d{4}-\\d{4,7}\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADVISORY = Pattern.compile("\\bcisco-sa-[A-Za-z0-9-]+\\b");
    /** Cisco product IDs: letters and digits with a dash or slash, e.g. C9300-24T, ISR4431/K9, N9K-C93180YC-EX. */
    private static final Pattern PRODUCT = Pattern.compile("\\b(?=[A-Z0-9/-]*[0-9])(?=[A-Z0-9/-]*[A-Z])[A-Z][A-Z0-9]*[-/][A-Z0-9/-]+\\b");
    /** Serial numbers: three letters, four digits, four letters or digits (FOC1234X0AB). */
    private static final Pattern SERIAL = Pattern.compile("\\b[A-Z]{3}\\d{4}[A-Z0-9]{4}\\b");
    private static final Pattern VERSION = Pattern.compile("\\b\\d{1,2}\\.\\d{1,2}(?:\\.\\d{1,3}[a-z]?|\\(\\d+[a-z]?\\)[A-Z0-9]*)?\\b");

    private SearchPlanner() {
    }

    /** What the plan is for. */
    enum Purpose {
        INCIDENT, UPGRADE_PLANNING, MAINTENANCE, SECURITY_REVIEW, GENERAL;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code smart_search_strategy}'s arguments. */
    record Question(
            @Arg(value = "The question in plain words.", required = true, maxLength = 500) String queryDescription,
            @Arg("What it is for.") Purpose searchContext) {
    }

    /** The IDs found in the question, and the calls (tool, arguments, why) that answer it. */
    record Plan(Map<String, Object> found, List<Map<String, Object>> calls) {
    }

    static TypedTool.Answer<Plan> plan(Question question) {
        String query = question.queryDescription().strip();
        Purpose context = question.searchContext();
        List<String> bugs = all(BUG, query);
        List<String> cves = all(CVE, query).stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
        List<String> advisories = all(ADVISORY, query);
        List<String> serials = all(SERIAL, query);
        List<String> products = all(PRODUCT, query).stream().filter(p -> !serials.contains(p) && !p.startsWith("CVE-")).toList();
        List<String> versions = all(VERSION, query);
        String lower = query.toLowerCase(Locale.ROOT);
        int maxSeverity = lower.contains("catastrophic") || lower.contains("critical") ? 2
                : lower.contains("high") || lower.contains("severe") ? 3 : 6;

        List<Map<String, Object>> calls = new ArrayList<>();
        if (!bugs.isEmpty()) {
            calls.add(call("get_bug_details", ordered("bug_ids", String.join(",", bugs)), "the question names bugs"));
        }
        cves.forEach(cve -> calls.add(call("get_security_advisory_by_cve", ordered("cve_id", cve), "the question names " + cve)));
        advisories.forEach(id -> calls.add(call("get_security_advisory_by_id", ordered("advisory_id", id),
                "the question names " + id)));
        if (!serials.isEmpty()) {
            calls.add(call("get_coverage_summary_by_serial", ordered("serial_numbers", String.join(",", serials)),
                    "serial numbers: their product, contract and warranty"));
            calls.add(call("get_eox_by_serial_number", ordered("serial_numbers", String.join(",", serials)),
                    "serial numbers: end-of-life dates"));
        }
        for (String product : products) {
            if (!versions.isEmpty()) {
                calls.add(call("search_bugs_by_product_and_release", ordered("base_pid", product, "software_releases",
                        String.join(",", versions), "modified_date", "5"), "a product ID and a version: the bugs filed against it"));
            } else {
                calls.add(call("search_bugs_by_product_id", ordered("base_pid", product, "modified_date", "5"),
                        "a product ID: its bugs, all dates"));
            }
            calls.add(call("get_eox_by_product_id", ordered("product_ids", product), "its end-of-life dates"));
        }
        if (products.isEmpty() && bugs.isEmpty() && cves.isEmpty() && advisories.isEmpty() && serials.isEmpty()) {
            String keywords = Keywords.essential(query);
            if (!keywords.isEmpty()) {
                Map<String, Object> arguments = new LinkedHashMap<>();
                arguments.put("keyword", keywords);
                arguments.put("modified_date", "5");
                calls.add(call("search_bugs_by_keyword", arguments, "no ID in the question: Cisco matches every word, so few"
                        + " and specific words"));
            }
        }
        if (maxSeverity < 6 && calls.stream().anyMatch(c -> String.valueOf(c.get("tool")).startsWith("search_bugs"))) {
            calls.add(call("multi_severity_search", ordered("search_term",
                    products.isEmpty() ? Keywords.essential(query) : products.get(0),
                    "search_type", products.isEmpty() ? "keyword" : "product_id", "max_severity", maxSeverity),
                    "the question asks for severe bugs: severity 1 to " + maxSeverity + ", one call each"));
        }
        Map<String, Object> found = new LinkedHashMap<>();
        found.put("bug_ids", bugs);
        found.put("cves", cves);
        found.put("advisory_ids", advisories);
        found.put("product_ids", products);
        found.put("serial_numbers", serials);
        found.put("versions", versions);
        StringBuilder text = new StringBuilder("Plan for: \"" + query + "\"" + (context == null ? "" : " (" + context + ")") + "\n");
        for (int i = 0; i < calls.size(); i++) {
            Map<String, Object> c = calls.get(i);
            text.append(i + 1).append(". ").append(c.get("tool")).append(' ').append(c.get("arguments")).append(" - ")
                    .append(c.get("why")).append('\n');
        }
        if (calls.isEmpty()) {
            text.append("Nothing to search for was found; ask for a product, a version, a bug ID or the symptom.\n");
        }
        return new TypedTool.Answer<>(text.append("No Cisco call was made; run the calls above.").toString(),
                new Plan(found, calls));
    }

    /** Arguments in the order given, so the plan reads the same every time. */
    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> call(String tool, Map<String, ?> arguments, String why) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("tool", tool);
        c.put("arguments", new LinkedHashMap<>(arguments));
        c.put("why", why);
        return c;
    }

    private static List<String> all(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return List.copyOf(found);
    }

}
