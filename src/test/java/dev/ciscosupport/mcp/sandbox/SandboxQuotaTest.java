package dev.ciscosupport.mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox as a stand-in for Cisco's gateway under load, over its control paths (the standalone sandbox serves them
 * too): told a per-second limit, it refuses what goes over it as Cisco does (403 ERR_403_DEVELOPER_OVER_QPS), and it says
 * when each request arrived.
 */
class SandboxQuotaTest {
    @Test
    void overItsPerSecondLimitItAnswersAsCiscosGatewayAndRecordsArrivals() {
        try (SandboxServer sandbox = SandboxServer.startOnLoopback()) {
            SandboxClient client = new SandboxClient(sandbox);
            assertThat(client.getWithoutToken("/_sandbox/quota?per_second=1").statusCode()).isEqualTo(200);
            long started = System.nanoTime();
            int admitted = 0;
            int refused = 0;
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> answer = client.get("/bug/v2.0/bugs/bug_ids/CSCvt43974");
                if (answer.statusCode() == 200) {
                    admitted++;
                } else {
                    assertThat(answer.statusCode()).isEqualTo(403);
                    assertThat(answer.headers().firstValue("X-Mashery-Error-Code")).hasValue("ERR_403_DEVELOPER_OVER_QPS");
                    refused++;
                }
            }
            long seconds = (long) Math.ceil((System.nanoTime() - started) / 1e9);
            assertThat(admitted).as("admitted in %d s at 1 per second", seconds).isBetween(1, (int) seconds + 1);
            JsonNode arrivals = dev.ciscosupport.mcp.json.Json.MAPPER.readTree(
                    client.getWithoutToken("/_sandbox/arrivals").body());
            assertThat(arrivals.path("over_qps").asInt()).isEqualTo(refused);
            assertThat(arrivals.path("arrivals_ms").size()).isEqualTo(10);
        }
    }
}
