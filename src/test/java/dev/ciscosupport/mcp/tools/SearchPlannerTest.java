package dev.ciscosupport.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciscosupport.mcp.cisco.call.CiscoException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** smart_search_strategy reads the IDs out of a question and plans the calls with their arguments. */
class SearchPlannerTest {

    /** The calls planned for {@code question}, read as the server reads smart_search_strategy's arguments. */
    private static List<Map<String, Object>> calls(String question) {
        return SearchPlanner.plan(RecordArguments.read(Map.of("query_description", question), SearchPlanner.Question.class))
                .structured().calls();
    }

    private static List<Object> tools(List<Map<String, Object>> calls) {
        return calls.stream().map(c -> c.get("tool")).toList();
    }

    @Test
    void idsInTheQuestionBecomeTheMostSpecificCalls() {
        List<Map<String, Object>> calls = calls("Is CSCvx43106 or CVE-2023-20198 hitting our C9300-24T on 17.9.4?");
        assertThat(tools(calls)).containsExactly("get_bug_details", "get_security_advisory_by_cve",
                "search_bugs_by_product_and_release", "get_eox_by_product_id");
        assertThat(calls.get(0).get("arguments")).isEqualTo(Map.of("bug_ids", "CSCvx43106"));
        assertThat(calls.get(2).get("arguments")).isEqualTo(Map.of("base_pid", "C9300-24T", "software_releases", "17.9.4",
                "modified_date", "5"));
    }

    @Test
    void serialNumbersAskForCoverageAndEndOfLife() {
        assertThat(tools(calls("what about FOC1234X0AB and FDO2211Z1AA?"))).containsExactly("get_coverage_summary_by_serial",
                "get_eox_by_serial_number");
    }

    @Test
    void withoutIdsTheKeywordsAreFewAndSevereBugsAreAskedSeverityBySeverity() {
        List<Map<String, Object>> calls = calls("Are there critical memory leak bugs in the BGP process?");
        assertThat(tools(calls)).containsExactly("search_bugs_by_keyword", "multi_severity_search");
        assertThat(((Map<?, ?>) calls.get(0).get("arguments")).get("keyword")).isEqualTo("critical memory leak BGP process?"
                .replace("?", ""));
        assertThat(((Map<?, ?>) calls.get(1).get("arguments")).get("max_severity")).isEqualTo(2);
    }

    @Test
    void anEmptyQuestionIsRefused() {
        assertThatThrownBy(() -> calls(" ")).isInstanceOf(CiscoException.InvalidInput.class);
    }
}
