package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.config.Toolset;
import java.util.List;
import java.util.Map;

/**
 * The tools of one Cisco API, and a cheap call that tells whether the Cisco app is entitled to it.
 *
 * @param probe    throws {@link dev.ciscosupport.mcp.cisco.call.CiscoException.NotEntitled} when it is not
 * @param toolsets the toolset of each tool (the Bug API's are in three)
 */
public record ApiTools(SupportApi api, List<ToolDefinition> tools, Runnable probe, Map<String, Toolset> toolsets) {
    public ApiTools {
        tools = List.copyOf(tools);
        toolsets = Map.copyOf(toolsets);
    }

    public List<String> names() {
        return tools.stream().map(t -> t.tool().name()).toList();
    }
}
