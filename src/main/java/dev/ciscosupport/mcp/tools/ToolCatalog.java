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
import dev.ciscosupport.mcp.config.FleetSettings;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.config.ToolSelection;
import dev.ciscosupport.mcp.config.Toolset;
import dev.ciscosupport.mcp.fleet.FleetCheck;
import dev.ciscosupport.mcp.fleet.FleetReports;
import dev.ciscosupport.mcp.fleet.FleetRun;
import dev.ciscosupport.mcp.smartbonding.SmartBonding;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The tools of the APIs that {@code SUPPORT_API} switches on, as many of them as {@code MCP_TOOLSETS} lists. */
public final class ToolCatalog {
    private ToolCatalog() {
    }

    /**
     * Reads what every tool table is made from and needs no setting: the tool schemas the build wrote (64 KB of JSON,
     * and the JSON reader's classes). A start calls it on a second thread while the first reads the settings.
     */
    public static void prepare() {
        RecordSchemas.load();
    }

    /** The tools of every enabled API, each with its entitlement probe, in a stable order. */
    public static List<ApiTools> forApis(Set<SupportApi> apis, CiscoGateway gateway, ToolContext context) {
        return forApis(new ToolSelection(apis, EnumSet.allOf(ToolSelection.BugTools.class)), gateway, context);
    }

    /** The tools {@code SUPPORT_API} selects, each API's with its entitlement probe, in a stable order. */
    public static List<ApiTools> forApis(ToolSelection selection, CiscoGateway gateway, ToolContext context) {
        return forApis(selection, gateway, context, FleetSettings.defaults());
    }

    /** The same, with check_fleet going as far on its own as {@code fleet} lets it. */
    public static List<ApiTools> forApis(ToolSelection selection, CiscoGateway gateway, ToolContext context,
            FleetSettings fleet) {
        return forApis(selection, gateway, context, fleet, Optional.empty());
    }

