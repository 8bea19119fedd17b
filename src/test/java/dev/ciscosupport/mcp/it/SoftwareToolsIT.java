package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** The six Software Suggestion tools through the official MCP TypeScript client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoftwareToolsIT {
    private final CiscoSandbox cisco = new CiscoSandbox();

    @AfterAll
    void stop() {
        cisco.close();
    }

    @Test
    void everyToolAnswersLikeCisco() {
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("SUPPORT_API", "software");
        JsonNode direct = cisco.direct.getJson("/software/suggestion/v2/suggestions/software/productIds/C9300-24T");
        String mdf = direct.path("productList").path(0).path("product").path("mdfId").asString();
        String twelve = IntStream.range(0, 12).mapToObj(i -> i == 0 ? "C9300-24T" : "NOPE-" + i)
                .collect(Collectors.joining(","));
        cisco.resetCounts();
        JsonNode results = Scenario.stdio(env)
                .call("get_software_suggestions_by_product_ids", Map.of("product_ids", "C9300-24T,UNKNOWN-PID"))
                .call("get_software_releases_by_product_ids", Map.of("product_ids", "ISR4431/K9"))
                .call("get_compatible_software_by_product_id", Map.of("product_id", "C9300-24T", "current_release", "17.6.4"))
                .call("get_software_suggestions_by_mdf_ids", Map.of("mdf_ids", mdf))
                .call("get_software_releases_by_mdf_ids", Map.of("mdf_ids", mdf))
                .call("get_compatible_software_by_mdf_id", Map.of("mdf_id", mdf))
                .call("get_software_releases_by_product_ids", Map.of("product_ids", twelve))
                .call("get_software_suggestions_by_mdf_ids", Map.of("mdf_ids", "12ab"))
                .run();
        JsonNode first = BugToolsContract.structured(results.path(0)).path("products");
        String suggested = "";
        for (JsonNode s : direct.path("productList").path(0).path("suggestions")) {
            if (s.path("isSuggested").asString().equals("Y")) {
                suggested = s.path("releaseFormat1").asString();
            }
        }
        assertThat(suggested).isNotEmpty();
        String expected = suggested;
        assertThat(first.path(0).path("releases")).anyMatch(r -> r.path("suggested").asBoolean()
                && r.path("release").asString().equals(expected) && r.path("images").size() > 0);
        assertThat(first.path(1).path("found").asBoolean()).isFalse();
        assertThat(BugToolsContract.text(results.path(0))).contains("suggested: " + suggested);
        assertThat(BugToolsContract.structured(results.path(1)).path("products").path(0).path("releases").path(0)
                .path("images").size()).isZero();
        JsonNode compatible = BugToolsContract.structured(results.path(2)).path("products").path(0).path("releases");
        assertThat(compatible).isNotEmpty().allMatch(r -> !List.of("16.12.4", "16.12.8", "17.3.4", "17.3.6", "17.6.4")
                .contains(r.path("release").asString()));
        for (int i = 3; i < 6; i++) {
            assertThat(BugToolsContract.structured(results.path(i)).path("products").path(0).path("found").asBoolean()).isTrue();
        }
        assertThat(BugToolsContract.structured(results.path(6)).path("cisco_calls").asInt()).isEqualTo(2);
        BugToolsContract.errorText(results.path(7));
    }
}
