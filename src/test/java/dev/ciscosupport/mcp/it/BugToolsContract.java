package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.sandbox.Fault;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * What every transport must do with the Bug API tools, checked through the official MCP TypeScript
 * SDK client against the built jar. Answers are compared with what the sandbox's Cisco API itself
 * returns for the same query, so nothing here is a hard-coded expectation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BugToolsContract {
    static final List<String> TOOLS = List.of("get_bug_details", "search_bugs_by_keyword", "search_bugs_by_product_id",
            "search_bugs_by_product_and_release", "search_bugs_by_product_series_affected",
            "search_bugs_by_product_series_fixed", "search_bugs_by_product_name_affected",
            "search_bugs_by_product_name_fixed");
    static final String NEXUS = "Cisco Nexus 9000 Series Switches";
    static final String CUCM = "Cisco Unified Communications Manager (CallManager)";
    static final String CUCM_PATH = "Cisco%20Unified%20Communications%20Manager%20(CallManager)";

    final CiscoSandbox cisco = new CiscoSandbox();

    /** A scenario on this transport, connected to a server that uses {@link #cisco}. */
    abstract Scenario scenario();

    /** A scenario on a server started for it alone, for a test that leaves the server changed (an API paused). */
    abstract Scenario serverOfItsOwn();

    @BeforeEach
    void clearCounts() {
        cisco.resetCounts();
    }

    @AfterAll
    void stopCisco() {
        cisco.close();
    }

    static JsonNode structured(JsonNode result) {
        assertThat(result.path("ok").asBoolean()).as("request failed: %s", result).isTrue();
        assertThat(result.path("value").path("isError").asBoolean()).as("tool error: %s", result).isFalse();
        return result.path("value").path("structuredContent");
    }

    static String text(JsonNode result) {
        return result.path("value").path("content").path(0).path("text").asString();
    }

    @Test
    void listsTheEightBugToolsAndTheAnalysisToolsWithStrictSchemasTitlesAndAnnotations() {
        JsonNode tools = scenario().listTools().run().path(0).path("value").path("tools");
        List<String> expected = new java.util.ArrayList<>(TOOLS);
        expected.addAll(List.of("compare_software_versions", "multi_severity_search", "smart_search_strategy",
                "comprehensive_analysis", "progressive_bug_search",
                "product_name_resolver", "summarize_bugs_with_ai", "analyze_upgrade_risk_with_ai", "resolve_product_name",
                "categorize_bug", "extract_product_query"));
        assertThat(tools).extracting(t -> t.path("name").asString()).containsExactlyElementsOf(expected);
        for (JsonNode tool : tools) {
            assertThat(tool.path("title").asString()).isNotBlank();
            assertThat(tool.path("description").asString()).isNotBlank();
            assertThat(tool.path("inputSchema").path("required").size()).isPositive();
            assertThat(tool.path("outputSchema").path("type").asString()).isEqualTo("object");
            JsonNode hints = tool.path("annotations");
            assertThat(hints.path("readOnlyHint").asBoolean()).isTrue();
            // destructiveHint and idempotentHint mean something only for tools that change things (MCP spec).
            assertThat(hints.has("destructiveHint")).isFalse();
            assertThat(hints.path("openWorldHint").asBoolean()).isTrue();
        }
        JsonNode search = tools.path(1).path("inputSchema").path("properties");
        assertThat(search.path("status").path("enum")).extracting(JsonNode::asString).containsExactly("O", "F", "T");
        assertThat(search.path("keyword").path("maxLength").asInt()).isEqualTo(50);
    }

    @Test
    void everyToolAnswersWhatCiscoAnswers() {
        List<String> known = cisco.bugIds("/bug/v2.0/bugs/keyword/BGP?modified_date=5").subList(0, 3);
        cisco.resetCounts();
        JsonNode results = scenario()
                .call("get_bug_details", Map.of("bug_ids", String.join(", ", known)))
                .call("search_bugs_by_keyword", Map.of("keyword", "BGP", "modified_date", "5"))
                .call("search_bugs_by_product_id", Map.of("base_pid", "ISR4431/K9", "modified_date", "5"))
                .call("search_bugs_by_product_and_release", Map.of("base_pid", "C9300-24T",
                        "software_releases", "17.09.04a,17.12.1", "modified_date", "5"))
                .call("search_bugs_by_product_series_affected", Map.of("product_series", NEXUS,
                        "affected_releases", "10.4(2),10.3(3)", "modified_date", "5"))
                .call("search_bugs_by_product_series_fixed", Map.of("product_series", NEXUS,
                        "fixed_releases", "10.4(2),10.3(3)", "modified_date", "5"))
                .call("search_bugs_by_product_name_affected", Map.of("product_name", CUCM,
                        "affected_releases", "14.0(1)SU2,12.5(1)SU7", "modified_date", "5"))
                .call("search_bugs_by_product_name_fixed", Map.of("product_name", CUCM,
                        "fixed_releases", "15.0(1),14.0(1)SU3", "modified_date", "5"))
                .run();
        assertThat(cisco.apiRequests()).isEqualTo(8);

        JsonNode details = structured(results.path(0));
        assertThat(CiscoSandbox.ids(details)).containsExactlyElementsOf(known);
        assertThat(details.path("bugs").path(0).path("description").asString()).contains("Symptom:");
        assertThat(text(results.path(0))).contains(known.get(0)).contains("Description (Cisco's text)");

        String[] paths = {null, "/keyword/BGP", "/products/product_id/ISR4431%2FK9",
            "/products/product_id/C9300-24T/software_releases/17.9.4a,17.12.1",
            "/product_series/Cisco%20Nexus%209000%20Series%20Switches/affected_releases/10.4(2),10.3(3)",
            "/product_series/Cisco%20Nexus%209000%20Series%20Switches/fixed_in_releases/10.4(2),10.3(3)",
            "/product_name/" + CUCM_PATH + "/affected_releases/14.0(1)SU2,12.5(1)SU7",
            "/product_name/" + CUCM_PATH + "/fixed_in_releases/15.0(1),14.0(1)SU3"};
        for (int i = 1; i < paths.length; i++) {
            String path = "/bug/v2.0/bugs" + paths[i] + "?modified_date=5";
            JsonNode answer = structured(results.path(i));
            List<String> expected = cisco.bugIds(path);
            assertThat(expected).as(TOOLS.get(i)).isNotEmpty();
            assertThat(answer.path("source").asString()).isEqualTo("cisco");
            assertThat(CiscoSandbox.ids(answer)).as(TOOLS.get(i)).containsExactlyElementsOf(expected);
            assertThat(answer.path("page").path("total_records").asInt()).isEqualTo(cisco.totalRecords(path));
            assertThat(text(results.path(i))).contains(expected.get(0)).contains("Page 1 of");
        }
        assertThat(text(results.path(3))).contains("searched 17.09.04a as 17.9.4a");
    }

    @Test
    void searchesKeepCiscosDefaultPeriodAndSaySo() {
        JsonNode result = scenario().call("search_bugs_by_keyword", Map.of("keyword", "memory leak")).run().path(0);
        JsonNode answer = structured(result);
        assertThat(answer.path("search").path("modified_date").asString()).isEqualTo("2");
        assertThat(text(result)).contains("modified in the last 30 days (Cisco's default");
        assertThat(server().recentPaths()).containsExactly("/bug/v2.0/bugs/keyword/memory%20leak");
        assertThat(CiscoSandbox.ids(answer)).containsExactlyElementsOf(cisco.bugIds("/bug/v2.0/bugs/keyword/memory%20leak"));
    }

    @Test
    void ciscoRefusalsAreErrorsTheModelCanActOn() {
        // Each call asks something new, so none is answered from the cache. A gateway timeout may pass, so the
        // server tries it CiscoSandbox.ATTEMPTS times before it answers. Not Authorized last: it makes the server
        // re-probe the API in the background (a stray refusal must not take the API away), and that probe must not
        // consume a fault meant for a later call.
        cisco.server.faults().inject(Fault.GATEWAY_TIMEOUT, CiscoSandbox.ATTEMPTS).inject(Fault.NOT_AUTHORIZED, 1);
        JsonNode results = scenario()
                .call("search_bugs_by_keyword", Map.of("keyword", "gateway timeout"))
                .call("search_bugs_by_keyword", Map.of("keyword", "not authorized"))
                .call("search_bugs_by_keyword", Map.of("keyword", "crash"))
                .run();
        assertThat(errorText(results.path(0))).contains("unavailable right now (HTTP 504");
        assertThat(errorText(results.path(1))).contains("not entitled to the Bug API");
        assertThat(structured(results.path(2)).path("bugs").size()).isPositive();
    }

    @Test
    void overTheQuotaTheApiIsLeftAloneForAsLongAsCiscoNeeds() {
        cisco.server.faults().inject(Fault.OVER_RATE, 1);
        JsonNode results = serverOfItsOwn()
                .call("search_bugs_by_keyword", Map.of("keyword", "crash"))
                .call("search_bugs_by_keyword", Map.of("keyword", "memory leak"))
                .run();
        assertThat(errorText(results.path(0))).contains("rate limiting").contains("Bug API").contains("Retry after 60 s");
        assertThat(errorText(results.path(1))).contains("Cisco asked this server to slow down for the Bug API")
                .containsPattern("Retry after (59|60) s");
        assertThat(cisco.apiRequests()).as("the second call never reached Cisco").isEqualTo(1);
    }

    static String errorText(JsonNode result) {
        assertThat(result.path("ok").asBoolean()).as("request failed: %s", result).isTrue();
        assertThat(result.path("value").path("isError").asBoolean()).as("expected a tool error: %s", result).isTrue();
        String text = text(result);
        assertThat(text).doesNotContain("Exception", "\tat ", "<h1>");
        return text;
    }

    private dev.ciscosupport.mcp.sandbox.RequestLog server() {
        return cisco.server.requests();
    }
}
