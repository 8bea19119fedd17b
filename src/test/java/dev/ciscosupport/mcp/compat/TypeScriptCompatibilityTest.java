package dev.ciscosupport.mcp.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * A drop-in for the TypeScript server's users: every tool and argument it took is here (or the README's table
 * says why not), and every example its documentation gives ({@code tool-examples.md}, transcribed in
 * {@code typescript/tool-examples.jsonl}) runs against the sandbox without a refusal that the table does not
 * explain. An example marked {@code refused} names the argument whose README row explains the refusal.
 */
class TypeScriptCompatibilityTest extends OnTheSandbox {
    /** Ours as the committed surface snapshot has them (which {@link SurfaceSnapshotTest} holds to the server). */
    private Map<String, McpSchema.Tool> ours;
    private String readme;

    @BeforeAll
    void readTheirs() throws IOException {
        ours = SurfaceSnapshotTest.snapshotTools();
        String all = Files.readString(Path.of("README.md"));
        int from = all.indexOf("### Moving from the TypeScript server");
        assertThat(from).as("the README's compatibility section").isNotNegative();
        readme = all.substring(from, all.indexOf("\n## ", from));
    }

    /** The compatibility table's row of a TypeScript tool: the line that names it in its first cell. */
    private Optional<String> row(String tool) {
        return readme.lines().filter(l -> l.startsWith("| ")).filter(l -> {
            String firstCell = l.substring(2, Math.max(2, l.indexOf(" |", 2)));
            return firstCell.contains("`" + tool + "`");
        }).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(McpSchema.Tool tool) {
        return (Map<String, Object>) tool.inputSchema().get("properties");
    }

    @Test
    void everyTypeScriptToolAndArgumentIsHereOrTheTableSaysWhy() {
        JsonNode typescript = Json.MAPPER.readTree(getClass().getResourceAsStream("/typescript/tools.json"));
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : typescript.properties()) {
            if (e.getKey().startsWith("_")) {
                continue;
            }
            String tool = e.getKey();
            Optional<String> row = row(tool);
            assertThat(row).as("a README row for %s", tool).isPresent();
            McpSchema.Tool here = ours.get(tool);
            if (here == null) {
                assertThat(row.get()).as("%s is missing: its row says so", tool).contains("not offered");
                continue;
            }
            for (JsonNode arg : e.getValue()) {
                boolean taken = properties(here).containsKey(arg.asString());
                assertThat(taken || row.get().contains("`" + arg.asString() + "`"))
                        .as("%s's argument %s is taken, or its row says why not", tool, arg.asString()).isTrue();
            }
            checked.add(tool);
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(50);
    }

    Stream<JsonNode> examples() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/typescript/tool-examples.jsonl"), StandardCharsets.UTF_8))) {
            in.lines().filter(l -> !l.isBlank()).forEach(l -> all.add(Json.MAPPER.readTree(l)));
        }
        assertThat(all).hasSize(117);
        return all.stream();
    }

    /**
     * A refusal is an error answered before anything reached Cisco (the sandbox counted no request); Cisco's own
     * "not found" for the examples' made-up IDs is an answer, not a refusal.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @SuppressWarnings("unchecked")
    void theTypeScriptServersDocumentedExamplesRun(JsonNode example) {
        String tool = example.path("tool").asString();
        Map<String, Object> arguments = Json.MAPPER.convertValue(example.path("arguments"), Map.class);
        int before = sandbox.requests().apiRequests();
        McpSchema.CallToolResult result = server.call(tool, arguments);
        String text = ((McpSchema.TextContent) result.content().get(0)).text();
        boolean refused = Boolean.TRUE.equals(result.isError()) && sandbox.requests().apiRequests() == before;
        String because = example.path("refused").asString("");
        if (because.isEmpty()) {
            assertThat(refused).as("%s %s was refused: %s", tool, arguments, text).isFalse();
        } else {
            assertThat(refused).as("%s %s is marked refused because of %s, but answered: %s", tool, arguments, because, text)
                    .isTrue();
            assertThat(text).as("the refusal names the argument").contains(because);
            assertThat(row(tool)).as("a README row for %s", tool).isPresent();
            assertThat(row(tool).get()).as("%s's README row explains %s", tool, because).contains("`" + because + "`");
        }
    }
}
