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
import io.modelcontextprotocol.modern.server.feature.McpAsyncToolRepository;
import io.modelcontextprotocol.modern.server.feature.McpChangeBroadcaster;
import io.modelcontextprotocol.modern.server.feature.McpSyncPromptRepository;
import io.modelcontextprotocol.modern.server.feature.McpSyncResourceRepository;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Everything the MCP server offers, defined once for both protocol revisions: tools, prompts, resources and resource
 * templates (each revision's server reaches them through a thin adapter of its own), the IDs answers contained (for
 * completions), and which tools each client sees listed ({@link ToolViews}).
 *
 * @param seen       IDs earlier answers contained, offered as completions
 * @param legacyOnly what only the 2025-11-25 server offers (the conformance suite's fixtures for that revision)
 * @param modernOnly what only the 2026-07-28 server offers (the same, for that revision)
 */
public record ServerFeatures(List<ToolDefinition> tools, List<CiscoPrompts.Gated> prompts, CiscoResources.Offered resources,
        SeenValues seen, ToolViews views, LegacyOnly legacyOnly, ModernOnly modernOnly) {

    /**
     * Primitives written for the 2026-07-28 server alone, served after this server's own (any may be null), and what
     * wants to announce list changes on its subscription streams.
     */
    public record ModernOnly(McpAsyncToolRepository tools, McpSyncPromptRepository prompts,
            McpSyncResourceRepository resources, Consumer<McpChangeBroadcaster> changes) {
        static final ModernOnly NONE = new ModernOnly(null, null, null, changes -> {
        });
    }

    /** Primitives written for the 2025-11-25 server alone, and whether it offers resource subscriptions. */
    public record LegacyOnly(List<SyncToolSpecification> tools, List<SyncPromptSpecification> prompts,
            List<SyncResourceSpecification> resources, List<SyncResourceTemplateSpecification> templates,
            List<SyncCompletionSpecification> completions, boolean subscriptions) {
        public LegacyOnly {
            tools = List.copyOf(tools);
            prompts = List.copyOf(prompts);
            resources = List.copyOf(resources);
            templates = List.copyOf(templates);
            completions = List.copyOf(completions);
        }

        static final LegacyOnly NONE = new LegacyOnly(List.of(), List.of(), List.of(), List.of(), List.of(), false);
    }

    public ServerFeatures {
        tools = List.copyOf(tools);
        prompts = List.copyOf(prompts);
    }

    /** The same features with {@code legacy} offered to the 2025-11-25 server only, {@code modern} to 2026-07-28 only. */
    public ServerFeatures withOnly(LegacyOnly legacy, ModernOnly modern) {
        return new ServerFeatures(tools, prompts, resources, seen, views, legacy, modern);
    }

    /** The tools the 2025-11-25 server offers. */
    public List<SyncToolSpecification> legacyServerTools() {
        List<SyncToolSpecification> all = new ArrayList<>(tools.stream().map(ToolDefinition::legacy).toList());
        all.addAll(legacyOnly.tools());
        return all;
    }

    public List<SyncPromptSpecification> legacyPrompts() {
        List<SyncPromptSpecification> all = new ArrayList<>(prompts.stream().map(CiscoPrompts.Gated::legacy).toList());
        all.addAll(legacyOnly.prompts());
        return all;
    }

    public List<SyncResourceSpecification> legacyResources() {
        List<SyncResourceSpecification> all = new ArrayList<>(resources.resources().stream().map(CiscoResources::legacy)
                .toList());
        all.addAll(legacyOnly.resources());
        return all;
    }

    public List<SyncResourceTemplateSpecification> legacyTemplates() {
        List<SyncResourceTemplateSpecification> all = new ArrayList<>(resources.templates().stream()
                .map(CiscoResources::legacyTemplate).toList());
        all.addAll(legacyOnly.templates());
        return all;
    }

    public List<SyncCompletionSpecification> legacyCompletions() {
        List<SyncCompletionSpecification> all = new ArrayList<>(Completions.forAll(
                prompts.stream().map(CiscoPrompts.Gated::name).toList(),
                resources.templates().stream().map(CiscoResources.Readable::uri).toList(), seen));
        all.addAll(legacyOnly.completions());
        return all;
    }

    /**
     * The Cisco API a request would use: a {@code tools/call} of one of its tools, a {@code resources/read} of one of its
     * resources, a {@code prompts/get} of one of its prompts; empty for everything else. What an OAuth caller's scopes
     * are checked against.
     */
    public Optional<SupportApi> apiUsedBy(JsonNode message) {
        JsonNode params = message.path("params");
        return switch (message.path("method").asString("")) {
            case "tools/call" -> Optional.ofNullable(views.toolsets().get(params.path("name").asString("")))
                    .map(Toolset::api);
            case "prompts/get" -> prompts.stream().filter(p -> p.name().equals(params.path("name").asString("")))
                    .map(CiscoPrompts.Gated::api).filter(java.util.Objects::nonNull).findFirst();
            case "resources/read" -> {
                String uri = params.path("uri").asString("");
                Optional<SupportApi> fixed = resources.resources().stream().filter(r -> r.uri().equals(uri))
                        .map(CiscoResources.Readable::api).filter(java.util.Objects::nonNull).findFirst();
                yield fixed.isPresent() ? fixed
                        : CiscoResources.templateFor(resources.templates(), uri).map(CiscoResources.Readable::api);
            }
            default -> Optional.empty();
        };
    }

    /** The names of every tool offered. */
    public Set<String> toolNames() {
        Set<String> names = new HashSet<>(tools.stream().map(ToolDefinition::name).toList());
        legacyOnly.tools().forEach(t -> names.add(t.tool().name()));
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
                        server -> server.addResource(CiscoResources.legacy(r))));
        resources.templates().forEach(t -> entitlements.gate(t.api(), server -> server.removeResourceTemplate(t.uri()),
                server -> server.addResourceTemplate(CiscoResources.legacyTemplate(t))));
        ToolViews views = dynamic == null ? ToolViews.fixed(ToolCatalog.toolsets(apis))
                : ToolViews.dynamic(ToolCatalog.toolsets(apis), dynamic);
        List<ToolDefinition> tools = new ArrayList<>(ToolCatalog.definitions(apis));
        if (views.isDynamic()) {
            tools.addAll(ToolsetTools.definitions(views, context));
        }
        return new ServerFeatures(tools, prompts, resources, seen, views, LegacyOnly.NONE, ModernOnly.NONE);
    }

    /** Tools only (tests and benchmarks that need no more). */
    public static ServerFeatures toolsOnly(List<ToolDefinition> tools) {
        return new ServerFeatures(tools, List.of(), new CiscoResources.Offered(List.of(), List.of()), new SeenValues(),
                ToolViews.fixed(Map.of()), LegacyOnly.NONE, ModernOnly.NONE);
    }
}
