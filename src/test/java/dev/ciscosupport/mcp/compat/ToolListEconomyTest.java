package dev.ciscosupport.mcp.compat;

import static dev.ciscosupport.mcp.replay.InProcessServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.config.ToolSelection;
import dev.ciscosupport.mcp.config.Toolset;
import dev.ciscosupport.mcp.json.Json;
import dev.ciscosupport.mcp.replay.InProcessServer;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 12: the tool list is paid for on every turn of every conversation. Token counts (o200k, as bench/run reports
 * them) are exact, so the budget is held here; toolsets list only the groups a deployment chooses.
 */
class ToolListEconomyTest extends WithSandbox {
    /** Half of what the first wave's 54 tools cost (32,371 whole, 17,631 names, titles, descriptions and inputs). */
    private static final int WHOLE_BUDGET = 32_371 / 2;
    private static final int MODEL_FACING_BUDGET = 17_631 / 2;
    /**
     * Tools the first wave did not have pay their own way: check_fleet answers in one call what would take the model
     * hundreds (its text is what a model needs to pass an inventory and read the answer, no more).
     */
    private static final java.util.Set<String> NEW_TOOLS = java.util.Set.of("check_fleet");
    private static final int NEW_TOOLS_BUDGET = 175;

    private final Encoding o200k = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    @Test
    void everyToolOfEveryApiCostsAtMostHalfOfWhatItDid() throws Exception {
        List<McpSchema.Tool> tools = list(ToolSelection.everything());
        assertThat(tools).hasSize(56);
        assertThat(o200k.countTokens(McpJsonDefaults.getMapper().writeValueAsString(McpSchema.ListToolsResult.builder(tools).build())))
                .isLessThanOrEqualTo(WHOLE_BUDGET);
        List<McpSchema.Tool> firstWave = tools.stream().filter(t -> !NEW_TOOLS.contains(t.name())).toList();
        assertThat(modelFacing(firstWave)).isLessThanOrEqualTo(MODEL_FACING_BUDGET);
        assertThat(modelFacing(tools) - modelFacing(firstWave)).as("what the tools added since cost the model")
                .isLessThanOrEqualTo(NEW_TOOLS_BUDGET);
    }

    /** What was cut only cost tokens; what prevents a wasted call stayed. */
    @Test
    void enumsFormatsAndRealLimitsStayInTheAdvertisedSchemas() {
        Map<String, JsonNode> inputs = new java.util.HashMap<>();
        for (McpSchema.Tool tool : list(ToolSelection.everything())) {
            inputs.put(tool.name(), Json.MAPPER.valueToTree(tool.inputSchema()));
            assertThat(tool.description()).as(tool.name()).isNotBlank();
        }
        assertThat(inputs.get("search_bugs_by_keyword").at("/properties/status/enum")).hasSize(3);
        assertThat(inputs.get("search_bugs_by_keyword").at("/properties/keyword/maxLength").asInt()).isEqualTo(50);
        assertThat(inputs.get("get_security_advisories_by_severity").at("/properties/start_date/format").asString())
                .isEqualTo("date");
        assertThat(inputs.get("get_security_advisories_by_severity").at("/properties/severity/enum")).hasSize(5);
        assertThat(inputs.get("search_cases_by_contract").at("/properties/contract_ids/type"))
                .extracting(JsonNode::asString).containsExactly("string", "integer");
        assertThat(inputs.get("get_latest_security_advisories").at("/properties/number/maximum").asInt()).isEqualTo(100);
    }

    /** No additionalProperties on the wire, but a misspelled argument is still refused by name, not ignored. */
    @Test
    void aMisspelledArgumentIsStillRefusedByName() {
        try (InProcessServer server = server(ToolSelection.everything())) {
            McpSchema.CallToolResult result = server.call("search_bugs_by_keyword", Map.of("keyword", "crash", "severty", "2"));
            assertThat(result.isError()).isTrue();
            assertThat(text(result)).isEqualTo("Unknown argument 'severty'. This tool takes only: keyword, page_index, status,"
                    + " severity, modified_date, sort_by.");
            McpSchema.CallToolResult required = server.call("get_bug_details", Map.of("bugid", "CSCvt43974"));
            assertThat(text(required)).contains("Unknown argument 'bugid'. This tool takes only: bug_ids.");
            McpSchema.CallToolResult nested = server.call("multi_severity_search", Map.of("search_term", "crash",
                    "search_type", "keyword", "additional_params", Map.of("severity", 2)));
            assertThat(text(nested)).startsWith("additional_params: Unknown argument 'severity'.");
        }
    }

