package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** The RMA tools, with Cisco's real paths and parameters, through the official MCP TypeScript client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReturnToolsIT {
    private final CiscoSandbox cisco = new CiscoSandbox();

    @AfterAll
    void stop() {
        cisco.close();
    }

    @Test
    void rmasByNumberAndByUserFollowTheCases() {
        JsonNode direct = cisco.direct.getJson("/return/v1.0/returns/users/user_ids/jdoe?fromDate=2020-01-01");
        JsonNode first = direct.path("OrderList").path("users").path(0).path("returns").path(0);
        String rma = first.path("rmaNo").asString();
        String caseId = first.path("caseId").asString();
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("SUPPORT_API", "rma,case");
        cisco.resetCounts();
        JsonNode results = Scenario.stdio(env)
                .call("get_rma_details", Map.of("rma_number", rma))
                .call("get_rmas_by_user", Map.of("user_id", "jdoe", "from_date", "2020-01-01"))
                .call("get_rma_details", Map.of("rma_number", "84894022"))
                .call("get_case_details", Map.of("case_id", caseId))
                .call("get_rmas_by_user", Map.of("user_id", "jdoe", "status", "Open"))
                .call("get_rmas_by_user", Map.of("user_id", "jdoe", "from_date", "2024-13-01"))
                .call("get_rmas_by_user", Map.of("user_id", "jdoe", "from_date", "2020-01-01", "page_index", 2))
                .run();
        assertThat(cisco.server.requests().recentPaths()).contains(
                "/return/v1.0/returns/users/user_ids/jdoe?pageIndex=1&fromDate=2020-01-01");
        JsonNode detail = BugToolsContract.structured(results.path(0)).path("returns").path(0);
        assertThat(detail.path("case_id").asString()).isEqualTo(caseId);
        assertThat(detail.path("shipped").size()).isPositive();
        assertThat(BugToolsContract.text(results.path(0))).contains("to return:").contains("tracking:");
        JsonNode byUser = BugToolsContract.structured(results.path(1));
        assertThat(byUser.path("returns").size()).isPositive();
        assertThat(byUser.path("page").path("total_records").asInt())
                .isEqualTo(direct.path("OrderList").path("APIPagination").path("totalRecords").asInt());
        assertThat(BugToolsContract.text(results.path(2))).contains("no order found");
        assertThat(BugToolsContract.structured(results.path(3)).path("cases").path(0).path("rmas").path(0).asString()).isEqualTo(rma);
        // The TypeScript server's "Open" is Cisco's "open" (README: moving from the TypeScript server)
        assertThat(BugToolsContract.text(results.path(4))).contains("status Open asked as Cisco's open");
        assertThat(cisco.server.requests().recentPaths()).anyMatch(p -> p.contains("user_ids/jdoe") && p.contains("status=open"));
        BugToolsContract.errorText(results.path(5));
        int total = byUser.path("page").path("total_records").asInt();
        JsonNode page2 = BugToolsContract.structured(results.path(6));
        assertThat(total).isGreaterThan(10);
        assertThat(page2.path("page").path("page_index").asInt()).isEqualTo(2);
        assertThat(byUser.path("returns").size() + page2.path("returns").size()).isEqualTo(Math.min(total, 20));
        assertThat(BugToolsContract.text(results.path(1))).contains("page_index=2");
    }
}
