package dev.ciscosupport.mcp.server;

import dev.ciscosupport.mcp.cisco.serial.SerialApi;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.config.Toolset;
import dev.ciscosupport.mcp.prompts.CiscoPrompts;
import dev.ciscosupport.mcp.prompts.Completions;
import dev.ciscosupport.mcp.prompts.ProductResolver;
import dev.ciscosupport.mcp.resources.CiscoResources;
import dev.ciscosupport.mcp.session.SeenValues;
import dev.ciscosupport.mcp.session.ToolViews;
import dev.ciscosupport.mcp.tools.ApiTools;
import dev.ciscosupport.mcp.tools.ToolCatalog;
import dev.ciscosupport.mcp.tools.ToolContext;
import dev.ciscosupport.mcp.tools.ToolDefinition;
import dev.ciscosupport.mcp.tools.ToolsetTools;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the MCP server offers: tools, prompts, resources, resource templates and completions, whether
 * resource subscriptions are offered (only the conformance fixtures have a resource to watch), and which tools each
 * client sees listed ({@link ToolViews}).
 *
 * @param tools       this server's tools, for whichever protocol revision serves them
 * @param legacyTools tools written for the 2025-11-25 server alone (the conformance suite's fixtures for that revision)
 */
public record ServerFeatures(List<ToolDefinition> tools, List<SyncToolSpecification> legacyTools,
        List<SyncPromptSpecification> prompts, List<SyncResourceSpecification> resources,
        List<SyncResourceTemplateSpecification> templates, List<SyncCompletionSpecification> completions,
        boolean subscriptions, ToolViews views) {

    public ServerFeatures {
        tools = List.copyOf(tools);
        legacyTools = List.copyOf(legacyTools);
        prompts = List.copyOf(prompts);
        resources = List.copyOf(resources);
        templates = List.copyOf(templates);
        completions = List.copyOf(completions);
    }

    public ServerFeatures(List<ToolDefinition> tools, List<SyncPromptSpecification> prompts,
            List<SyncResourceSpecification> resources, List<SyncResourceTemplateSpecification> templates,
            List<SyncCompletionSpecification> completions, boolean subscriptions) {
        this(tools, List.of(), prompts, resources, templates, completions, subscriptions, ToolViews.fixed(Map.of()));
    }

    /** The tools the 2025-11-25 server offers: this server's, and those written for it alone. */
    public List<SyncToolSpecification> legacyServerTools() {
        List<SyncToolSpecification> all = new ArrayList<>(tools.stream().map(ToolDefinition::legacy).toList());
        all.addAll(legacyTools);
        return all;
    }

    /** The names of every tool offered. */
    public Set<String> toolNames() {
        Set<String> names = new HashSet<>(tools.stream().map(ToolDefinition::name).toList());
        legacyTools.forEach(t -> names.add(t.tool().name()));
        return names;
    }

    /**
     * What the enabled APIs offer: their tools, the prompts and resources built on those tools, and
     * completions for both; each prompt and resource is withdrawn with its API's tools.
     */
    public static ServerFeatures of(List<ApiTools> apis, Set<SupportApi> enabled, SerialApi serials, SeenValues seen,
            Entitlements entitlements) {
        return of(apis, enabled, serials, seen, entitlements, null, null);
    }

    /**
     * @param dynamic with {@code MCP_DYNAMIC_TOOLSETS}: the toolsets each session starts with (and the tools to enable
     *                more, built with {@code context}); null lists every offered tool
     */
    public static ServerFeatures of(List<ApiTools> apis, Set<SupportApi> enabled, SerialApi serials, SeenValues seen,
            Entitlements entitlements, Set<Toolset> dynamic, ToolContext context) {
        ProductResolver products = enabled.contains(SupportApi.SERIAL) ? ProductResolver.through(serials)
                : ProductResolver.unavailable();
        List<CiscoPrompts.Gated> prompts = CiscoPrompts.forApis(enabled, products);
        CiscoResources.Offered resources = CiscoResources.forApis(apis);
        prompts.forEach(p -> entitlements.gate(p.api(), server -> server.removePrompt(p.name()),
                server -> server.addPrompt(p.legacy())));
        resources.resources().stream().filter(r -> r.api() != null)
                .forEach(r -> entitlements.gate(r.api(), server -> server.removeResource(r.uri()),
                        server -> server.addResource(r.specification())));
        resources.templates().forEach(t -> entitlements.gate(t.api(), server -> server.removeResourceTemplate(t.uri()),
                server -> server.addResourceTemplate(t.specification())));
        List<String> promptNames = prompts.stream().map(CiscoPrompts.Gated::name).toList();
        List<String> templateUris = resources.templates().stream().map(CiscoResources.Gated::uri).toList();
        ToolViews views = dynamic == null ? ToolViews.fixed(ToolCatalog.toolsets(apis))
                : ToolViews.dynamic(ToolCatalog.toolsets(apis), dynamic);
        List<ToolDefinition> tools = new java.util.ArrayList<>(ToolCatalog.definitions(apis));
        if (views.isDynamic()) {
            tools.addAll(ToolsetTools.definitions(views, context));
        }
        return new ServerFeatures(tools, List.of(),
                prompts.stream().map(CiscoPrompts.Gated::legacy).toList(),
                resources.resources().stream().map(CiscoResources.Gated::specification).toList(),
                resources.templates().stream().map(CiscoResources.Gated::specification).toList(),
                Completions.forAll(promptNames, templateUris, seen), false, views);
    }

    /** Tools only (tests and benchmarks that need no more). */
    public static ServerFeatures toolsOnly(List<ToolDefinition> tools) {
        return new ServerFeatures(tools, List.of(), List.of(), List.of(), List.of(), false);
    }
}
