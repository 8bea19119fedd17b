package dev.ciscosupport.mcp.tools;

import java.util.Map;

/**
 * What a tool answers: compact text for the model, and the same facts as structured content that
 * matches the tool's output schema.
 */
public record ToolOutput(String text, Map<String, Object> structured) {
}
