package dev.ciscosupport.mcp.config;

import java.util.List;
import java.util.Locale;

/**
 * How the server logs, on stderr only (stdout is the stdio protocol).
 *
 * @param level {@code CISCO_MCP_LOG_LEVEL}: this server's threshold (TRACE, DEBUG, INFO, WARN, ERROR, OFF); the
 *              libraries' is WARN, or this when it is stricter
 * @param json  {@code CISCO_MCP_LOG_FORMAT=json}: one JSON object per line instead of plain text lines
 */
public record LogSettings(String level, boolean json) {
    public static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    public static LogSettings defaults() {
        return new LogSettings("INFO", false);
    }

    static LogSettings of(String level, String format) {
        String l = level == null ? "INFO" : level.strip().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(l)) {
            throw new SettingsException("CISCO_MCP_LOG_LEVEL must be one of " + String.join(", ", LEVELS) + " (got \""
                    + SettingsLoader.printable(level.strip()) + "\").");
        }
        String f = format == null ? "plain" : format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("plain") && !f.equals("json")) {
            throw new SettingsException("CISCO_MCP_LOG_FORMAT must be plain or json (got \""
                    + SettingsLoader.printable(format.strip()) + "\").");
        }
        return new LogSettings(l, f.equals("json"));
    }
}
