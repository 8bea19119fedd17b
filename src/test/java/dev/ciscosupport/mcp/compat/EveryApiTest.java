package dev.ciscosupport.mcp.compat;

import static dev.ciscosupport.mcp.replay.InProcessServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.cisco.resilience.FakeTime;
import dev.ciscosupport.mcp.config.Upstream;
import dev.ciscosupport.mcp.json.Json;
import dev.ciscosupport.mcp.replay.InProcessServer;
import dev.ciscosupport.mcp.sandbox.Fault;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * For each Cisco API, with the server's production settings towards Cisco (retries, quota, cache, pauses): a normal
 * call answers, Cisco's over-rate refusal and a gateway that keeps timing out become sentences naming the API. Each
 * case gets a fresh server, so nothing is cached or paused from the one before; back-off waits on a test clock.
 */
class EveryApiTest extends WithSandbox {
    /** Production's retries: the first try and two more. */
    private static final int ATTEMPTS = Upstream.defaults().retries() + 1;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Bug API|search_bugs_by_keyword|{\"keyword\":\"BGP\"}",
        "PSIRT openVuln API|get_latest_security_advisories|{\"number\":2}",
        "EoX API|get_eox_by_product_id|{\"product_ids\":\"WS-C2960X*\"}",
        "Serial Number to Information API|get_coverage_status_by_serial|{\"serial_numbers\":\"FOC0000A000\"}",
        "Product Information API|get_product_info_by_product_ids|{\"product_ids\":\"C9300-24T\"}",
        "Software Suggestion API|get_software_releases_by_product_ids|{\"product_ids\":\"C9300-24T\"}",
        "Case API|search_cases_by_user|{\"user_ids\":\"jdoe\"}",
        "Service Order Return (RMA) API|get_rmas_by_user|{\"user_id\":\"jdoe\",\"from_date\":\"2020-01-01\"}"})
    void everyApiAnswersAndTurnsCiscosRefusalsIntoSentences(String api, String tool, String json) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> args = Json.MAPPER.readValue(json, Map.class);
        McpSchema.CallToolResult ok = call(tool, args);
        assertThat(ok.isError()).as("%s", ok).isFalse();
        assertThat(((Map<?, ?>) ok.structuredContent()).get("source")).isEqualTo("cisco");

        sandbox.faults().inject(Fault.OVER_RATE, 1);
        McpSchema.CallToolResult overQuota = call(tool, args);
        assertThat(overQuota.isError()).isTrue();
        assertThat(text(overQuota)).contains("rate limiting").contains(api);

        sandbox.faults().inject(Fault.GATEWAY_TIMEOUT, ATTEMPTS);
        McpSchema.CallToolResult down = call(tool, args);
        assertThat(down.isError()).isTrue();
        assertThat(text(down)).contains("unavailable right now (HTTP 504").contains(api);
    }

    private McpSchema.CallToolResult call(String tool, Map<String, Object> args) {
        try (InProcessServer server = InProcessServer.withUpstream(sandbox.apiBaseUrl(), sandbox.tokenUrl(),
                SandboxServer.CLIENT_ID, SandboxServer.CLIENT_SECRET, Upstream.defaults(), new FakeTime())) {
            return server.call(tool, args);
        }
    }
}
