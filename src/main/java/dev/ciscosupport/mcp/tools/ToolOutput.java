package dev.ciscosupport.mcp.tools;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * What a tool answers: compact text for the model, and the same facts as structured content that
 * matches the tool's output schema; for a few tools more content after the text (links to resources, an image).
 */
public record ToolOutput(String text, Map<String, Object> structured, List<McpSchema.Content> more) {
    public ToolOutput {
        more = List.copyOf(more);
    }

    public ToolOutput(String text, Map<String, Object> structured) {
        this(text, structured, List.of());
    }
}
