package dev.ciscosupport.mcp.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole surface a client sees (every tool's name, title, description, annotations, input and output schema; the
 * prompts; the resources and templates; the server's instructions), every API and toolset on, against the snapshot
 * {@value #SNAPSHOT} in the repository: a change to what models and clients see shows in review as a diff of that
 * file, and the drop-in promise to the TypeScript server's users is checked against the same file
 * ({@link TypeScriptCompatibilityTest}).
 *
 * <p>After a deliberate change, write the new snapshot with {@code ./mvnw test -Dtest=SurfaceSnapshotTest
 * -Dsurface.update=true} and commit it with the change.
 */
class SurfaceSnapshotTest extends OnTheSandbox {
    static final String SNAPSHOT = "src/test/resources/surface.json";
    /** Keys sorted, so the snapshot does not depend on the iteration order of the maps the schemas are built from. */
    private static final JsonMapper CANONICAL = Json.MAPPER.rebuild()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void whatClientsSeeIsTheCommittedSnapshot() throws IOException {
        String actual = surface();
        Path snapshot = Path.of(SNAPSHOT);
        if (Boolean.getBoolean("surface.update")) {
            Files.writeString(snapshot, actual);
        }
        Path written = Path.of("target", "surface-actual.json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, actual);
        assertThat(actual)
                .as("the tool surface differs from %s (the server's is in %s: diff them; after a deliberate change run"
                        + " the test with -Dsurface.update=true and commit the file)", SNAPSHOT, written)
                .isEqualTo(Files.readString(snapshot));
    }

    /**
     * The README names every tool a user can get, and its tables' "tool" or "tools" columns name no tool that is not
     * there. A cell may shorten a sibling as "`search_x_affected` / `_fixed`".
     */
    @Test
    void theReadmeNamesExactlyTheToolsOfTheSnapshot() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> tools = snapshotToolNames();
        assertThat(tools).hasSizeGreaterThanOrEqualTo(54);
        for (String tool : tools) {
            assertThat(readme).as("the README names %s", tool).contains("`" + tool + "`");
        }
        java.util.Set<String> named = toolColumns(readme);
        assertThat(named).as("names in the README's tool columns").hasSizeGreaterThanOrEqualTo(50);
        assertThat(tools).as("the tools the README's tables name").containsAll(named);
    }

    /** The names in backticks in every table column headed "tool" or "tools". */
    private static java.util.Set<String> toolColumns(String readme) {
        java.util.Set<String> named = new java.util.TreeSet<>();
        java.util.regex.Pattern name = java.util.regex.Pattern.compile("`([a-z]+(?:_[a-z0-9]+)+)`(?: / `(_[a-z]+)`)?");
        int column = -1;
        for (String line : readme.lines().toList()) {
            if (!line.startsWith("|")) {
                column = -1;
                continue;
            }
            List<String> cells = List.of(line.substring(1).split("\\|", -1)).stream().map(String::strip).toList();
            if (column < 0) {
                column = Math.max(cells.indexOf("tool"), cells.indexOf("tools"));
                column = column < 0 ? Integer.MAX_VALUE : column; // a table without such a column
                continue;
            }
            if (column >= cells.size()) {
                continue;
            }
            java.util.regex.Matcher m = name.matcher(cells.get(column));
            while (m.find()) {
                named.add(m.group(1));
                if (m.group(2) != null) {
                    named.add(m.group(1).substring(0, m.group(1).lastIndexOf('_')) + m.group(2));
                }
            }
        }
        return named;
    }

    private String surface() {
        var client = server.client();
        Map<String, Object> surface = new LinkedHashMap<>();
        surface.put("instructions", client.getServerInstructions());
        surface.put("tools", client.listTools().tools().stream().sorted(Comparator.comparing(McpSchema.Tool::name)).toList());
        surface.put("prompts", client.listPrompts().prompts().stream()
                .sorted(Comparator.comparing(McpSchema.Prompt::name)).toList());
        surface.put("resources", client.listResources().resources().stream()
                .sorted(Comparator.comparing(McpSchema.Resource::uri)).toList());
        surface.put("resourceTemplates", client.listResourceTemplates().resourceTemplates().stream()
                .sorted(Comparator.comparing(McpSchema.ResourceTemplate::uriTemplate)).toList());
        // Through a tree of maps, so that every object's keys are sorted, the SDK's records' fields too.
        Object tree = Json.MAPPER.convertValue(surface, Object.class);
        return CANONICAL.writeValueAsString(tree) + "\n";
    }

    /** The tools of the committed snapshot, by name, as a client reads them. */
    static Map<String, McpSchema.Tool> snapshotTools() throws IOException {
        var tree = Json.MAPPER.readTree(Files.readString(Path.of(SNAPSHOT)));
        Map<String, McpSchema.Tool> tools = new LinkedHashMap<>();
        for (var node : tree.path("tools")) {
            McpSchema.Tool tool = Json.MAPPER.treeToValue(node, McpSchema.Tool.class);
            tools.put(tool.name(), tool);
        }
        return tools;
    }

    static List<String> snapshotToolNames() throws IOException {
        return List.copyOf(snapshotTools().keySet());
    }
}
