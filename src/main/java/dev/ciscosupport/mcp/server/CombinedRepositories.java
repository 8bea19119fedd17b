package dev.ciscosupport.mcp.server;

import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.feature.McpSyncPrompt;
import io.modelcontextprotocol.modern.server.feature.McpSyncPromptRepository;
import io.modelcontextprotocol.modern.server.feature.McpSyncResource;
import io.modelcontextprotocol.modern.server.feature.McpSyncResourceRepository;
import io.modelcontextprotocol.modern.server.feature.McpSyncResourceTemplate;
import io.modelcontextprotocol.modern.server.feature.McpAsyncTool;
import io.modelcontextprotocol.modern.server.feature.McpAsyncToolRepository;
import io.modelcontextprotocol.modern.server.feature.PromptsPage;
import io.modelcontextprotocol.modern.server.feature.ResourceTemplatesPage;
import io.modelcontextprotocol.modern.server.feature.ResourcesPage;
import io.modelcontextprotocol.modern.server.feature.ToolsPage;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The 2026-07-28 server's catalogs when something besides this server's own is offered (the conformance fixtures):
 * the server's entries first, then the others; a name or URI is looked up in the same order. Lists are one page, as
 * each part's are; the cache hints are the stricter of the two (the shorter time, private over public).
 */
final class CombinedRepositories {
    private CombinedRepositories() {
    }

    static McpAsyncToolRepository tools(McpAsyncToolRepository own, McpAsyncToolRepository extra) {
        return extra == null ? own : new McpAsyncToolRepository() {
            @Override
            public Mono<ToolsPage> list(McpRequestContext request, String cursor) {
                return Mono.zip(own.list(request, cursor), extra.list(request, cursor), (first, second) -> new ToolsPage(
                        both(first.tools(), second.tools()), null, shorter(first.ttlMs(), second.ttlMs()),
                        stricter(first.cacheScope(), second.cacheScope())));
            }

            @Override
            public Mono<McpAsyncTool> find(McpRequestContext request, String name) {
                return own.find(request, name).switchIfEmpty(Mono.defer(() -> extra.find(request, name)));
            }
        };
    }

    static McpSyncPromptRepository prompts(McpSyncPromptRepository own, McpSyncPromptRepository extra) {
        return extra == null ? own : new McpSyncPromptRepository() {
            @Override
            public PromptsPage list(McpRequestContext request, String cursor) {
                PromptsPage first = own.list(request, cursor);
                PromptsPage second = extra.list(request, cursor);
                return new PromptsPage(both(first.prompts(), second.prompts()), null, shorter(first.ttlMs(), second.ttlMs()),
                        stricter(first.cacheScope(), second.cacheScope()));
            }

            @Override
            public McpSyncPrompt find(McpRequestContext request, String name) {
                McpSyncPrompt found = own.find(request, name);
                return found != null ? found : extra.find(request, name);
            }

            @Override
            public boolean supportsCompletion() {
                return own.supportsCompletion() || extra.supportsCompletion();
            }
        };
    }

    static McpSyncResourceRepository resources(McpSyncResourceRepository own, McpSyncResourceRepository extra) {
        return extra == null ? own : new McpSyncResourceRepository() {
            @Override
            public ResourcesPage list(McpRequestContext request, String cursor) {
                ResourcesPage first = own.list(request, cursor);
                ResourcesPage second = extra.list(request, cursor);
                return new ResourcesPage(both(first.resources(), second.resources()), null,
                        shorter(first.ttlMs(), second.ttlMs()), stricter(first.cacheScope(), second.cacheScope()));
            }

            @Override
            public ResourceTemplatesPage listTemplates(McpRequestContext request, String cursor) {
                ResourceTemplatesPage first = own.listTemplates(request, cursor);
                ResourceTemplatesPage second = extra.listTemplates(request, cursor);
                return new ResourceTemplatesPage(both(first.resourceTemplates(), second.resourceTemplates()), null,
                        shorter(first.ttlMs(), second.ttlMs()), stricter(first.cacheScope(), second.cacheScope()));
            }

            @Override
            public McpSyncResource find(McpRequestContext request, String uri) {
                McpSyncResource found = own.find(request, uri);
                return found != null ? found : extra.find(request, uri);
            }

            @Override
            public McpSyncResourceTemplate findTemplate(McpRequestContext request, String uriTemplate) {
                McpSyncResourceTemplate found = own.findTemplate(request, uriTemplate);
                return found != null ? found : extra.findTemplate(request, uriTemplate);
            }

            @Override
            public boolean supportsSubscribe() {
                return own.supportsSubscribe() || extra.supportsSubscribe();
            }

            @Override
            public boolean supportsCompletion() {
                return own.supportsCompletion() || extra.supportsCompletion();
            }
        };
    }

    private static <T> List<T> both(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static Long shorter(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
    }

    private static McpSchema.CacheScope stricter(McpSchema.CacheScope a, McpSchema.CacheScope b) {
        return a == McpSchema.CacheScope.PRIVATE || b == McpSchema.CacheScope.PRIVATE || a == null || b == null
                ? McpSchema.CacheScope.PRIVATE : McpSchema.CacheScope.PUBLIC;
    }
}