    @Test
    void theCoreToolsetListsTheMostUsedLookupsOfEveryApiAtAQuarterOfTheCost() throws Exception {
        List<McpSchema.Tool> core = list(ToolSelection.everything().withToolsets(EnumSet.of(Toolset.CORE)));
        assertThat(core).extracting(McpSchema.Tool::name).containsExactlyInAnyOrderElementsOf(Toolset.CORE_TOOLS);
        assertThat(modelFacing(core)).isLessThan(modelFacing(list(ToolSelection.everything())) / 4);
    }

    /** Toolsets choose what is listed; the analysis tools still use every API SUPPORT_API enables. */
    @Test
    void toolsetsListTheirGroupsAndAnalysisStillUsesEveryEnabledApi() {
        ToolSelection chosen = ToolSelection.everything().withToolsets(EnumSet.of(Toolset.PSIRT, Toolset.ANALYSIS));
        try (InProcessServer server = server(chosen)) {
            List<String> names = server.client().listTools().tools().stream().map(McpSchema.Tool::name).toList();
            assertThat(names).contains("get_security_advisory_by_id", "compare_software_versions", "comprehensive_analysis")
                    .doesNotContain("get_bug_details", "get_eox_by_product_id", "summarize_bugs_with_ai");
            McpSchema.CallToolResult analysis = server.call("comprehensive_analysis", Map.of("product_identifier", "C9300-24T",
                    "software_version", "17.9.4"));
            assertThat(analysis.isError()).isFalse();
            assertThat(Json.MAPPER.valueToTree(analysis.structuredContent()).has("end_of_life")).isTrue();
            assertThatThrownBy(() -> server.call("get_eox_by_product_id", Map.of("product_ids", "C9300-24T")))
                    .isInstanceOf(McpError.class).hasMessageContaining("Unknown tool: get_eox_by_product_id.");
        }
    }

    /**
     * On a team's HTTP server every client chooses its own list (as github-mcp-server's remote server takes
     * X-MCP-Toolsets): the same server lists the core lookups to one and everything to another.
     */
    @Test
    void anHttpClientChoosesItsToolsetsWithAHeader() throws Exception {
        try (InProcessServer server = server(ToolSelection.everything())) {
            McpSyncClient economical = client(server, "core, rma");
            try {
                List<String> listed = economical.listTools().tools().stream().map(McpSchema.Tool::name).toList();
                List<String> expected = new java.util.ArrayList<>(Toolset.CORE_TOOLS);
                expected.addAll(List.of("get_rmas_by_user", "search_rmas_by_serial"));
                assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
            } finally {
                economical.closeGracefully();
            }
            assertThat(server.client().listTools().tools()).hasSize(56);

            java.net.http.HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(server.url()).header("Authorization", "Bearer " + server.bearer())
                            .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                            .header("X-MCP-Toolsets", "core,bugs")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                    "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode error = Json.MAPPER.readTree(refused.body());
            assertThat(error.path("id").asInt()).isEqualTo(7);
            assertThat(error.path("error").path("message").asString()).isEqualTo("X-MCP-Toolsets: unknown toolset \"bugs\";"
                    + " use a comma list of core, bug, analysis, sampling, psirt, eox, fleet, product, serial, software, case, rma, smart_bonding, or all.");
        }
    }

