package dev.ciscosupport.mcp.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.MutableClock;
import dev.ciscosupport.mcp.config.SessionLimits;
import dev.ciscosupport.mcp.json.Json;
import dev.ciscosupport.mcp.security.AcceptedToken;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13, item 5: the per-client request limit weighs a tool call by the Cisco requests it made, so a client that
 * runs fan-out tools reaches its limit as many requests sooner as its calls cost Cisco. The limiter's clock is the
 * test's and never moves: no refill, every count exact.
 */
class CiscoWeightTest extends WithHardenedServer {
    static final String FANOUT = "fan-out-token-0123456789abcdefghij";
    static final String LOOKUP = "lookup-token-0123456789abcdefghijk";
    static final int BURST = 30;

    @Test
    void aFanOutCallCostsTheRequestLimitWhatItCostCisco() {
        Raw server = start(0.001, BURST, SessionLimits.defaults(), 100, MutableClock.at2026(),
                List.of(AcceptedToken.of(FANOUT, "fanout"), AcceptedToken.of(LOOKUP, "lookup")));
        JsonNode fanned = call(server, FANOUT, "multi_severity_search",
                "{\"search_term\":\"crash\",\"search_type\":\"keyword\",\"max_severity\":6}");
        int ciscoCalls = fanned.path("result").path("structuredContent").path("cisco_calls").asInt();
        assertThat(ciscoCalls).as("Cisco requests of one multi_severity_search").isGreaterThanOrEqualTo(4);
        assertThat(lostBeyondOneLookup(server)).as("requests the fan-out client lost to its Cisco calls")
                .isEqualTo(ciscoCalls - 1);
    }

    /**
     * Every Cisco request a multi-API analysis makes is the caller's, its EoX, advisory and software parts included
     * (they were once sent outside the call: uncounted, unreported, not cancellable).
     */
    @Test
    void everyPartOfAnAnalysisIsChargedToItsCaller() {
        Raw server = start(0.001, BURST, SessionLimits.defaults(), 100, MutableClock.at2026(),
                List.of(AcceptedToken.of(FANOUT, "fanout"), AcceptedToken.of(LOOKUP, "lookup")));
        JsonNode analysed = call(server, FANOUT, "comprehensive_analysis",
                "{\"product_identifier\":\"C9300-24T\",\"software_version\":\"17.9.4\",\"os_type\":\"iosxe\"}");
        JsonNode result = analysed.path("result").path("structuredContent");
        assertThat(result.has("end_of_life") && result.has("advisories") && result.has("suggested_release"))
                .as("every part done: %s", result).isTrue();
        int ciscoCalls = result.path("cisco_calls").asInt();
        assertThat(lostBeyondOneLookup(server)).as("requests the analysing client lost to its Cisco calls")
                .isEqualTo(ciscoCalls - 1);
    }

    /**
     * The lookup client makes one plain lookup (one Cisco request); then both clients ping until refused: how many
     * more requests the fan-out client's tool call cost it than the lookup cost the other.
     */
    private static int lostBeyondOneLookup(Raw server) {
        JsonNode looked = call(server, LOOKUP, "get_bug_details", "{\"bug_ids\":\"CSCvi10692\"}");
        assertThat(looked.path("result").path("isError").asBoolean()).isFalse();
        int fanoutLeft = pingsUntilRefused(server, FANOUT);
        int lookupLeft = pingsUntilRefused(server, LOOKUP);
        return lookupLeft - fanoutLeft;
    }

    /** Opens a session, says initialized, calls the tool: three requests of the client's budget. */
    private static JsonNode call(Raw server, String token, String tool, String arguments) {
        String session = server.open(token);
        server.post(token, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        HttpResponse<String> answer = server.post(token, session, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}}");
        assertThat(answer.statusCode()).isEqualTo(200);
        String body = answer.body();
        // An answer sent as a stream carries the message on its data: line.
        String json = body.lines().filter(line -> line.startsWith("data:")).map(line -> line.substring(5).strip())
                .findFirst().orElse(body);
        return Json.MAPPER.readTree(json);
    }

    private static int pingsUntilRefused(Raw server, String token) {
        for (int i = 0; i < BURST; i++) {
            int status = server.ping(token, null).statusCode();
            if (status == 429) {
                return i;
            }
            assertThat(status).isEqualTo(200);
        }
        throw new AssertionError("never refused within the burst");
    }
}
