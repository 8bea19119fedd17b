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

/** The five Serial Number to Information tools through the official MCP TypeScript client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SerialToolsIT {
    private final CiscoSandbox cisco = new CiscoSandbox();

    @AfterAll
    void stop() {
        cisco.close();
    }

    private Scenario scenario() {
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("SUPPORT_API", "serial");
        return Scenario.stdio(env);
    }

    @Test
    void everyToolAnswersPerSerialInTheOrderAsked() {
        List<String> serials = new ArrayList<>(cisco.server.serialNumbers().keySet()).subList(10, 13);
        String asked = serials.get(2) + "," + serials.get(0) + ",NOSUCHSERIAL9," + serials.get(1);
        JsonNode summary = cisco.direct.getJson("/sn2info/v2/coverage/summary/serial_numbers/" + serials.get(2));
        String instance = summary.path("serial_numbers").path(0).path("id").asString();
        cisco.resetCounts();
        JsonNode results = scenario()
                .call("get_coverage_status_by_serial", Map.of("serial_numbers", asked))
                .call("get_coverage_owner_status_by_serial", Map.of("serial_numbers", asked))
                .call("get_coverage_summary_by_serial", Map.of("serial_numbers", asked))
                .call("get_orderable_pid_by_serial", Map.of("serial_numbers", asked))
                .run();
        assertThat(cisco.apiRequests()).isEqualTo(4);
        List<String> expectedOrder = List.of(serials.get(2), serials.get(0), "NOSUCHSERIAL9", serials.get(1));
        for (JsonNode result : results) {
            JsonNode items = BugToolsContract.structured(result).path("items");
            assertThat(items).extracting(i -> i.path("serial_number").asString()).containsExactlyElementsOf(expectedOrder);
            assertThat(items.path(2).path("found").asBoolean()).isFalse();
            assertThat(BugToolsContract.text(result)).contains("NOSUCHSERIAL9 | no record").contains("3 of 4 found");
        }
        JsonNode full = BugToolsContract.structured(results.path(2)).path("items").path(0);
        assertThat(full.path("base_product_ids").path(0).asString()).isEqualTo(cisco.server.serialNumbers().get(serials.get(2)));
        assertThat(full.path("covered").asString()).isEqualTo(summary.path("serial_numbers").path(0).path("is_covered").asString());
        JsonNode orderable = BugToolsContract.structured(results.path(3)).path("items").path(0).path("orderable");
        assertThat(orderable).extracting(o -> o.path("pillar").asString()).contains("TAC SUPPORT");
        assertThat(instance).isNotBlank();
    }

    @Test
    void instanceNumbersAndBadInput() {
        JsonNode results = scenario()
                .call("get_coverage_summary_by_instance", Map.of("instance_numbers", "917280000,917280001"))
                .call("get_coverage_status_by_serial", Map.of("serial_numbers", "FOC-1234"))
                .call("get_coverage_summary_by_instance", Map.of("instance_numbers", "9172/../1"))
                .run();
        JsonNode items = BugToolsContract.structured(results.path(0)).path("items");
        assertThat(items).extracting(i -> i.path("instance_number").asString()).containsExactly("917280000", "917280001");
        assertThat(items).allMatch(i -> i.path("found").asBoolean());
        BugToolsContract.errorText(results.path(1));
        BugToolsContract.errorText(results.path(2));
    }

    @Test
    void summariesPageByFifty() {
        List<String> sixty = new ArrayList<>(cisco.server.serialNumbers().keySet()).subList(200, 260);
        JsonNode results = scenario()
                .call("get_coverage_summary_by_serial", Map.of("serial_numbers", String.join(",", sixty)))
                .call("get_coverage_summary_by_serial", Map.of("serial_numbers", String.join(",", sixty), "page_index", 2))
                .run();
        JsonNode first = BugToolsContract.structured(results.path(0));
        JsonNode second = BugToolsContract.structured(results.path(1));
        assertThat(first.path("items").size()).isEqualTo(50);
        assertThat(first.path("page").path("next_page_index").asInt()).isEqualTo(2);
        assertThat(second.path("items").size()).isEqualTo(10);
        assertThat(BugToolsContract.text(results.path(0))).contains("page 1 of 2").contains("page_index=2");
    }
}
