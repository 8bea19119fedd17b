package dev.ciscosupport.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.cisco.TestCisco;
import dev.ciscosupport.mcp.cisco.resilience.TimeSource;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.config.Upstream;
import dev.ciscosupport.mcp.security.SecurityLog;
import dev.ciscosupport.mcp.session.CancellableCalls;
import dev.ciscosupport.mcp.session.ClientNotices;
import dev.ciscosupport.mcp.server.StatelessRequests;
import dev.ciscosupport.mcp.session.SeenValues;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpServer;
import io.modelcontextprotocol.modern.server.feature.ToolsFeature;
import java.io.PrintStream;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The tools as the 2026-07-28 server serves them, through the SDK's own stateless server: the same definitions
 * answered by the same work as on 2025-11-25 (here the Bug API's tools against the sandbox).
 */
class ModernToolsTest {
    private TestCisco cisco;
    private McpServer server;

    @BeforeEach
    void start() {
        cisco = TestCisco.start();
        ToolContext context = new ToolContext(DataSource.CISCO, new SecurityLog(new PrintStream(
                PrintStream.nullOutputStream()), null, InstantSource.system()), new SeenValues(), new CancellableCalls(),
                new ClientNotices(), Upstream.defaults().callDeadline(), TimeSource.SYSTEM);
        List<ToolDefinition> tools = ToolCatalog.definitions(ToolCatalog.forApis(Set.of(SupportApi.BUG), cisco.gateway,
                context));
        server = McpServer.builder().serverInfo(McpSchema.Implementation.builder("test", "1").build())
                .feature(ToolsFeature.ofAsync(new ModernTools(tools, name -> true, dev.ciscosupport.mcp.session.ToolViews.fixed(java.util.Map.of()), McpJsonDefaults.getMapper()))).build();
    }

    @AfterEach
    void stop() {
        cisco.close();
    }

    private JsonNode ask(String method, Map<String, Object> params) {
        JsonNode answer = StatelessRequests.ask(server, method, params);
        assertThat(answer.has("error")).as("%s", answer).isFalse();
        return answer.path("result");
    }

    @Test
    void theSameToolsAreListedWithTheSameSchemas() {
        JsonNode listed = ask("tools/list", Map.of());
        assertThat(listed.path("tools").size()).isGreaterThanOrEqualTo(8);
        JsonNode details = null;
        for (JsonNode tool : listed.path("tools")) {
            if (tool.path("name").asString().equals("get_bug_details")) {
                details = tool;
            }
        }
        assertThat(details).isNotNull();
        assertThat(details.path("inputSchema").path("properties").has("bug_ids")).isTrue();
        assertThat(details.path("outputSchema").path("properties").has("bugs")).isTrue();
        assertThat(details.path("annotations").path("readOnlyHint").asBoolean()).isTrue();
    }

    @Test
    void aCallIsAnsweredByTheSameWork() {
        JsonNode result = ask("tools/call", Map.of("name", "get_bug_details", "arguments", Map.of("bug_ids", "CSCvx43106")));
        assertThat(result.path("isError").asBoolean()).as("%s", result).isFalse();
        assertThat(result.path("resultType").asString()).as("2026-07-28 says what kind of result it is").isEqualTo("complete");
        assertThat(result.path("content").path(0).path("text").asString()).contains("CSCvx43106");
        assertThat(result.path("structuredContent").path("bugs").path(0).path("bug_id").asString()).isEqualTo("CSCvx43106");
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(1);
    }

    @Test
    void badArgumentsGetTheSameSentence() {
        JsonNode result = ask("tools/call", Map.of("name", "get_bug_details", "arguments", Map.of("bug_ids", "CSC/../x")));
        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(result.path("content").path(0).path("text").asString()).startsWith("bug_ids:");
        assertThat(cisco.sandbox.requests().apiRequests()).isZero();
    }
}
