package dev.ciscosupport.mcp.cisco;

import dev.ciscosupport.mcp.config.ServerVersion;

/** How we introduce ourselves to Cisco. */
public final class UserAgent {
    public static final String VALUE = "cisco-support-mcp/" + ServerVersion.VALUE;

    private UserAgent() {
    }
}
