package dev.ciscosupport.mcp.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Cisco answers an expired token, a missing header, a passing gateway fault and a missing entitlement with the
 * same 403 Not Authorized: a withdrawn API is probed again later, and its tools come back when Cisco answers.
 */
class EntitlementRecoveryTest {
    @Test
    void aWithdrawnApiComesBackWhenCiscoAnswersAgain() throws InterruptedException {
        ManualRechecks rechecks = new ManualRechecks();
        Semaphore toolListChanges = new Semaphore(0);
        try (RecordedCisco cisco = RecordedCisco.start();
                InProcessServer server = new InProcessServer(cisco.apiBaseUrl(), cisco.tokenUrl(), "replay-client",
                        "replay-secret", rechecks, toolListChanges::release)) {
            cisco.answerWith("gateway/403.not_authorized.h1.txt");
            McpSchema.CallToolResult refused = server.call("get_bug_details", Map.of("bug_ids", "CSCvc57217"));
            assertThat(refused.isError()).isTrue();
            assertThat(server.toolNames()).contains("get_bug_details"); // one refusal is only a hint

            rechecks.runPending(); // the probe that confirms it, with a fresh token
            assertThat(server.toolNames()).doesNotContain("get_bug_details", "search_bugs_by_keyword")
                    .contains("get_eox_by_product_id");
            assertThat(rechecks.delays()).containsExactly(Duration.ofMinutes(1));
            assertThat(toolListChanges.tryAcquire(10, TimeUnit.SECONDS)).as("tools/list_changed on withdrawal").isTrue();

            rechecks.runPending(); // a minute later: still refused, so the next check waits twice as long
            assertThat(server.toolNames()).doesNotContain("get_bug_details");
            assertThat(rechecks.delays()).containsExactly(Duration.ofMinutes(2));

            cisco.answerWith("bug/bug_ids.200.json"); // the app is entitled again (or the gateway has recovered)
            toolListChanges.drainPermits();
            rechecks.runPending();
            assertThat(server.toolNames()).contains("get_bug_details", "search_bugs_by_keyword", "compare_software_versions");
            assertThat(rechecks.delays()).isEmpty();
            assertThat(toolListChanges.tryAcquire(10, TimeUnit.SECONDS)).as("tools/list_changed on return").isTrue();
            McpSchema.CallToolResult answered = server.call("get_bug_details", Map.of("bug_ids", "CSCvc57217"));
            assertThat(answered.isError()).isFalse();
            assertThat(((McpSchema.TextContent) answered.content().get(0)).text()).contains("CSCvc57217");
            assertThat(server.awaitLog("not entitled to the Bug API")).as("%s", server.logMessages()).isTrue();
            assertThat(server.awaitLog("Bug API again: its tools, prompts and resources are back"))
                    .as("%s", server.logMessages()).isTrue();
        }
    }

    /**
     * A 2026-07-28 client has no session to be told in: it listens on subscriptions/listen, and hears the withdrawal
     * there; its next tools/list no longer has the API's tools.
     */
    @Test
    void aStatelessClientListeningHearsTheWithdrawal() throws Exception {
        ManualRechecks rechecks = new ManualRechecks();
        try (RecordedCisco cisco = RecordedCisco.start();
                InProcessServer server = new InProcessServer(cisco.apiBaseUrl(), cisco.tokenUrl(), "replay-client",
                        "replay-secret", rechecks, null)) {
            HttpClient http = HttpClient.newHttpClient();
            BlockingQueue<String> heard = new LinkedBlockingQueue<>();
            CompletableFuture<HttpResponse<Stream<String>>> listening = http.sendAsync(stateless(server,
                    "subscriptions/listen", "{\"notifications\":{\"toolsListChanged\":true}}"),
                    HttpResponse.BodyHandlers.ofLines());
            listening.thenAccept(response -> response.body().filter(line -> line.startsWith("data:")).forEach(heard::add));
            assertThat(heard.poll(10, TimeUnit.SECONDS)).as("the subscription is acknowledged")
                    .contains("notifications/subscriptions/acknowledged");
            assertThat(statelessToolNames(http, server)).contains("get_bug_details");

            cisco.answerWith("gateway/403.not_authorized.h1.txt");
            server.call("get_bug_details", Map.of("bug_ids", "CSCvc57217"));
            rechecks.runPending();
            String change = heard.poll(10, TimeUnit.SECONDS);
            assertThat(change).as("the withdrawal, on the listening stream").contains("notifications/tools/list_changed");
            assertThat(statelessToolNames(http, server)).doesNotContain("get_bug_details").contains("get_eox_by_product_id");
            listening.cancel(true);
        }
    }

    private static HttpRequest stateless(InProcessServer server, String method, String params) {
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
        String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":"
                + params.replaceFirst("}$", (params.equals("{}") ? "" : ",") + meta + "}") + "}";
        return HttpRequest.newBuilder(server.url()).header("Authorization", "Bearer " + server.bearer())
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2026-07-28").header("Mcp-Method", method)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static List<String> statelessToolNames(HttpClient http, InProcessServer server) throws Exception {
        String body = http.send(stateless(server, "tools/list", "{}"), HttpResponse.BodyHandlers.ofString()).body();
        String json = body.lines().filter(l -> l.startsWith("data:")).map(l -> l.substring(5)).findFirst().orElse(body);
        List<String> names = new ArrayList<>();
        Json.MAPPER.readTree(json).path("result").path("tools").forEach(t -> names.add(t.path("name").asString()));
        return names;
    }

    @Test
    void aProbeThatCannotReachCiscoKeepsTheApiAwayAndTriesAgain() {
        ManualRechecks rechecks = new ManualRechecks();
        try (RecordedCisco cisco = RecordedCisco.start();
                InProcessServer server = new InProcessServer(cisco.apiBaseUrl(), cisco.tokenUrl(), "replay-client",
                        "replay-secret", rechecks, null)) {
            cisco.answerWith("gateway/403.not_authorized.h1.txt");
            server.call("get_security_advisory_by_cve", Map.of("cve_id", "CVE-2018-0124"));
            rechecks.runPending();
            assertThat(server.toolNames()).doesNotContain("get_security_advisory_by_cve");
            cisco.answerWith("gateway/504.gateway_timeout.txt");
            rechecks.runPending();
            assertThat(server.toolNames()).doesNotContain("get_security_advisory_by_cve");
            assertThat(rechecks.delays()).containsExactly(Duration.ofMinutes(2));
        }
    }
}
