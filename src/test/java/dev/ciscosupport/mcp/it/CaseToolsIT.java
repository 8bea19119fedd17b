package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** The four Case tools through the official MCP TypeScript client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseToolsIT {
    private final CiscoSandbox cisco = new CiscoSandbox();

    @AfterAll
    void stop() {
        cisco.close();
    }

    @Test
    void summariesDetailsAndSearchesAnswerLikeCisco() {
        JsonNode jdoe = cisco.direct.getJson("/case/v3/cases/users/user_ids/jdoe?page_index=1");
        int total = jdoe.path("pagination_response_record").path("total_records").asInt();
        List<String> ids = new ArrayList<>();
        jdoe.path("cases").forEach(c -> ids.add(c.path("case_id").asString()));
        String contract = jdoe.path("cases").path(0).path("contract_id").asString();
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("SUPPORT_API", "case");
        cisco.resetCounts();
        JsonNode results = Scenario.stdio(env)
                .call("get_case_summary", Map.of("case_ids", String.join(",", ids.subList(0, 3)) + ",123"))
                .call("get_case_details", Map.of("case_id", ids.get(0)))
                .call("search_cases_by_user", Map.of("user_ids", "jdoe", "page_index", 2))
                .call("search_cases_by_contract", Map.of("contract_ids", contract, "status_flag", "O"))
                .call("search_cases_by_user", Map.of("user_ids", "jdoe", "date_created_from", "2024-01-01",
                        "date_created_to", "2024-06-30"))
                .call("get_case_details", Map.of("case_id", "999"))
                .call("search_cases_by_user", Map.of("user_ids", "jdoe/../x"))
                .run();
        assertThat(cisco.apiRequests()).isEqualTo(5);
        JsonNode summary = BugToolsContract.structured(results.path(0));
        assertThat(summary.path("cases").size()).isEqualTo(3);
        assertThat(summary.path("not_found").path(0).asString()).isEqualTo("123");
        assertThat(summary.path("cases").path(0).path("technology").asString()).isNotEmpty();
        String detail = BugToolsContract.text(results.path(1));
        assertThat(detail).contains("Notes (Cisco's text").contains("owner: Sam Engineer")
                .contains("https://mycase.cloudapps.cisco.com/case/" + ids.get(0));
        JsonNode page2 = BugToolsContract.structured(results.path(2));
        assertThat(page2.path("page").path("page_index").asInt()).isEqualTo(2);
        assertThat(page2.path("page").path("total_records").asInt()).isEqualTo(total);
        assertThat(page2.path("cases")).allMatch(c -> c.path("user_id").asString().equals("jdoe")
                && c.path("technology").asString().isEmpty());
        assertThat(BugToolsContract.structured(results.path(3)).path("cases"))
                .allMatch(c -> c.path("status_flag").asString().equals("O") && c.path("contract_id").asString().equals(contract));
        assertThat(BugToolsContract.errorText(results.path(4))).contains("at most 90 days");
        JsonNode missing = BugToolsContract.structured(results.path(5));
        assertThat(missing.path("not_found").path(0).asString()).isEqualTo("999");
        BugToolsContract.errorText(results.path(6));
    }
}