    /** The same, and the Smart Bonding tools when {@code SUPPORT_API} names smart_bonding (through {@code smartBonding}). */
    public static List<ApiTools> forApis(ToolSelection selection, CiscoGateway gateway, ToolContext context,
            FleetSettings fleet, Optional<SmartBonding> smartBonding) {
        Set<SupportApi> apis = selection.apis();
        List<ApiTools> all = new ArrayList<>();
        if (apis.contains(SupportApi.BUG)) {
            BugApi api = new BugApi(gateway);
            List<ToolDefinition> tools = new ArrayList<>();
            Map<String, Toolset> toolsets = new HashMap<>();
            if (selection.bugTools().contains(ToolSelection.BugTools.SEARCH)) {
                tools.addAll(listed(selection, Toolset.BUG, new BugTools(api, context).definitions(), toolsets));
            }
            // The analysis tools are bug tools that also use the other APIs when they are enabled.
            AnalysisTools analysis = new AnalysisTools(api,
                    apis.contains(SupportApi.PSIRT) ? Optional.of(new PsirtApi(gateway)) : Optional.empty(),
                    apis.contains(SupportApi.EOX) ? Optional.of(new EoxApi(gateway)) : Optional.empty(),
                    apis.contains(SupportApi.SOFTWARE) ? Optional.of(new SoftwareApi(gateway)) : Optional.empty(),
                    apis.contains(SupportApi.PRODUCT) ? Optional.of(new ProductInfoApi(gateway)) : Optional.empty(),
                    context);
            for (ToolSelection.BugTools group : List.of(ToolSelection.BugTools.ANALYSIS, ToolSelection.BugTools.SAMPLING)) {
                if (selection.bugTools().contains(group)) {
                    tools.addAll(listed(selection, group == ToolSelection.BugTools.ANALYSIS ? Toolset.ANALYSIS : Toolset.SAMPLING,
                            analysis.definitions(Set.of(group)), toolsets));
                }
            }
            all.add(new ApiTools(SupportApi.BUG, tools, api::probe, toolsets));
        }
        if (apis.contains(SupportApi.PSIRT)) {
            PsirtApi api = new PsirtApi(gateway);
            all.add(listed(selection, SupportApi.PSIRT, new PsirtTools(api, context, java.time.InstantSource.system())
                    .definitions(), api::probe));
        }
        if (apis.contains(SupportApi.PRODUCT)) {
            ProductInfoApi api = new ProductInfoApi(gateway);
            all.add(listed(selection, SupportApi.PRODUCT, new ProductTools(api, context).definitions(), api::probe));
        }
        if (apis.contains(SupportApi.SERIAL)) {
            SerialApi api = new SerialApi(gateway);
            all.add(listed(selection, SupportApi.SERIAL, new SerialTools(api, context).definitions(), api::probe));
        }
        if (apis.contains(SupportApi.CASE)) {
            CaseApi api = new CaseApi(gateway);
            all.add(listed(selection, SupportApi.CASE, new CaseTools(api, context).definitions(), api::probe));
        }
        if (apis.contains(SupportApi.RMA)) {
            ReturnApi api = new ReturnApi(gateway);
            all.add(listed(selection, SupportApi.RMA, new ReturnTools(api, context).definitions(), api::probe));
        }
        if (apis.contains(SupportApi.SOFTWARE)) {
            SoftwareApi api = new SoftwareApi(gateway);
            all.add(listed(selection, SupportApi.SOFTWARE, new SoftwareTools(api, context).definitions(), api::probe));
        }
        if (apis.contains(SupportApi.EOX)) {
            EoxApi api = new EoxApi(gateway);
            Map<String, Toolset> toolsets = new HashMap<>();
            List<ToolDefinition> tools = new ArrayList<>(listed(selection, Toolset.EOX, new EoxTools(api, context)
                    .definitions(), toolsets));
            // check_fleet is the EoX API's (every fleet check asks it); it asks the other APIs that are enabled.
            FleetReports reports = new FleetReports(fleet.reportsKept());
            FleetRun run = new FleetRun(apis.contains(SupportApi.SERIAL) ? Optional.of(new SerialApi(gateway)) : Optional.empty(),
                    Optional.of(api), apis.contains(SupportApi.PSIRT) ? Optional.of(new PsirtApi(gateway)) : Optional.empty(),
                    apis.contains(SupportApi.SOFTWARE) ? Optional.of(new SoftwareApi(gateway)) : Optional.empty(),
                    context.clock());
            List<ToolDefinition> fleetTools = listed(selection, Toolset.FLEET, List.of(new FleetTools(
                    new FleetCheck(run, reports, apis, gateway::quota), fleet, context, InstantSource.system()).definition()),
                    toolsets);
            tools.addAll(fleetTools);
            all.add(new ApiTools(SupportApi.EOX, tools, api::probe, toolsets, fleetTools.isEmpty() ? null : reports));
        }
        if (apis.contains(SupportApi.SMART_BONDING) && smartBonding.isPresent()) {
            // No probe: asking Smart Bonding anything at start would consume a pulled message or cost a token for nothing.
            all.add(listed(selection, SupportApi.SMART_BONDING, new SmartBondingTools(smartBonding.get(), context)
                    .definitions(), () -> { }));
        }
        return all;
    }

    private static ApiTools listed(ToolSelection selection, SupportApi api, List<ToolDefinition> tools, Runnable probe) {
        Map<String, Toolset> toolsets = new HashMap<>();
        return new ApiTools(api, listed(selection, Toolset.of(api), tools, toolsets), probe, toolsets);
    }

    /** The tools of a toolset that {@code MCP_TOOLSETS} lists (all of them, or only the core lookups), noted in {@code toolsets}. */
    private static List<ToolDefinition> listed(ToolSelection selection, Toolset toolset, List<ToolDefinition> tools,
            Map<String, Toolset> toolsets) {
        List<ToolDefinition> out = tools.stream().filter(t -> selection.lists(toolset, t.tool().name())).toList();
        out.forEach(t -> toolsets.put(t.tool().name(), toolset));
        return out;
    }

    /** The toolset of every tool of {@code apis}. */
    public static Map<String, Toolset> toolsets(List<ApiTools> apis) {
        Map<String, Toolset> out = new HashMap<>();
        apis.forEach(a -> out.putAll(a.toolsets()));
        return out;
    }

    /** Every tool of {@code apis}, flattened. */
    public static List<ToolDefinition> definitions(List<ApiTools> apis) {
        return apis.stream().flatMap(a -> a.tools().stream()).toList();
    }
}
