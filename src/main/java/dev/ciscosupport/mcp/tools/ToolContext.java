package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.security.SecurityLog;

/**
 * What every tool handler shares: where the data comes from, the security log that records Cisco API
 * errors and timeouts, the IDs each session has seen (for completions), the calls in flight (for
 * cancellation), and server-wide news for each client.
 */
public record ToolContext(DataSource source, SecurityLog log, SeenValues seen, CancellableCalls calls, ClientNotices notices) {
}
