package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.security.SecurityLog;

/**
 * What every tool handler shares: where the data comes from, and the security log that records Cisco
 * API errors and timeouts.
 */
public record ToolContext(DataSource source, SecurityLog log) {
}
