package dev.ciscosupport.mcp.config;

/** What was given on the command line; null means "not given", so the environment decides. */
public record CliOptions(Boolean http, String host, Integer port, Boolean sandbox, String toolsets, Boolean dynamicToolsets) {
    public static final CliOptions NONE = new CliOptions(null, null, null, null, null, null);

    public CliOptions(Boolean http, String host, Integer port, Boolean sandbox) {
        this(http, host, port, sandbox, null, null);
    }
}
