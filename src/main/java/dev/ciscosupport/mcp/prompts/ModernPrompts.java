package dev.ciscosupport.mcp.prompts;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.McpSyncResponse;
import io.modelcontextprotocol.modern.server.feature.McpSyncPrompt;
import io.modelcontextprotocol.modern.server.feature.McpSyncPromptRepository;
import io.modelcontextprotocol.modern.server.feature.PromptsPage;
import io.modelcontextprotocol.spec.McpError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prompts for the 2026-07-28 (stateless) server: the same definitions and texts as for 2025-11-25, crossing
 * between the two SDK schemas as JSON; a missing or wrong argument is the same JSON-RPC error. Completions of prompt
 * arguments are not here yet: they draw on what each session saw, and this revision has no sessions.
 */
public final class ModernPrompts implements McpSyncPromptRepository {
    private final Map<String, CiscoPrompts.Gated> byName = new LinkedHashMap<>();
    private final Map<String, McpSchema.Prompt> listed = new LinkedHashMap<>();
    private final McpJsonMapper mapper;

    public ModernPrompts(List<CiscoPrompts.Gated> prompts, McpJsonMapper mapper) {
        this.mapper = mapper;
        for (CiscoPrompts.Gated prompt : prompts) {
            byName.put(prompt.name(), prompt);
            listed.put(prompt.name(), mapper.convertValue(prompt.prompt(), McpSchema.Prompt.class));
        }
    }

    @Override
    public PromptsPage list(McpRequestContext request, String cursor) {
        return PromptsPage.of(List.copyOf(listed.values()));
    }

    @Override
    public McpSyncPrompt find(McpRequestContext request, String name) {
        CiscoPrompts.Gated prompt = byName.get(name);
        return prompt == null ? null : McpSyncPrompt.of(listed.get(name), (context, get) -> {
            Map<String, Object> arguments = get.arguments() == null ? Map.of() : new LinkedHashMap<>(get.arguments());
            try {
                return McpSyncResponse.result(mapper.convertValue(prompt.answer().apply(arguments),
                        McpSchema.GetPromptResult.class));
            } catch (McpError e) {
                throw new McpException(e.getJsonRpcError().code(), e.getJsonRpcError().message());
            }
        });
    }
}
