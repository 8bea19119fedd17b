package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.sandbox.RequestLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The quota and the cache as a client sees them, through the official TypeScript SDK client and the built jar. */
class ResilienceIT extends SandboxToolsIT {
    private static final String ALICE = "alice-token-0123456789abcdefghijkl";
    private static final String BOB = "bob-token-0123456789abcdefghijklmn";
    private static final String CASE = "694000000";



    @Test
    void fiftyConcurrentCallsReachCiscoAtTheQuotaAndEveryCallerGetsItsAnswer() {
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("CISCO_QUOTA_BUG", "5/s");
        List<String> bugIds = new ArrayList<>(cisco.server.bugHeadlines().keySet()).subList(0, 50);
        Scenario scenario = Scenario.stdio(env).parallel();
        bugIds.forEach(id -> scenario.call("get_bug_details", Map.of("bug_ids", id)));

        long started = System.nanoTime(); // the sandbox runs in this JVM: its arrival times are on this clock
        JsonNode results = scenario.run();

        for (int i = 0; i < bugIds.size(); i++) {
            JsonNode result = results.path(i);
            assertThat(result.path("value").path("isError").asBoolean()).as("%s", result).isFalse();
            assertThat(result.path("value").path("structuredContent").path("bugs").path(0).path("bug_id").asString())
                    .isEqualTo(bugIds.get(i));
        }
        List<Long> arrivals = cisco.server.requests().recent().stream().map(RequestLog.Seen::arrivedNanos).sorted().toList();
        assertThat(arrivals).hasSize(50);
        // What the product guarantees whatever the machine's load: at 5 per second, the 50th call leaves no sooner
        // than nine windows after the first (QuotaLimiter's unit test checks every window on a controlled clock).
        // Load only delays calls, so this bound holds on a busy machine; unpaced, the 50 calls take well under it.
        assertThat(Duration.ofNanos(arrivals.get(49) - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void aRepeatedQuestionIsAnsweredFromTheCacheAndCasesStayWithTheirCaller() throws Exception {
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("SUPPORT_API", "bug,case");
        env.put("MCP_BEARER_TOKEN", ALICE + "," + BOB);
        try (HttpServerProcess server = new HttpServerProcess(env)) {
            JsonNode alice = Scenario.http(server.url(), ALICE)
                    .call("get_case_summary", Map.of("case_ids", CASE))
                    .call("get_case_summary", Map.of("case_ids", CASE))
                    .call("search_bugs_by_keyword", Map.of("keyword", "crash"))
                    .run();
            assertThat(cisco.apiRequests()).as("Alice's second question was answered from the cache").isEqualTo(2);
            assertThat(alice.path(0).path("value").path("structuredContent").has("cache")).isFalse();
            JsonNode reused = alice.path(1).path("value");
            assertThat(reused.path("structuredContent").path("cache").path("reused_answers").asInt()).isEqualTo(1);
            assertThat(reused.path("content").path(0).path("text").asString())
                    .contains("[cache] Reused from the server's cache: Cisco's answer was fetched");
            assertThat(reused.path("structuredContent").path("cases")).isEqualTo(
                    alice.path(0).path("value").path("structuredContent").path("cases"));

            JsonNode bob = Scenario.http(server.url(), BOB)
                    .call("get_case_summary", Map.of("case_ids", CASE))
                    .call("search_bugs_by_keyword", Map.of("keyword", "crash"))
                    .run();
            assertThat(bob.path(0).path("value").path("structuredContent").has("cache"))
                    .as("Bob's cases never come from Alice's answers").isFalse();
            // Bugs are the same for everyone: Alice's answer is reused (no third request for it), but Bob is not told,
            // so that he learns nothing of what Alice looked up.
            assertThat(bob.path(1).path("value").path("structuredContent").has("cache"))
                    .as("no cache note for an answer another caller fetched").isFalse();
            assertThat(cisco.apiRequests()).isEqualTo(3);
        }
    }
}
