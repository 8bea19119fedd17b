package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.config.SupportApi;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.List;

/**
 * The tools of one Cisco API, and a cheap call that tells whether the Cisco app is entitled to it.
 *
 * @param probe throws {@link dev.ciscosupport.mcp.cisco.CiscoException.NotEntitled} when it is not
 */
public record ApiTools(SupportApi api, List<SyncToolSpecification> tools, Runnable probe) {
    public ApiTools {
        tools = List.copyOf(tools);
    }

    public List<String> names() {
        return tools.stream().map(t -> t.tool().name()).toList();
    }
}
