package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** The three Product Information tools through the official MCP TypeScript client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductToolsIT {
    private final CiscoSandbox cisco = new CiscoSandbox();

    @AfterAll
    void stop() {
        cisco.close();
    }

    @Test
    void eachToolAnswersAndRefusesBadInput() {
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("SUPPORT_API", "product");
        String serial = new ArrayList<>(cisco.server.serialNumbers().keySet()).get(7);
        String pid = cisco.server.serialNumbers().get(serial);
        cisco.resetCounts();
        JsonNode results = Scenario.stdio(env)
                .call("get_product_info_by_serial_numbers", Map.of("serial_numbers", serial + ",NOSUCH1"))
                .call("get_product_info_by_product_ids", Map.of("product_ids", "C9300-24T,ISR4431/K9"))
                .call("get_product_mdf_info_by_product_ids", Map.of("product_ids", "N9K-C93180YC-EX"))
                .call("get_product_info_by_product_ids", Map.of("product_ids", "C9300/../x"))
                .run();
        assertThat(cisco.apiRequests()).isEqualTo(3);
        JsonNode bySerial = BugToolsContract.structured(results.path(0)).path("items");
        assertThat(bySerial.path(0).path("product_id").asString()).isEqualTo(pid);
        assertThat(bySerial.path(1).path("found").asBoolean()).isFalse();
        JsonNode byPid = BugToolsContract.structured(results.path(1)).path("items");
        assertThat(byPid).extracting(i -> i.path("series").asString())
                .containsExactly("Cisco Catalyst 9300 Series Switches", "Cisco 4000 Series Integrated Services Routers");
        assertThat(BugToolsContract.structured(results.path(2)).path("items").path(0).path("name_mdf").asString()).isNotBlank();
        assertThat(BugToolsContract.text(results.path(1))).contains("ISR4431/K9").contains("support");
        BugToolsContract.errorText(results.path(3));
    }
}
