package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.sandbox.Fault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every one of the 43 tools, found through tools/list: malformed input is refused before anything reaches
 * Cisco, and for each API a normal call answers while Cisco's rate limiting and timeouts become sentences
 * that name the API.
 */
class AllToolsIT extends SandboxToolsIT {
    /** One valid call per API, with the API's name as its errors say it. */
    private static final Map<String, Object[]> ONE_CALL_PER_API = Map.of(
            "Bug API", new Object[] {"search_bugs_by_keyword", Map.of("keyword", "BGP")},
            "PSIRT openVuln API", new Object[] {"get_latest_security_advisories", Map.of("number", 2)},
            "EoX API", new Object[] {"get_eox_by_product_id", Map.of("product_ids", "WS-C2960X*")},
            "Serial Number to Information API", new Object[] {"get_coverage_status_by_serial", Map.of("serial_numbers", "FOC0000A000")},
            "Product Information API", new Object[] {"get_product_info_by_product_ids", Map.of("product_ids", "C9300-24T")},
            "Software Suggestion API", new Object[] {"get_software_releases_by_product_ids", Map.of("product_ids", "C9300-24T")},
            "Case API", new Object[] {"search_cases_by_user", Map.of("user_ids", "jdoe")},
            "Service Order Return (RMA) API", new Object[] {"get_rmas_by_user", Map.of("user_id", "jdoe", "from_date", "2020-01-01")});

    @Test
    void everyToolRefusesMalformedInputBeforeCisco() {
        JsonNode tools = scenario("all").listTools().run().path(0).path("value").path("tools");
        assertThat(tools.size()).isEqualTo(55);
        Scenario bad = scenario("all");
        List<String> what = new ArrayList<>();
        for (JsonNode tool : tools) {
            String name = tool.path("name").asString();
            JsonNode properties = tool.path("inputSchema").path("properties");
            Map<String, Object> unknown = new LinkedHashMap<>();
            unknown.put("no_such_parameter", "x");
            bad.call(name, unknown);
            what.add(name + " with an unknown parameter");
            if (tool.path("inputSchema").path("required").size() > 0) {
                bad.call(name, Map.of());
                what.add(name + " without its required parameters");
            }
            properties.properties().forEach(p -> {
                if (p.getValue().has("pattern")) {
                    Map<String, Object> args = new LinkedHashMap<>();
                    args.put(p.getKey(), "../bug/v2.0/bugs%2F?x#y");
                    bad.call(name, args);
                    what.add(name + " with a path in " + p.getKey());
                }
            });
        }
        cisco.resetCounts();
        JsonNode results = bad.run();
        for (int i = 0; i < what.size(); i++) {
            assertThat(BugToolsContract.errorText(results.path(i))).as(what.get(i)).isNotBlank();
        }
        assertThat(what).hasSizeGreaterThan(150);
        assertThat(cisco.apiRequests()).as("requests that reached Cisco").isZero();
    }

    @Test
    void everyApiAnswersAndTurnsCiscosRefusalsIntoSentences() {
        for (Map.Entry<String, Object[]> api : ONE_CALL_PER_API.entrySet()) {
            String tool = (String) api.getValue()[0];
            @SuppressWarnings("unchecked")
            Map<String, Object> args = (Map<String, Object>) api.getValue()[1];
            cisco.resetCounts();
            Scenario scenario = scenario("all").call(tool, args);
            JsonNode ok = scenario.run().path(0);
            assertThat(ok.path("value").path("isError").asBoolean()).as("%s: %s", tool, ok).isFalse();
            assertThat(ok.path("value").path("structuredContent").path("source").asString()).isEqualTo("cisco");

            // Each scenario is a new server process, so nothing is cached or paused from the call before.
            cisco.server.faults().inject(Fault.OVER_RATE, 1);
            JsonNode overQuota = scenario("all").call(tool, args).run();
            assertThat(BugToolsContract.errorText(overQuota.path(0))).as(tool).contains("rate limiting")
                    .contains(api.getKey());
            cisco.server.faults().inject(Fault.GATEWAY_TIMEOUT, CiscoSandbox.ATTEMPTS);
            JsonNode down = scenario("all").call(tool, args).run();
            assertThat(BugToolsContract.errorText(down.path(0))).as(tool).contains("unavailable right now (HTTP 504")
                    .contains(api.getKey());
        }
    }
}
