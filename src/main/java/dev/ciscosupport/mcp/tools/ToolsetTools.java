package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.config.Toolset;
import dev.ciscosupport.mcp.session.ToolViews;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import static dev.ciscosupport.mcp.tools.Schemas.arrayOf;
import static dev.ciscosupport.mcp.tools.Schemas.enumOf;
import static dev.ciscosupport.mcp.tools.Schemas.object;
import static dev.ciscosupport.mcp.tools.Schemas.strictObject;
import static dev.ciscosupport.mcp.tools.Schemas.type;

/**
 * Dynamic toolsets: the two tools a model uses to see the toolsets it has not been shown and to enable one for its
 * session. They make no Cisco call.
 */
public final class ToolsetTools {
    private ToolsetTools() {
    }

    public static List<ToolDefinition> definitions(ToolViews views, ToolContext context) {
        List<String> offered = offered(views).stream().map(Toolset::settingName).toList();
        Map<String, Object> listOutput = object(Schemas.properties(Schemas.source(),
                Map.entry("toolsets", arrayOf(type("object")))), List.of("source", "toolsets"));
        Map<String, Object> enableOutput = object(Schemas.properties(Schemas.source(),
                Map.entry("toolset", type("string")), Map.entry("tools", arrayOf(type("string")))),
                List.of("source", "toolset", "tools"));
        return List.of(
                ToolHandlers.readOnlyWithClient("list_toolsets", "List Toolsets",
                        "The groups of tools this server has, which are enabled for you, and what each covers. No Cisco call.",
                        strictObject(Map.of(), List.of()), listOutput, context,
                        ToolDefinition.Needs.SESSION, client -> args -> list(views, ToolViews.session(client.transport()))),
                ToolHandlers.readOnlyWithClient("enable_toolset", "Enable Toolset",
                        "Adds a toolset's tools to your tool list (see list_toolsets). No Cisco call.",
                        strictObject(Map.of("toolset", enumOf(null, offered)), List.of("toolset")), enableOutput, context,
                        ToolDefinition.Needs.SESSION, client -> args -> enable(views, ToolViews.session(client.transport()),
                                args.required("toolset"))));
    }

    private static ToolOutput list(ToolViews views, String session) {
        Set<Toolset> enabled = views.enabled(session);
        StringBuilder text = new StringBuilder("Toolsets (enable one with enable_toolset):");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Toolset toolset : offered(views)) {
            List<String> tools = toolsOf(views, toolset);
            boolean on = enabled.contains(toolset);
            text.append("\n- ").append(toolset.settingName()).append(" (").append(tools.size()).append(" tools")
                    .append(on ? ", enabled" : "").append("): ").append(toolset.summary());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", toolset.settingName());
            row.put("summary", toolset.summary());
            row.put("tools", tools.size());
            row.put("enabled", on);
            rows.add(row);
        }
        return new ToolOutput(text.toString(), Map.of("toolsets", rows));
    }

    private static ToolOutput enable(ToolViews views, String session, String name) {
        Toolset toolset = offered(views).stream().filter(t -> t.settingName().equals(name)).findFirst()
                .orElseThrow(() -> new CiscoException.InvalidInput("toolset must be one of "
                        + String.join(", ", offered(views).stream().map(Toolset::settingName).toList()) + "."));
        List<String> tools = toolsOf(views, toolset);
        boolean added = views.enable(session, toolset);
        String text = (added ? "Enabled " : "Already enabled: ") + toolset.settingName() + ", " + tools.size() + " tools: "
                + String.join(", ", tools) + (added ? ". Your client was told that the tool list changed." : ".");
        return new ToolOutput(text, Map.of("toolset", toolset.settingName(), "tools", tools));
    }

    /** The toolsets with at least one offered tool, core first: core is every offered core lookup. */
    private static List<Toolset> offered(ToolViews views) {
        return Arrays.stream(Toolset.values()).filter(t -> !toolsOf(views, t).isEmpty()).toList();
    }

    private static List<String> toolsOf(ToolViews views, Toolset toolset) {
        return views.toolsets().entrySet().stream()
                .filter(e -> Toolset.lists(Set.of(toolset), e.getValue(), e.getKey()))
                .map(Map.Entry::getKey).sorted().toList();
    }
}
