package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * With credentials entitled only to PSIRT (a plain API Console app), the default SUPPORT_API (all) ends up
 * listing only the PSIRT tools, resources and templates (and no prompt: they all need other APIs), and the
 * client is told with notifications/tools/list_changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntitlementIT {
    private final CiscoSandbox cisco = new CiscoSandbox();

    @AfterAll
    void stop() {
        cisco.close();
    }

    @Test
    void onlyTheToolsOfEntitledApisRemainAndTheClientIsTold() {
        cisco.server.entitleOnly(List.of("psirt"));
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.remove("SUPPORT_API");
        env.remove("CISCO_ENTITLEMENT_CHECK");
        JsonNode results = Scenario.stdio(env)
                .listTools()
                .awaitToolsListChanged()
                .listTools()
                .call("search_bugs_by_keyword", Map.of("keyword", "crash"))
                .call("get_latest_security_advisories", Map.of("number", 1))
                .listPrompts()
                .listResourceTemplates()
                .listResources()
                .run();
        JsonNode before = results.path(0).path("value").path("tools");
        assertThat(before.size()).isGreaterThan(11);
        assertThat(results.path(1).path("value").path("count").asInt()).isPositive();
        JsonNode after = results.path(2).path("value").path("tools");
        assertThat(after).extracting(t -> t.path("name").asString()).hasSize(11)
                .allMatch(name -> name.contains("security_advis"));
        JsonNode withdrawn = results.path(3);
        assertThat(withdrawn.path("ok").asBoolean() && !withdrawn.path("value").path("isError").asBoolean()).isFalse();
        assertThat(BugToolsContract.structured(results.path(4)).path("advisories").size()).isEqualTo(1);
        assertThat(results.path(5).path("value").path("prompts")).as("every prompt needs bug, case or eox").isEmpty();
        assertThat(results.path(6).path("value").path("resourceTemplates")).extracting(t -> t.path("uriTemplate").asString())
                .containsExactlyInAnyOrder("cisco://security/advisories/{advisory_id}", "cisco://security/cve/{cve_id}");
        assertThat(results.path(7).path("value").path("resources")).extracting(r -> r.path("uri").asString())
                .containsExactlyInAnyOrder("cisco://security/advisories/recent", "cisco://security/advisories/critical",
                        "cisco://products/catalog");
    }

    @Test
    void aStartWithinADayOfTheCheckAsksCiscoNothingAndListsOnlyWhatWorks() {
        cisco.server.entitleOnly(List.of("psirt"));
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("SUPPORT_API", "bug,psirt");
        env.remove("CISCO_ENTITLEMENT_CHECK");
        env.put("CISCO_MCP_CACHE", McpJar.newCacheFolder().toString()); // one folder for both starts
        cisco.resetCounts();
        JsonNode first = Scenario.stdio(env).listTools().awaitToolsListChanged().listTools().run();
        assertThat(first.path(2).path("value").path("tools")).hasSize(11);
        assertThat(cisco.apiRequests()).as("the first start probes each API once").isEqualTo(2);

        cisco.resetCounts();
        JsonNode second = Scenario.stdio(env).listTools().run();
        assertThat(second.path(0).path("value").path("tools")).as("the refused API is withdrawn from the start")
                .extracting(t -> t.path("name").asString()).hasSize(11).allMatch(name -> name.contains("security_advis"));
        assertThat(cisco.apiRequests() + cisco.server.requests().tokenRequests()).as("requests to Cisco").isZero();
    }

    @Test
    void aRefusedCallIsConfirmedByAProbeThenItsApiIsWithdrawn() {
        cisco.server.entitleOnly(List.of("psirt"));
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("SUPPORT_API", "bug,psirt"); // and no start-up check: only the refused call starts one
        JsonNode results = Scenario.stdio(env)
                .call("search_bugs_by_keyword", Map.of("keyword", "crash"))
                .awaitToolsListChanged()
                .listTools()
                .logs()
                .call("get_latest_security_advisories", Map.of("number", 1))
                .logs()
                .call("get_latest_security_advisories", Map.of("number", 2))
                .logs()
                .run();
        assertThat(BugToolsContract.errorText(results.path(0))).contains("not entitled to the Bug API");
        assertThat(results.path(1).path("value").path("count").asInt()).isPositive();
        assertThat(results.path(2).path("value").path("tools")).extracting(t -> t.path("name").asString())
                .hasSize(11).allMatch(name -> name.contains("security_advis"));
        assertThat(results.path(5).path("value").path("logs")).as("told at the next call").hasSize(1);
        assertThat(results.path(5).path("value").path("logs").path(0).path("data").asString())
                .contains("not entitled to the Bug API").contains("withdrawn");
        assertThat(results.path(7).path("value").path("logs")).as("and only once").isEmpty();
    }
}
