package dev.ciscosupport.mcp.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.server.StatelessRequests;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpServer;
import io.modelcontextprotocol.modern.server.feature.PromptsFeature;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The prompts as the 2026-07-28 server serves them, through the SDK's own stateless server. */
class ModernPromptsTest {
    private final List<CiscoPrompts.Gated> prompts = CiscoPrompts.forApis(EnumSet.allOf(SupportApi.class),
            ProductResolver.unavailable());
    private final McpServer server = McpServer.builder().serverInfo(McpSchema.Implementation.builder("test", "1").build())
            .feature(PromptsFeature.ofSync(new ModernPrompts(prompts, java.util.Set::of, (c, r) -> null, McpJsonDefaults.getMapper()))).build();

    @Test
    void everyPromptIsListedWithItsArguments() {
        JsonNode listed = StatelessRequests.ask(server, "prompts/list", Map.of()).path("result").path("prompts");
        assertThat(listed.size()).isEqualTo(prompts.size()).isEqualTo(13);
        JsonNode knownIssues = null;
        for (JsonNode prompt : listed) {
            if (prompt.path("name").asString().equals("cisco-known-issues")) {
                knownIssues = prompt;
            }
        }
        assertThat(knownIssues).isNotNull();
        assertThat(knownIssues.path("arguments").toString()).contains("software_version");
    }

    @Test
    void aPromptsTextIsTheSameAsOn20251125() {
        Map<String, Object> arguments = Map.of("product", "C9300-24T", "software_version", "17.9.4");
        JsonNode modern = StatelessRequests.ask(server, "prompts/get", Map.of("name", "cisco-known-issues",
                "arguments", arguments)).path("result");
        CiscoPrompts.Gated legacy = prompts.stream().filter(p -> p.name().equals("cisco-known-issues")).findFirst()
                .orElseThrow();
        String legacyText = ((io.modelcontextprotocol.spec.McpSchema.TextContent) legacy.answer().apply(arguments)
                .messages().get(0).content()).text();
        assertThat(modern.path("messages").path(0).path("content").path("text").asString()).isEqualTo(legacyText)
                .contains("C9300-24T").contains("17.9.4");
    }

    @Test
    void aMissingArgumentIsAnInvalidParamsErrorNamingIt() {
        JsonNode answer = StatelessRequests.ask(server, "prompts/get", Map.of("name", "cisco-known-issues",
                "arguments", Map.of("product", "C9300-24T")));
        assertThat(answer.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(answer.path("error").path("message").asString()).contains("software_version");
    }

    @Test
    void theTacTicketPromptLeadsToAConfirmedCreateAndAPull() {
        JsonNode answer = StatelessRequests.ask(server, "prompts/get", Map.of("name", "cisco-open-tac-ticket",
                "arguments", Map.of("problem", "core-1 reloads every night", "ticket_id", "INC0041207")));
        assertThat(answer.path("result").path("messages").path(0).path("content").path("text").asString())
                .contains("\"core-1 reloads every night\"", "create_smart_bonding_ticket with CustCallID INC0041207",
                        "Severity 3 or 4", "The user confirms", "pull_smart_bonding_tickets");
        JsonNode missing = StatelessRequests.ask(server, "prompts/get", Map.of("name", "cisco-open-tac-ticket",
                "arguments", Map.of()));
        assertThat(missing.path("error").path("message").asString()).contains("problem");
        assertThat(CiscoPrompts.forApis(SupportApi.all(), ProductResolver.unavailable()))
                .as("without Smart Bonding there is no such prompt").noneMatch(p -> p.name().equals("cisco-open-tac-ticket"));
    }
}
