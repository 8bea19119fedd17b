package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.security.SecurityLog;
import dev.ciscosupport.mcp.session.CancellableCalls;
import dev.ciscosupport.mcp.session.CiscoSpend;
import dev.ciscosupport.mcp.session.ClientNotices;
import dev.ciscosupport.mcp.session.SeenValues;

/**
 * What every tool handler shares: where the data comes from, the security log that records Cisco API
 * errors and timeouts, the IDs each session has seen (for completions), the calls in flight (for
 * cancellation), server-wide news for each client, and what each caller's calls cost the Cisco quota.
 */
public record ToolContext(DataSource source, SecurityLog log, SeenValues seen, CancellableCalls calls, ClientNotices notices,
        CiscoSpend spend) {

    public ToolContext(DataSource source, SecurityLog log, SeenValues seen, CancellableCalls calls, ClientNotices notices) {
        this(source, log, seen, calls, notices, new CiscoSpend());
    }
}
