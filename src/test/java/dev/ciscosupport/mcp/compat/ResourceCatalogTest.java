package dev.ciscosupport.mcp.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import dev.ciscosupport.mcp.replay.InProcessServer;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every example of cisco://products/catalog, read on the sandbox, answers with data (the catalog is what users try first). */
class ResourceCatalogTest {
    @Test
    void everyCatalogExampleAnswersWithData() {
        try (SandboxServer sandbox = SandboxServer.startOnLoopback();
                InProcessServer server = new InProcessServer(sandbox.apiBaseUrl(), sandbox.tokenUrl(), SandboxServer.CLIENT_ID,
                        SandboxServer.CLIENT_SECRET)) {
            McpSchema.ReadResourceResult catalog = server.client().readResource(McpSchema.ReadResourceRequest.builder("cisco://products/catalog").build());
            JsonNode templates = Json.MAPPER.readTree(((McpSchema.TextResourceContents) catalog.contents().get(0)).text())
                    .path("templates");
            assertThat(templates.size()).isEqualTo(7);
            List<String> empty = new ArrayList<>();
            for (JsonNode template : templates) {
                String example = template.path("example").asString();
                assertThat(example).as("%s has an example", template.path("uri_template")).startsWith("cisco://");
                String text = ((McpSchema.TextResourceContents) server.client()
                        .readResource(McpSchema.ReadResourceRequest.builder(example).build()).contents().get(0)).text();
                JsonNode data = Json.MAPPER.readTree(text);
                if (!hasData(data)) {
                    empty.add(example + " -> " + text.substring(0, Math.min(300, text.length())));
                }
            }
            assertThat(empty).as("examples that found nothing on the sandbox").isEmpty();
        }
    }

    /** Some list in the answer (bugs, records, items, advisories, cases, products) holds something found. */
    private static boolean hasData(JsonNode data) {
        for (String list : List.of("bugs", "records", "items", "advisories", "cases", "products")) {
            for (JsonNode item : data.findValues(list)) {
                for (JsonNode entry : item) {
                    if (!entry.path("found").isBoolean() || entry.path("found").asBoolean()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
