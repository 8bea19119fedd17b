package dev.ciscosupport.mcp.config;

import java.util.List;

/**
 * How the server logs, on stderr only (stdout is the stdio protocol).
 *
 * @param level {@code CISCO_MCP_LOG_LEVEL}: this server's threshold (TRACE, DEBUG, INFO, WARN, ERROR, OFF); the
 *              libraries' is WARN, or this when it is stricter
 * @param json  {@code CISCO_MCP_LOG_FORMAT=json}: one JSON object per line instead of plain text lines
 */
public record LogSettings(String level, boolean json) {
    public static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");
}
