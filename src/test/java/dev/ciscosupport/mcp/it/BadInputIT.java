package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Every Bug tool refuses bad input with an isError text a person can act on, sends nothing to Cisco,
 * and keeps working afterwards. Driven through the official MCP TypeScript client over stdio.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {
    private final CiscoSandbox cisco = new CiscoSandbox();
    private final List<String> names = new ArrayList<>();
    private final List<Map<String, Object>> calls = new ArrayList<>();
    private final List<String> tools = new ArrayList<>();
    private JsonNode results;

    /** One refused call: its tool, what it is, and the arguments. */
    private void bad(String tool, String what, Map<String, Object> arguments) {
        tools.add(tool);
        names.add(tool + ": " + what);
        calls.add(arguments);
    }

    private static Map<String, Object> args(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> map = new HashMap<>(base);
        map.put(key, value);
        return map;
    }

    /** Values that could change the path of a Cisco request, or are not text at all. */
    /** Tricks that are plain text in a keyword (%SYS-2-MALLOCFAIL, "what?"): sent percent-encoded, never as path. */
    private static final List<String> KEYWORD_TEXT = List.of("%2F", "?x=1", "#frag", "\r\nX: y", "\u00e4\u00f6");
    private static final List<String> PATH_TRICKS = List.of("/", "/../bug_ids/x", "..", "%2F", "?x=1", "#frag", "\r\nX: y",
            " x", "\u00e4\u00f6", "\u0000");

    @BeforeAll
    void runEveryBadCall() {
        String bigRelease = "1".repeat(41);
        String releases76 = IntStream.rangeClosed(1, 76).mapToObj(i -> "17." + i).collect(Collectors.joining(","));
        String ids51 = IntStream.range(0, 51).mapToObj(i -> String.format("CSCvx%05d", i)).collect(Collectors.joining(","));

        bad("get_bug_details", "missing bug_ids", args());
        bad("get_bug_details", "number instead of text", args("bug_ids", 12345));
        bad("get_bug_details", "unknown parameter", args("bug_ids", "CSCvt43974", "bug_id", "CSCvt43974"));
        bad("get_bug_details", "51 IDs", args("bug_ids", ids51));
        bad("get_bug_details", "empty", args("bug_ids", ""));
        bad("get_bug_details", "over-long", args("bug_ids", "CSCvt43974".repeat(70)));
        for (String trick : PATH_TRICKS) {
            bad("get_bug_details", "ID with " + trick, args("bug_ids", "CSCvt43974" + trick));
        }

        Map<String, Map<String, Object>> valid = new LinkedHashMap<>();
        valid.put("search_bugs_by_keyword", args("keyword", "crash"));
        valid.put("search_bugs_by_product_id", args("base_pid", "C9300-24T"));
        valid.put("search_bugs_by_product_and_release", args("base_pid", "C9300-24T", "software_releases", "17.9.4"));
        valid.put("search_bugs_by_product_series_affected", args("product_series", "Cisco Nexus 9000 Series Switches",
                "affected_releases", "10.4(2)"));
        valid.put("search_bugs_by_product_series_fixed", args("product_series", "Cisco Nexus 9000 Series Switches",
                "fixed_releases", "10.4(2)"));
        valid.put("search_bugs_by_product_name_affected", args("product_name", "Cisco ASR 9901 Router",
                "affected_releases", "7.9.2"));
        valid.put("search_bugs_by_product_name_fixed", args("product_name", "Cisco ASR 9901 Router",
                "fixed_releases", "7.9.2"));

        valid.forEach((tool, ok) -> {
            bad(tool, "no arguments", args());
            bad(tool, "unknown parameter", with(ok, "product", "x"));
            bad(tool, "page_index as text", with(ok, "page_index", "2"));
            bad(tool, "page_index 0", with(ok, "page_index", 0));
            bad(tool, "page_index fraction", with(ok, "page_index", 1.5));
            bad(tool, "severity list", with(ok, "severity", "1,2,3"));
            bad(tool, "severity 7 as a number", with(ok, "severity", 7));
            bad(tool, "status list", with(ok, "status", "O,F"));
            bad(tool, "modified_date 6", with(ok, "modified_date", "6"));
            bad(tool, "unknown sort", with(ok, "sort_by", "date"));
            for (Map.Entry<String, Object> field : ok.entrySet()) {
                String name = field.getKey();
                String good = (String) field.getValue();
                bad(tool, name + " as a list", with(ok, name, List.of(good)));
                bad(tool, name + " empty", with(ok, name, ""));
                for (String trick : PATH_TRICKS) {
                    if (trick.equals(" x") && (name.equals("keyword") || name.startsWith("product_"))) {
                        continue; // spaces are part of keywords and product names
                    }
                    if (name.equals("keyword") && KEYWORD_TEXT.contains(trick)) {
                        continue; // any text but / and \ is a keyword (Cisco's limit is 50 characters); each is percent-encoded
                    }
                    bad(tool, name + " with " + trick, with(ok, name, good + trick));
                }
            }
        });
        bad("search_bugs_by_keyword", "51 characters", args("keyword", "a".repeat(51)));
        bad("search_bugs_by_product_id", "51 characters", args("base_pid", "C".repeat(51)));
        bad("search_bugs_by_product_id", "a path inside a valid-looking PID", args("base_pid", "ISR4431/../../case/v3/x"));
        bad("search_bugs_by_product_and_release", "76 releases", args("base_pid", "C9300-24T", "software_releases", releases76));
        bad("search_bugs_by_product_and_release", "41-character release", args("base_pid", "C9300-24T",
                "software_releases", bigRelease));
        bad("search_bugs_by_product_name_fixed", "101-character name", args("product_name", "C".repeat(101),
                "fixed_releases", "7.9.2"));
        bad("search_bugs_by_product_series_fixed", "comma in a series name", args("product_series", "Cisco, Nexus",
                "fixed_releases", "7.9.2"));

        // The APIs name a refused input in Cisco's words; these tools call it otherwise, and the client hears theirs.
        bad("search_bugs_by_product_series_fixed", "fixed release with ..", args("product_series",
                "Cisco Nexus 9000 Series Switches", "fixed_releases", "10..4"));
        bad("multi_severity_search", "version with ..", args("search_term", "C9300-24T", "search_type", "product_id",
                "version", "17..9"));
        bad("multi_severity_search", "product ID with ..", args("search_term", "C9300..24T", "search_type",
                "product_id"));
        bad("compare_software_versions", "product_id with ..", args("product_id", "C9300..24T", "version_a", "17.6.5",
                "version_b", "17.9.4"));
        bad("compare_software_versions", "version_b with ..", args("product_id", "C9300-24T", "version_a", "17.6.5",
                "version_b", "17..9"));

        Scenario scenario = Scenario.stdio(cisco.env());
        for (int i = 0; i < calls.size(); i++) {
            scenario.call(tools.get(i), calls.get(i));
        }
        scenario.call("search_bugs_by_keyword", args("keyword", "crash", "modified_date", "5"));
        cisco.resetCounts();
        results = scenario.run();
    }

    @AfterAll
    void stop() {
        cisco.close();
    }

    @Test
    void everyBadCallIsAClearToolError() {
        assertThat(calls).hasSizeGreaterThan(200);
        for (int i = 0; i < calls.size(); i++) {
            JsonNode result = results.path(i);
            assertThat(result.path("ok").asBoolean()).as("%s: %s", names.get(i), result).isTrue();
            assertThat(result.path("value").path("isError").asBoolean()).as("%s: %s", names.get(i), result).isTrue();
            String text = result.path("value").path("content").path(0).path("text").asString();
            assertThat(text).as(names.get(i)).isNotBlank().doesNotContain("Exception", "\tat ", "undefined", "null")
                    .hasSizeLessThan(1000);
        }
    }

    @Test
    void messagesNameTheParameterAndWhatItShouldBe() {
        String pathInPid = text("search_bugs_by_product_id: a path inside a valid-looking PID");
        assertThat(pathInPid).contains("base_pid").contains("is not a Cisco product ID such as C9300-24T");
        assertThat(text("get_bug_details: 51 IDs")).contains("at most 50 bug IDs");
        assertThat(text("search_bugs_by_product_and_release: 76 releases")).contains("software_releases");
        assertThat(text("search_bugs_by_keyword: unknown parameter")).contains("product").contains("This tool takes only");
        assertThat(text("get_bug_details: ID with /../bug_ids/x")).contains("bug_ids").contains("CSCvt43974");
        assertThat(text("search_bugs_by_product_series_fixed: fixed release with .."))
                .startsWith("fixed_releases: \"10..4\" is not a software release");
        assertThat(text("multi_severity_search: version with ..")).startsWith("version: \"17..9\" is not a software release");
        assertThat(text("compare_software_versions: version_b with ..")).startsWith("version_b: \"17..9\" is not");
        assertThat(text("multi_severity_search: product ID with ..")).startsWith("search_term: \"C9300..24T\" is not");
        assertThat(text("compare_software_versions: product_id with ..")).startsWith("product_id: \"C9300..24T\" is not");
    }

    @Test
    void ciscoSawNoRequestForAnyOfThemAndTheServerStillWorks() {
        assertThat(cisco.apiRequests()).as("requests to Cisco: %s", cisco.server.requests().recentPaths()).isEqualTo(1);
        JsonNode last = results.path(calls.size());
        assertThat(last.path("value").path("isError").asBoolean()).isFalse();
        assertThat(last.path("value").path("structuredContent").path("bugs").size()).isPositive();
    }

    private String text(String name) {
        return results.path(names.indexOf(name)).path("value").path("content").path(0).path("text").asString();
    }
}
