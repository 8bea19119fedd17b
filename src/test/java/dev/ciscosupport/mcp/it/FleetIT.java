package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.sandbox.RequestLog;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * check_fleet through a real client (the TypeScript SDK over HTTP, both protocol revisions): the user confirms the
 * plan, the client follows the progress, receives the summary and the chart, and reads the CSV report it links; a user
 * who declines costs no Cisco call; a cancel stops the Cisco calls within a second.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetIT {
    private static final String TOKEN = "fleet-token-0123456789abcdefghijkl";
    private static final List<String> VERSIONS = List.of("IOS-XE,17.9.4", "IOS,15.2(7)E8", "NX-OS,9.3(10)", "IOS-XE,16.12.4");
    private final CiscoSandbox cisco = new CiscoSandbox();

    @BeforeEach
    void resetCounts() {
        cisco.resetCounts();
    }

    @AfterAll
    void stop() {
        cisco.close();
    }

    private Map<String, String> env(String quota, int confirmAfterSeconds) {
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("SUPPORT_API", "eox,serial,psirt,software");
        env.put("MCP_BEARER_TOKEN", TOKEN);
        env.put("CISCO_QUOTA", quota);
        env.put("FLEET_CONFIRM_SECONDS", String.valueOf(confirmAfterSeconds));
        return env;
    }

    /** {@code devices} of the sandbox's units as a CSV export, and one line that is not a device. */
    private String inventory(int devices) {
        StringBuilder csv = new StringBuilder("hostname,serial,pid,os,version\n");
        List<Map.Entry<String, String>> units = new ArrayList<>(cisco.server.serialNumbers().entrySet());
        for (int i = 0; i < devices; i++) {
            csv.append("r").append(i).append(',').append(units.get(i).getKey()).append(',').append(units.get(i).getValue())
                    .append(',').append(VERSIONS.get(i % VERSIONS.size())).append('\n');
        }
        return csv.append("r-broken,FOC0000A000\n").toString();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"legacy", "2026-07-28"})
    void theUserConfirmsAndTheClientGetsTheSummaryTheChartAndTheReport(String revision) throws Exception {
        try (HttpServerProcess server = new HttpServerProcess(env("50/s", 0))) {
            JsonNode results = Scenario.http(server.url(), TOKEN).negotiating(revision).withElicitationPickingTheFirstChoice()
                    .callWithProgress("check_fleet", Map.of("inventory", inventory(120)))
                    .readLinked("text/csv")
                    .elicitations()
                    .run();
            JsonNode result = results.path(0).path("value");
            assertThat(result.path("isError").asBoolean()).as("%s", results.path(0)).isFalse();
            JsonNode content = result.path("content");
            String text = content.path(0).path("text").asString();
            assertThat(text).startsWith("Fleet check of 120 devices").contains("1 line not read; line 122: 2 cells");
            assertThat(result.path("structuredContent").path("summary").path("devices").asInt()).isEqualTo(120);

            // Progress: one notification per Cisco answer, rising, never past the plan's total. (The v2 client adds one
            // of its own when it answers an input-required result: "Fulfilling input required...", not the server's.)
            List<JsonNode> progress = new ArrayList<>();
            result.path("progress").forEach(p -> {
                if (!p.path("message").asString().startsWith("Fulfilling input required")) {
                    progress.add(p);
                }
            });
            int planned = 0;
            for (JsonNode n : result.path("structuredContent").path("plan").path("cisco_calls")) {
                planned += n.asInt();
            }
            assertThat(progress).hasSizeGreaterThanOrEqualTo(5);
            double last = 0;
            for (JsonNode p : progress) {
                assertThat(p.path("progress").asDouble()).isGreaterThan(last);
                assertThat(p.path("total").asInt()).as("%s", p).isEqualTo(planned);
                last = p.path("progress").asDouble();
            }
            assertThat(last).isLessThanOrEqualTo(planned);

            // The chart, a PNG; the report, read from the link in the result.
            JsonNode image = null;
            for (JsonNode c : content) {
                if (c.path("type").asString().equals("image")) {
                    image = c;
                }
            }
            assertThat(image).isNotNull();
            assertThat(image.path("mimeType").asString()).isEqualTo("image/png");
            byte[] png = Base64.getDecoder().decode(image.path("data").asString());
            assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
            JsonNode read = results.path(1);
            assertThat(read.path("ok").asBoolean()).as("%s", read).isTrue();
            String csv = read.path("value").path("contents").path(0).path("text").asString();
            assertThat(read.path("value").path("contents").path(0).path("mimeType").asString()).isEqualTo("text/csv");
            assertThat(csv.lines()).hasSize(121);
            assertThat(csv.lines().findFirst().orElseThrow()).startsWith("hostname,site,serial,product_id");

            JsonNode asked = results.path(2).path("value").path("requests");
            assertThat(asked).hasSize(1);
            assertThat(asked.path(0).path("message").asString()).contains("120 devices").contains("Cisco calls")
                    .endsWith("Run it?");
        }
    }

    @Test
    void aUserWhoDeclinesCostsNoCiscoCall() throws Exception {
        try (HttpServerProcess server = new HttpServerProcess(env("50/s", 0))) {
            cisco.resetCounts();
            JsonNode results = Scenario.http(server.url(), TOKEN).negotiating("legacy").withElicitationDeclined()
                    .call("check_fleet", Map.of("inventory", inventory(60)))
                    .run();
            JsonNode result = results.path(0).path("value");
            assertThat(result.path("content").path(0).path("text").asString()).startsWith("Not run: the user did not confirm.");
            assertThat(result.path("structuredContent").path("ran").asBoolean()).isFalse();
            assertThat(cisco.apiRequests()).as("Cisco calls").isZero();
        }
    }

    @Test
    void aCancelStopsTheCiscoCallsWithinASecond() throws Exception {
        try (HttpServerProcess server = new HttpServerProcess(env("5/s", 3600))) {
            // Cancelled at its first progress notification, which follows its first Cisco call: however slow the machine,
            // the check has begun asking Cisco, and has most of its ~90 calls still to make.
            JsonNode results = Scenario.http(server.url(), TOKEN).negotiating("legacy")
                    .callAndCancelAfterProgress("check_fleet", Map.of("inventory", inventory(1_000)), 1, 3000)
                    .run();
            JsonNode outcome = results.path(0).path("value");
            assertThat(outcome.path("finished").asBoolean()).as("%s", outcome).isFalse();
            List<RequestLog.Seen> seen = cisco.server.requests().recent();
            assertThat(seen).as("Cisco requests before the cancel").isNotEmpty();
            // The sandbox times arrivals on this JVM's nanoTime, the client its cancel on the wall clock (epoch ms).
            long epochMillisAtNanoZero = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
            long lastArrival = epochMillisAtNanoZero + seen.get(seen.size() - 1).arrivedNanos() / 1_000_000;
            assertThat(lastArrival).as("the last Cisco request's arrival, after the cancel at %s",
                    outcome.path("cancelledAt")).isLessThanOrEqualTo(outcome.path("cancelledAt").asLong() + 1_000);
            assertThat(seen.size()).as("Cisco requests of the ~90 the check needed").isLessThan(30);
        }
    }
}
