package dev.ciscosupport.mcp.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciscosupport.mcp.json.Json;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a new user's client meets first: numbers for digit strings, an unknown tool named, refusals matched to requests. */
class FirstContactTest extends OnTheSandbox {

    /** The Inspector's --tool-arg severity=2 sends a number, as models often do: a digit string takes it. */
    @Test
    void wholeNumbersAreTakenWhereDigitStringsAreAsked() {
        McpSchema.CallToolResult bugs = server.call("search_bugs_by_keyword", Map.of("keyword", "crash", "severity", 2,
                "modified_date", 5));
        assertThat(bugs.isError()).isFalse();
        assertThat(Json.MAPPER.valueToTree(bugs.structuredContent()).path("bugs")).allSatisfy(b ->
                assertThat(b.path("severity").asInt()).isEqualTo(2));
        McpSchema.CallToolResult aCase = server.call("get_case_details", Map.of("case_id", 694_000_000));
        assertThat(aCase.isError()).isFalse();
        assertThat(((McpSchema.TextContent) aCase.content().get(0)).text()).contains("694000000");
        McpSchema.CallToolResult tooHigh = server.call("search_bugs_by_keyword", Map.of("keyword", "crash", "severity", 7));
        assertThat(tooHigh.isError()).isTrue();
        assertThat(server.client().listTools().tools().stream().filter(t -> t.name().equals("get_case_details")).findFirst()
                .orElseThrow().inputSchema().toString()).contains("integer");
    }

    /** An HTTP-level refusal after the body was read carries the request's id, so the client can match it. */
    @Test
    void refusalsCarryTheRequestsId() throws Exception {
        java.net.http.HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(server.url()).header("Authorization", "Bearer " + server.bearer())
                        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                        .header("MCP-Protocol-Version", "1999-01-01")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"ping\"}"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(refused.body()).path("id").asInt()).as(refused.body()).isEqualTo(42);
    }

    @Test
    void anUnknownToolIsNamed() {
        assertThatThrownBy(() -> server.call("no_such_tool", Map.of())).isInstanceOf(McpError.class)
                .hasMessageContaining("Unknown tool: no_such_tool");
    }
}
