package dev.ciscosupport.mcp.prompts;

import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.tools.ModernErrors;
import dev.ciscosupport.mcp.tools.ModernTools;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.McpSyncResponse;
import io.modelcontextprotocol.modern.server.feature.McpSyncCompletionHandler;
import io.modelcontextprotocol.modern.server.feature.McpSyncPrompt;
import io.modelcontextprotocol.modern.server.feature.McpSyncPromptRepository;
import io.modelcontextprotocol.modern.server.feature.PromptsPage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The prompts for the 2026-07-28 (stateless) server: the same definitions and texts as for 2025-11-25, crossing
 * between the two SDK schemas as JSON; a missing or wrong argument is the same JSON-RPC error. A prompt of an API
 * withdrawn now is neither listed nor found. The list is the same for every caller: public, cacheable for a while.
 */
public final class ModernPrompts implements McpSyncPromptRepository {
    private final Map<String, CiscoPrompts.Gated> byName = new LinkedHashMap<>();
    private final Map<String, McpSchema.Prompt> listed = new LinkedHashMap<>();
    private final Supplier<Set<SupportApi>> withdrawn;
    private final McpSyncCompletionHandler completions;
    private final McpJsonMapper mapper;

    /**
     * @param withdrawn   the APIs withdrawn now (not entitled)
     * @param completions completes prompt arguments
     */
    public ModernPrompts(List<CiscoPrompts.Gated> prompts, Supplier<Set<SupportApi>> withdrawn,
            McpSyncCompletionHandler completions, McpJsonMapper mapper) {
        this.withdrawn = withdrawn;
        this.completions = completions;
        this.mapper = mapper;
        for (CiscoPrompts.Gated prompt : prompts) {
            byName.put(prompt.name(), prompt);
            listed.put(prompt.name(), mapper.convertValue(prompt.prompt(), McpSchema.Prompt.class));
        }
    }

    @Override
    public PromptsPage list(McpRequestContext request, String cursor) {
        Set<SupportApi> out = withdrawn.get();
        return new PromptsPage(byName.values().stream().filter(p -> !out.contains(p.api())).map(p -> listed.get(p.name()))
                .toList(), null, ModernTools.LIST_TTL_MS, McpSchema.CacheScope.PUBLIC);
    }

    @Override
    public boolean supportsCompletion() {
        return true;
    }

    @Override
    public McpSyncPrompt find(McpRequestContext request, String name) {
        CiscoPrompts.Gated prompt = byName.get(name);
        return prompt == null || withdrawn.get().contains(prompt.api()) ? null : McpSyncPrompt.of(listed.get(name), (context, get) -> {
            Map<String, Object> arguments = get.arguments() == null ? Map.of() : new LinkedHashMap<>(get.arguments());
            return McpSyncResponse.result(ModernErrors.translated(() -> mapper.convertValue(
                    prompt.answer().apply(arguments), McpSchema.GetPromptResult.class)));
        }).withCompletionHandler(completions);
    }
}
