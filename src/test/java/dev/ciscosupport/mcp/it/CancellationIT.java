package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import dev.ciscosupport.mcp.http.McpHttpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * A client that cancels a tool call (the TypeScript SDK client aborting it) stops the Cisco calls the tool still had
 * to make, over stdio and HTTP, on both protocol revisions: on 2025-11-25 the client sends notifications/cancelled;
 * on 2026-07-28 it does so over stdio, and over HTTP closes the call's response stream, which is the cancel there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CancellationIT {
    private static final String TOKEN = "cancel-token-0123456789abcdefghijk";
    private final CiscoSandbox cisco = new CiscoSandbox();

    @BeforeEach
    void slowCisco() {
        cisco.resetCounts();
        cisco.server.faults().latency(Duration.ofMillis(400));
    }

    @AfterAll
    void stop() {
        cisco.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("SUPPORT_API", "serial");
        env.put("CISCO_QUOTA", "1000/s");
        return env;
    }

    /** 300 serials: four Cisco calls of 75, 400 ms each, one after another. */
    private Map<String, String> fourCalls() {
        List<String> serials = new ArrayList<>(cisco.server.serialNumbers().keySet()).subList(0, 300);
        return Map.of("serial_numbers", String.join(",", serials));
    }

    /** One call first, so the token is fetched and the server warm before the call that is cancelled. */
    private Scenario warmedUp(Scenario scenario) {
        return scenario.call("get_coverage_status_by_serial",
                Map.of("serial_numbers", cisco.server.serialNumbers().keySet().iterator().next()));
    }

    /**
     * The call was cancelled at its first progress notification, which follows its first Cisco answer: its second Cisco
     * call (400 ms) was under way, and the cancel stopped it before its last. (Cancelled after a fixed time instead, a
     * loaded machine had not made the first call yet.)
     */
    private void assertStoppedEarly(JsonNode results) {
        assertThat(results.path(1).path("value").path("finished").asBoolean()).as("%s", results.path(1)).isFalse();
        assertThat(cisco.apiRequests() - 1).as("Cisco calls made of the four the tool needed").isBetween(1, 3);
        assertThat(results.path(2).path("ok").asBoolean()).as("the server still answers").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"legacy", "2026-07-28"})
    void overStdio(String revision) {
        JsonNode results = warmedUp(Scenario.stdio(env()).negotiating(revision))
                .callAndCancelAfterProgress("get_coverage_summary_by_serial", fourCalls(), 1, 2500)
                .listTools()
                .run();
        cisco.server.faults().latency(Duration.ZERO);
        assertStoppedEarly(results);
    }

    @Test
    void overHttp() throws Exception {
        Map<String, String> env = env();
        env.put("MCP_BEARER_TOKEN", TOKEN);
        try (HttpServerProcess server = new HttpServerProcess(env)) {
            JsonNode results = warmedUp(Scenario.http(server.url(), TOKEN).negotiating("legacy"))
                    .callAndCancelAfterProgress("get_coverage_summary_by_serial", fourCalls(), 1, 2500)
                    .listTools()
                    .run();
            cisco.server.faults().latency(Duration.ZERO);
            assertStoppedEarly(results);
            // A cancel is an expected outcome: no warning, and every line in the server's one format (no multi-line
            // java.util.logging records from the libraries).
            String log = server.stderrOnceItHas("\"status\":200");
            assertThat(log.lines().filter(l -> l.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (WARN|ERROR) .*")).toList())
                    .as("warnings or errors for a cancelled call").isEmpty();
            assertThat(log).doesNotContain("WARNING:").doesNotContain("SEVERE:")
                    .doesNotContainPattern("(?m)^[A-Z][a-z]{2} \\d{1,2}, \\d{4} ");
        }
    }

    /**
     * On 2026-07-28 over HTTP the client closes the call's response stream. A server learns that only when it next
     * writes to the stream: a keep-alive every {@link McpHttpServer#STATELESS_KEEP_ALIVE}, so the second after the close
     * fails at the latest. With each Cisco answer taking longer than two of those, the call stops before its last one.
     */
    @Test
    void overHttpOnTheStatelessRevision() throws Exception {
        Map<String, String> env = env();
        env.put("MCP_BEARER_TOKEN", TOKEN);
        try (HttpServerProcess server = new HttpServerProcess(env)) {
            Scenario scenario = warmedUp(Scenario.http(server.url(), TOKEN).negotiating("2026-07-28"));
            cisco.server.faults().latency(McpHttpServer.STATELESS_KEEP_ALIVE.multipliedBy(3).dividedBy(2));
            JsonNode results = scenario.callAndCancelAfterProgress("get_coverage_summary_by_serial", fourCalls(), 1, 5000)
                    .listTools()
                    .run();
            cisco.server.faults().latency(Duration.ZERO);
            assertThat(results.path(1).path("value").path("finished").asBoolean()).as("%s", results.path(1)).isFalse();
            assertThat(cisco.apiRequests() - 1).as("Cisco calls made of the four the tool needed").isBetween(1, 3);
            assertThat(results.path(2).path("ok").asBoolean()).as("the server still answers").isTrue();
        }
    }
}
