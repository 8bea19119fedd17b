package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.config.Toolset;
import dev.ciscosupport.mcp.fleet.FleetReports;
import java.util.List;
import java.util.Map;

/**
 * The tools of one Cisco API, and a cheap call that tells whether the Cisco app is entitled to it.
 *
 * @param probe    throws {@link dev.ciscosupport.mcp.cisco.call.CiscoException.NotEntitled} when it is not
 * @param toolsets the toolset of each tool (the Bug API's are in three)
 * @param reports  where its tools keep reports that are read as resources (check_fleet's), or null
 */
public record ApiTools(SupportApi api, List<ToolDefinition> tools, Runnable probe, Map<String, Toolset> toolsets,
        FleetReports reports) {
    public ApiTools {
        tools = List.copyOf(tools);
        toolsets = Map.copyOf(toolsets);
    }

    public ApiTools(SupportApi api, List<ToolDefinition> tools, Runnable probe, Map<String, Toolset> toolsets) {
        this(api, tools, probe, toolsets, null);
    }

    public List<String> names() {
        return tools.stream().map(t -> t.tool().name()).toList();
    }
}
