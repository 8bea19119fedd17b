package dev.ciscosupport.mcp.resources;

import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.tools.ModernErrors;
import dev.ciscosupport.mcp.tools.ModernTools;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.McpSyncResponse;
import io.modelcontextprotocol.modern.server.feature.McpSyncCompletionHandler;
import io.modelcontextprotocol.modern.server.feature.McpSyncResource;
import io.modelcontextprotocol.modern.server.feature.McpSyncResourceRepository;
import io.modelcontextprotocol.modern.server.feature.McpSyncResourceTemplate;
import io.modelcontextprotocol.modern.server.feature.ResourceTemplatesPage;
import io.modelcontextprotocol.modern.server.feature.ResourcesPage;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The resources and templates for the 2026-07-28 (stateless) server: the same definitions and reads as for
 * 2025-11-25. A URI nobody offers is the SDK's {@code -32602} naming it; a resource of an API withdrawn now is not
 * listed and reads as unknown. Lists are the same for every caller (public, cacheable for a while; a withdrawal is
 * announced on subscription streams); reads are Cisco data and stay private.
 */
public final class ModernResources implements McpSyncResourceRepository {
    private final CiscoResources.Offered offered;
    private final Supplier<Set<SupportApi>> withdrawn;
    private final McpSyncCompletionHandler completions;
    private final McpJsonMapper mapper;

    /**
     * @param withdrawn   the APIs withdrawn now (not entitled)
     * @param completions completes template variables
     */
    public ModernResources(CiscoResources.Offered offered, Supplier<Set<SupportApi>> withdrawn,
            McpSyncCompletionHandler completions, McpJsonMapper mapper) {
        this.offered = offered;
        this.withdrawn = withdrawn;
        this.completions = completions;
        this.mapper = mapper;
    }

    @Override
    public ResourcesPage list(McpRequestContext request, String cursor) {
        Set<SupportApi> out = withdrawn.get();
        return new ResourcesPage(offered.resources().stream().filter(r -> r.api() == null || !out.contains(r.api()))
                .map(r -> mapper.convertValue(r.definition(), McpSchema.Resource.class)).toList(), null, ModernTools.LIST_TTL_MS,
                McpSchema.CacheScope.PUBLIC);
    }

    @Override
    public ResourceTemplatesPage listTemplates(McpRequestContext request, String cursor) {
        Set<SupportApi> out = withdrawn.get();
        return new ResourceTemplatesPage(available(out).stream()
                .map(t -> mapper.convertValue(t.definition(), McpSchema.ResourceTemplate.class)).toList(), null,
                ModernTools.LIST_TTL_MS, McpSchema.CacheScope.PUBLIC);
    }

    @Override
    public McpSyncResource find(McpRequestContext request, String uri) {
        Set<SupportApi> out = withdrawn.get();
        CiscoResources.Reading reading = offered.resources().stream()
                .filter(r -> r.uri().equals(uri) && (r.api() == null || !out.contains(r.api())))
                .map(CiscoResources.Readable::reading).findFirst()
                .or(() -> CiscoResources.templateFor(available(out), uri).map(CiscoResources.Readable::reading))
                .orElse(null);
        return reading == null ? null : McpSyncResource.of((context, read) -> McpSyncResponse.result(ModernErrors.translated(
                () -> mapper.convertValue(reading.read(read.uri(), null, context.transportContext()),
                        McpSchema.ReadResourceResult.class))));
    }

    @Override
    public McpSyncResourceTemplate findTemplate(McpRequestContext request, String uriTemplate) {
        return available(withdrawn.get()).stream().filter(t -> t.uri().equals(uriTemplate)).findFirst()
                .map(t -> McpSyncResourceTemplate.of(mapper.convertValue(t.definition(), McpSchema.ResourceTemplate.class))
                        .withCompletionHandler(completions))
                .orElse(null);
    }

    @Override
    public boolean supportsCompletion() {
        return true;
    }

    private List<CiscoResources.Readable<io.modelcontextprotocol.spec.McpSchema.ResourceTemplate>> available(
            Set<SupportApi> out) {
        return offered.templates().stream().filter(t -> !out.contains(t.api())).toList();
    }
}
