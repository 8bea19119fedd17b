package dev.ciscosupport.mcp.compat;

import static dev.ciscosupport.mcp.replay.InProcessServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.cisco.resilience.FakeTime;
import dev.ciscosupport.mcp.config.Quota;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.config.Upstream;
import dev.ciscosupport.mcp.replay.InProcessServer;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CISCO_CALL_DEADLINE_SECONDS as a client meets it: with the Bug API's quota spent for a minute, a tool call waits for
 * its turn only if the turn comes within its deadline; otherwise it is told at once when to retry.
 */
class CallDeadlineTest extends WithSandbox {
    private static Upstream oneBugCallAMinute(Duration callDeadline) {
        Upstream d = Upstream.defaults();
        return new Upstream(d.timeout(), d.retries(), d.retryBudget(), Map.of(SupportApi.BUG, Quota.parse("1/min")),
                Duration.ofSeconds(90), Map.of(), 0, d.breakerFailures(), d.breakerOpen(), callDeadline);
    }

    private McpSchema.CallToolResult secondSearch(Duration callDeadline, FakeTime time) {
        try (InProcessServer server = InProcessServer.withUpstream(sandbox.apiBaseUrl(), sandbox.tokenUrl(),
                SandboxServer.CLIENT_ID, SandboxServer.CLIENT_SECRET, oneBugCallAMinute(callDeadline), time)) {
            assertThat(server.call("search_bugs_by_keyword", Map.of("keyword", "crash")).isError()).isFalse();
            return server.call("search_bugs_by_keyword", Map.of("keyword", "memory"));
        }
    }

    @Test
    void aTurnThatComesAfterTheDeadlineIsNotWaitedFor() {
        FakeTime time = new FakeTime();
        McpSchema.CallToolResult refused = secondSearch(Duration.ofSeconds(30), time);

        assertThat(refused.isError()).isTrue();
        assertThat(text(refused)).contains("Bug API quota").contains("Retry after");
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aTurnWithinTheDeadlineIsWaitedFor() {
        FakeTime time = new FakeTime();
        McpSchema.CallToolResult answered = secondSearch(Duration.ofSeconds(120), time);

        assertThat(answered.isError()).as("%s", answered).isFalse();
        assertThat(time.sleeps()).hasSize(1);
        assertThat(time.sleeps().get(0)).isGreaterThan(Duration.ofSeconds(30));
    }
}