    /**
     * Dynamic toolsets (github-mcp-server's dynamic discovery): a session starts with the core lookups and two tools to
     * see and enable the rest; enabling one changes that session's list, and tells its client, and no other session's.
     */
    @Test
    void withDynamicToolsetsAModelEnablesWhatItNeedsForItsSessionOnly() throws Exception {
        java.util.concurrent.CountDownLatch changed = new java.util.concurrent.CountDownLatch(1);
        ToolSelection dynamic = ToolSelection.everything().withToolsets(EnumSet.of(Toolset.CORE)).dynamically();
        try (InProcessServer server = new InProcessServer(sandbox.apiBaseUrl(), sandbox.tokenUrl(), SandboxServer.CLIENT_ID,
                SandboxServer.CLIENT_SECRET, null, changed::countDown, dynamic)) {
            List<String> core = new java.util.ArrayList<>(Toolset.CORE_TOOLS);
            core.addAll(List.of("list_toolsets", "enable_toolset"));
            assertThat(server.toolNames()).containsExactlyInAnyOrderElementsOf(core);

            McpSchema.CallToolResult toolsets = server.call("list_toolsets", Map.of());
            assertThat(text(toolsets)).contains("\n- core (13 tools, enabled): the most used lookups of every API",
                    "\n- rma (3 tools): returns (RMAs)", "\n- psirt (11 tools): security advisories");

            McpSyncClient other = client(server, "all");
            try {
                McpSchema.CallToolResult enabled = server.call("enable_toolset", Map.of("toolset", "rma"));
                assertThat(text(enabled)).isEqualTo("Enabled rma, 3 tools: get_rma_details, get_rmas_by_user,"
                        + " search_rmas_by_serial. Your client was told that the tool list changed.");
                List<String> withRma = new java.util.ArrayList<>(core);
                withRma.addAll(List.of("get_rmas_by_user", "search_rmas_by_serial"));
                assertThat(server.toolNames()).containsExactlyInAnyOrderElementsOf(withRma);
                // The notification comes on the session's event stream, apart from the call's answer.
                assertThat(changed.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("list_changed received").isTrue();
                assertThat(other.listTools().tools()).extracting(McpSchema.Tool::name)
                        .containsExactlyInAnyOrderElementsOf(core);
                // What is offered is the same for everyone: a hidden tool still answers when called.
                assertThat(other.callTool(McpSchema.CallToolRequest.builder("get_rmas_by_user")
                        .arguments(Map.of("user_id", "jdoe")).build()).isError()).isFalse();
            } finally {
                other.closeGracefully();
            }
            assertThat(server.call("enable_toolset", Map.of("toolset", "rmas")).isError()).isTrue();
        }
    }

    private static McpSyncClient client(InProcessServer server, String toolsets) {
        java.net.URI url = server.url();
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(url.getScheme() + "://" + url.getAuthority())
                .endpoint(url.getPath()).requestBuilder(java.net.http.HttpRequest.newBuilder()
                        .header("Authorization", "Bearer " + server.bearer()).header("X-MCP-Toolsets", toolsets)).build())
                .build();
        client.initialize();
        return client;
    }

    @Test
    void aToolsetWithoutItsApiIsNotListedAndItsPromptsStayAway() {
        ToolSelection bugOnly = new ToolSelection(Set.of(SupportApi.BUG, SupportApi.CASE),
                EnumSet.allOf(ToolSelection.BugTools.class)).withToolsets(EnumSet.of(Toolset.CASE));
        assertThat(bugOnly.promptApis()).containsExactly(SupportApi.CASE);
        assertThat(list(bugOnly)).extracting(McpSchema.Tool::name)
                .containsExactly("get_case_summary", "get_case_details", "search_cases_by_contract", "search_cases_by_user");
    }

    private List<McpSchema.Tool> list(ToolSelection selection) {
        try (InProcessServer server = server(selection)) {
            return server.client().listTools().tools();
        }
    }

    private InProcessServer server(ToolSelection selection) {
        return new InProcessServer(sandbox.apiBaseUrl(), sandbox.tokenUrl(), SandboxServer.CLIENT_ID,
                SandboxServer.CLIENT_SECRET, null, null, selection);
    }

    /** Names, titles, descriptions and input schemas: what the model reads (output schemas are for the client). */
    private int modelFacing(List<McpSchema.Tool> tools) throws Exception {
        int total = 0;
        for (McpSchema.Tool tool : tools) {
            JsonNode whole = Json.MAPPER.readTree(McpJsonDefaults.getMapper().writeValueAsString(tool));
            ObjectNode model = Json.MAPPER.createObjectNode();
            for (String key : List.of("name", "title", "description", "inputSchema")) {
                if (whole.has(key)) {
                    model.set(key, whole.get(key));
                }
            }
            total += o200k.countTokens(model.toString());
        }
        return total;
    }
}
