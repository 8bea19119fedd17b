package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.resilience.TimeSource;
import dev.ciscosupport.mcp.security.SecurityLog;
import dev.ciscosupport.mcp.session.CancellableCalls;
import dev.ciscosupport.mcp.session.CiscoSpend;
import dev.ciscosupport.mcp.session.ClientNotices;
import dev.ciscosupport.mcp.session.SeenValues;
import java.time.Duration;

/**
 * What every tool handler shares: where the data comes from, the security log that records Cisco API
 * errors and timeouts, the IDs each session has seen (for completions), the calls in flight (for
 * cancellation), server-wide news for each client, what each caller's calls cost the Cisco quota, and how long one
 * call may go on asking Cisco.
 */
public record ToolContext(DataSource source, SecurityLog log, SeenValues seen, CancellableCalls calls, ClientNotices notices,
        CiscoSpend spend, Duration callDeadline, TimeSource clock) {

    /** @param clock the clock the gateway waits on, which each call's deadline is set on */
    public ToolContext(DataSource source, SecurityLog log, SeenValues seen, CancellableCalls calls, ClientNotices notices,
            Duration callDeadline, TimeSource clock) {
        this(source, log, seen, calls, notices, new CiscoSpend(), callDeadline, clock);
    }

    /** A new call's context: {@code caller} asking, {@code listener} hearing, its deadline counted from now. */
    CallContext newCall(String caller, CallContext.Listener listener) {
        return new CallContext(caller, listener).limitedTo(callDeadline, clock.nanos());
    }
}
