package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The TypeScript SDK v2 client, which speaks both protocol revisions, against the jar over HTTP and stdio. In
 * "legacy" mode it opens with initialize; in "auto" mode it asks server/discover first and falls back to initialize
 * when the answer is not a 2026-07-28 server's. Either way it must settle on 2025-11-25 and get an answer from a
 * tool of every Cisco API. (Pinned to 2026-07-28 it is refused until the server speaks that revision: issue 15.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoEraClientIT {
    private static final String TOKEN = "it-token-two-eras-0123456789abcdef";
    /** One tool of each Cisco API, with arguments the sandbox answers. */
    private static final Map<String, Map<String, Object>> ONE_TOOL_PER_API = Map.of(
            "search_bugs_by_keyword", Map.of("keyword", "BGP"),
            "get_latest_security_advisories", Map.of("number", 2),
            "get_eox_by_product_id", Map.of("product_ids", "WS-C2960X*"),
            "get_coverage_status_by_serial", Map.of("serial_numbers", "FOC0000A000"),
            "get_product_info_by_product_ids", Map.of("product_ids", "C9300-24T"),
            "get_software_releases_by_product_ids", Map.of("product_ids", "C9300-24T"),
            "search_cases_by_user", Map.of("user_ids", "jdoe"),
            "get_rmas_by_user", Map.of("user_id", "jdoe", "from_date", "2020-01-01"));
    private final CiscoSandbox cisco = new CiscoSandbox();
    private HttpServerProcess server;

    @BeforeAll
    void start() throws Exception {
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("SUPPORT_API", "all");
        env.put("MCP_BEARER_TOKEN", TOKEN);
        server = new HttpServerProcess(env);
    }

    @AfterAll
    void stop() {
        server.close();
        cisco.close();
    }

    @ParameterizedTest(name = "{0} over {1}")
    // "legacy" over stdio is the plain 2025 handshake the v1 client's tests make at length; auto over stdio is the case
    // that differs (the v2 client probes a sibling process first).
    @CsvSource({"legacy, http", "auto, http", "auto, stdio"})
    void theClientSettlesOn20251125AndEveryApiAnswers(String mode, String transport) {
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("SUPPORT_API", "all");
        Scenario scenario = (transport.equals("http") ? Scenario.http(server.url(), TOKEN) : Scenario.stdio(env))
                .negotiating(mode).listTools();
        ONE_TOOL_PER_API.forEach(scenario::call);
        JsonNode report = scenario.report();

        assertThat(report.path("protocolVersion").asString()).isEqualTo("2025-11-25");
        assertThat(report.path("era").asString()).isEqualTo("legacy");
        JsonNode results = report.path("results");
        assertThat(results.path(0).path("value").path("tools").size()).isGreaterThanOrEqualTo(54);
        for (int i = 1; i < results.size(); i++) {
            JsonNode result = results.path(i);
            assertThat(result.path("ok").asBoolean()).as("%s", result).isTrue();
            assertThat(result.path("value").path("isError").asBoolean()).as("%s", result).isFalse();
            assertThat(result.path("value").path("structuredContent").path("source").asString()).isEqualTo("cisco");
        }
        assertThat(results.size()).isEqualTo(1 + ONE_TOOL_PER_API.size());
    }
}
