package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.CiscoGateway;
import dev.ciscosupport.mcp.cisco.bug.BugApi;
import dev.ciscosupport.mcp.cisco.casev3.CaseApi;
import dev.ciscosupport.mcp.cisco.eox.EoxApi;
import dev.ciscosupport.mcp.cisco.product.ProductInfoApi;
import dev.ciscosupport.mcp.cisco.psirt.PsirtApi;
import dev.ciscosupport.mcp.cisco.rma.ReturnApi;
import dev.ciscosupport.mcp.cisco.serial.SerialApi;
import dev.ciscosupport.mcp.cisco.software.SoftwareApi;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.config.ToolSelection;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The tools of the APIs that {@code SUPPORT_API} switches on. */
public final class ToolCatalog {
    private ToolCatalog() {
    }

    /** The tools of every enabled API, each with its entitlement probe, in a stable order. */
    public static List<ApiTools> forApis(Set<SupportApi> apis, CiscoGateway gateway, ToolContext context) {
        return forApis(new ToolSelection(apis, EnumSet.allOf(ToolSelection.BugTools.class), List.of()), gateway, context);
    }

    /** The tools {@code SUPPORT_API} selects, each API's with its entitlement probe, in a stable order. */
    public static List<ApiTools> forApis(ToolSelection selection, CiscoGateway gateway, ToolContext context) {
        Set<SupportApi> apis = selection.apis();
        List<ApiTools> all = new ArrayList<>();
        if (apis.contains(SupportApi.BUG)) {
            BugApi api = new BugApi(gateway);
            List<SyncToolSpecification> tools = new ArrayList<>();
            if (selection.bugTools().contains(ToolSelection.BugTools.SEARCH)) {
                tools.addAll(new BugTools(api, context).specifications());
            }
            // The analysis tools are bug tools that also use the other APIs when they are enabled.
            tools.addAll(new AnalysisTools(api,
                    apis.contains(SupportApi.PSIRT) ? Optional.of(new PsirtApi(gateway)) : Optional.empty(),
                    apis.contains(SupportApi.EOX) ? Optional.of(new EoxApi(gateway)) : Optional.empty(),
                    apis.contains(SupportApi.SOFTWARE) ? Optional.of(new SoftwareApi(gateway)) : Optional.empty(),
                    apis.contains(SupportApi.PRODUCT) ? Optional.of(new ProductInfoApi(gateway)) : Optional.empty(),
                    context).specifications(selection.bugTools()));
            all.add(new ApiTools(SupportApi.BUG, tools, api::probe));
        }
        if (apis.contains(SupportApi.PSIRT)) {
            PsirtApi api = new PsirtApi(gateway);
            all.add(new ApiTools(SupportApi.PSIRT, new PsirtTools(api, context, java.time.InstantSource.system())
                    .specifications(), api::probe));
        }
        if (apis.contains(SupportApi.PRODUCT)) {
            ProductInfoApi api = new ProductInfoApi(gateway);
            all.add(new ApiTools(SupportApi.PRODUCT, new ProductTools(api, context).specifications(), api::probe));
        }
        if (apis.contains(SupportApi.SERIAL)) {
            SerialApi api = new SerialApi(gateway);
            all.add(new ApiTools(SupportApi.SERIAL, new SerialTools(api, context).specifications(), api::probe));
        }
        if (apis.contains(SupportApi.CASE)) {
            CaseApi api = new CaseApi(gateway);
            all.add(new ApiTools(SupportApi.CASE, new CaseTools(api, context).specifications(), api::probe));
        }
        if (apis.contains(SupportApi.RMA)) {
            ReturnApi api = new ReturnApi(gateway);
            all.add(new ApiTools(SupportApi.RMA, new ReturnTools(api, context).specifications(), api::probe));
        }
        if (apis.contains(SupportApi.SOFTWARE)) {
            SoftwareApi api = new SoftwareApi(gateway);
            all.add(new ApiTools(SupportApi.SOFTWARE, new SoftwareTools(api, context).specifications(), api::probe));
        }
        if (apis.contains(SupportApi.EOX)) {
            EoxApi api = new EoxApi(gateway);
            all.add(new ApiTools(SupportApi.EOX, new EoxTools(api, context).specifications(), api::probe));
        }
        return all;
    }

    /** Every tool of {@code apis}, flattened. */
    public static List<SyncToolSpecification> specifications(List<ApiTools> apis) {
        return apis.stream().flatMap(a -> a.tools().stream()).toList();
    }
}
