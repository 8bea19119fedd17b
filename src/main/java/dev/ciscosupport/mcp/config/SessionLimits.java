package dev.ciscosupport.mcp.config;

import java.time.Duration;

/**
 * How many MCP sessions HTTP mode keeps, for how long, and how much of a client's {@code initialize} it stores:
 * together they bound the memory sessions can take, whoever opens them.
 *
 * @param idle               {@code MCP_SESSION_IDLE_MINUTES}: a session without a request for this long is closed (its
 *                           client gets 404 and, as MCP asks, opens a new one); a session with a request in flight, such
 *                           as an open notification stream, never idles
 * @param total              {@code MCP_MAX_SESSIONS}: live sessions on this server; an {@code initialize} over it is refused
 *                           (503) until one ends or idles out
 * @param perClient          {@code MCP_MAX_SESSIONS_PER_CLIENT}: live sessions per token; a new one over it closes that
 *                           token's least recently used idle session
 * @param initializeBytes    the largest {@code initialize} request kept (a real client's is under 2 KiB)
 */
public record SessionLimits(Duration idle, int total, int perClient, int initializeBytes) {
    public static final int INITIALIZE_BYTES = 16 * 1024;

    /** {@link SettingsTable}'s defaults. */
    public static SessionLimits defaults() {
        return HttpSecurity.defaults().sessions();
    }
}
