package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two replicas of the jar, as behind a round-robin balancer, speaking 2026-07-28 with one request-state key: a
 * client's requests alternate between them and every one is answered, including the second round of a tool that asked
 * the user something on the other replica. The state that round carries is the first replica's, signed with the
 * shared key and bound to the caller: altered, or presented with another token, it is refused.
 */
class StatelessReplicasIT {
    private static final String TOKEN = "it-token-replica-a-0123456789abcdef";
    private static final String OTHER_TOKEN = "it-token-replica-b-0123456789abcdef";
    private static final String KEY = "it-request-state-key-0123456789abcdefghij";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int id;

    @Test
    void anyReplicaAnswersAnyRoundOfAClientsCalls() throws Exception {
        try (CiscoSandbox cisco = new CiscoSandbox()) {
            Map<String, String> env = new LinkedHashMap<>(cisco.env());
            env.put("SUPPORT_API", "all");
            env.put("MCP_BEARER_TOKEN", TOKEN + "," + OTHER_TOKEN);
            env.put("MCP_PROTOCOL_REVISIONS", "both");
            env.put("MCP_REQUEST_STATE_KEY", KEY);
            try (HttpServerProcess a = new HttpServerProcess(env); HttpServerProcess b = new HttpServerProcess(env)) {
                // Plain calls: no session, so either replica answers each.
                for (HttpServerProcess replica : new HttpServerProcess[] {a, b, a, b}) {
                    JsonNode answer = call(replica, TOKEN, "get_product_info_by_product_ids",
                            Map.of("product_ids", "C9300-24T"), null);
                    assertThat(answer.path("result").path("structuredContent").path("source").asString())
                            .as("%s", answer).isEqualTo("cisco");
                }

                // Several products match: the tool asks the user (round 1, on A) ...
                JsonNode asked = call(a, TOKEN, "product_name_resolver", Map.of("product_id", "C9300-"), null);
                JsonNode round = asked.path("result");
                assertThat(round.path("resultType").asString()).as("%s", asked).isEqualTo("input_required");
                String key = round.path("inputRequests").propertyNames().iterator().next();
                JsonNode form = round.path("inputRequests").path(key);
                assertThat(form.path("method").asString()).isEqualTo("elicitation/create");
                String first = form.path("params").path("requestedSchema").path("properties").path("product_id")
                        .path("enum").path(0).asString();
                String state = round.path("requestState").asString();
                assertThat(state).isNotBlank();
                ObjectNode picked = Json.MAPPER.createObjectNode();
                picked.putObject(key).put("action", "accept").putObject("content").put("product_id", first);

                // ... and the answer goes to B, which finishes the call.
                JsonNode finished = call(b, TOKEN, "product_name_resolver", Map.of("product_id", "C9300-"),
                        Map.of("inputResponses", picked, "requestState", state));
                assertThat(finished.has("result")).as("%s", finished).isTrue();
                JsonNode done = finished.path("result");
                assertThat(done.path("resultType").asString("complete")).as("%s", done).isEqualTo("complete");
                assertThat(done.path("structuredContent").path("product_id").asString()).isEqualTo(first);
                assertThat(done.path("structuredContent").path("chosen").asString()).contains("chosen by the user");

                // The state is signed and bound to the caller.
                JsonNode altered = call(b, TOKEN, "product_name_resolver", Map.of("product_id", "C9300-"),
                        Map.of("inputResponses", picked, "requestState", state.substring(0, state.length() - 2) + "xx"));
                assertThat(altered.path("error").path("code").asInt()).as("%s", altered).isEqualTo(-32602);
                JsonNode stolen = call(b, OTHER_TOKEN, "product_name_resolver", Map.of("product_id", "C9300-"),
                        Map.of("inputResponses", picked, "requestState", state));
                assertThat(stolen.path("error").path("code").asInt()).as("%s", stolen).isEqualTo(-32602);
            }
        }
    }

    /** One stateless tools/call (its client can answer forms), and the JSON-RPC response, from JSON or an SSE stream. */
    private JsonNode call(HttpServerProcess replica, String token, String tool, Map<String, Object> arguments,
            Map<String, Object> more) throws Exception {
        ObjectNode request = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", ++id).put("method", "tools/call");
        ObjectNode params = request.putObject("params").put("name", tool);
        params.set("arguments", Json.MAPPER.valueToTree(arguments));
        if (more != null) {
            more.forEach((name, value) -> params.set(name, Json.MAPPER.valueToTree(value)));
        }
        ObjectNode meta = params.putObject("_meta").put("io.modelcontextprotocol/protocolVersion", "2026-07-28");
        meta.putObject("io.modelcontextprotocol/clientCapabilities").putObject("elicitation");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(replica.url()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", tool)
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            for (String line : body.split("\n")) {
                if (line.startsWith("data:")) {
                    JsonNode message = Json.MAPPER.readTree(line.substring(5).strip());
                    if (message.has("id")) {
                        return message;
                    }
                }
            }
            throw new AssertionError("no response in the stream: " + body);
        }
        return Json.MAPPER.readTree(body);
    }
}
