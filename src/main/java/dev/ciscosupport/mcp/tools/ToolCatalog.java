package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.CiscoGateway;
import dev.ciscosupport.mcp.cisco.bug.BugApi;
import dev.ciscosupport.mcp.cisco.eox.EoxApi;
import dev.ciscosupport.mcp.cisco.product.ProductInfoApi;
import dev.ciscosupport.mcp.cisco.psirt.PsirtApi;
import dev.ciscosupport.mcp.cisco.serial.SerialApi;
import dev.ciscosupport.mcp.config.SupportApi;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The tools of the APIs that {@code SUPPORT_API} switches on. */
public final class ToolCatalog {
    private static final Set<SupportApi> IMPLEMENTED = java.util.EnumSet.of(SupportApi.BUG, SupportApi.EOX, SupportApi.PSIRT,
            SupportApi.SERIAL, SupportApi.PRODUCT);

    private ToolCatalog() {
    }

    public static List<SyncToolSpecification> forApis(Set<SupportApi> apis, CiscoGateway gateway, ToolContext context) {
        List<SyncToolSpecification> tools = new ArrayList<>();
        if (apis.contains(SupportApi.BUG)) {
            tools.addAll(new BugTools(new BugApi(gateway), context).specifications());
        }
        if (apis.contains(SupportApi.PSIRT)) {
            tools.addAll(new PsirtTools(new PsirtApi(gateway), context, java.time.InstantSource.system()).specifications());
        }
        if (apis.contains(SupportApi.PRODUCT)) {
            tools.addAll(new ProductTools(new ProductInfoApi(gateway), context).specifications());
        }
        if (apis.contains(SupportApi.SERIAL)) {
            tools.addAll(new SerialTools(new SerialApi(gateway), context).specifications());
        }
        if (apis.contains(SupportApi.EOX)) {
            tools.addAll(new EoxTools(new EoxApi(gateway), context).specifications());
        }
        return tools;
    }

    /** APIs that can be named in {@code SUPPORT_API} but have no tools in this build yet. */
    public static List<SupportApi> notYetAvailable(Set<SupportApi> apis) {
        return apis.stream().filter(api -> !IMPLEMENTED.contains(api)).sorted().toList();
    }
}
