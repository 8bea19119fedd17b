package dev.ciscosupport.mcp.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;

/** What a person needs to connect a client, printed on stderr at start. */
final class ConnectionHints {
    private ConnectionHints() {
    }

    /** @param token the token to show, or null when it came from the environment (the person already has it) */
    static void http(PrintStream err, URI url, String token, boolean authOff, boolean sandbox) {
        err.println();
        err.println("cisco-support-mcp is serving MCP over Streamable HTTP" + (sandbox ? " on the embedded Cisco sandbox" : ""));
        err.println("  URL:   " + url);
        if (authOff) {
            err.println("  Auth:  OFF (DANGEROUSLY_OMIT_AUTH=true) - anyone who can reach this port can use it");
        } else if (token != null) {
            err.println("  Token: " + token + "   (generated for this run; set MCP_BEARER_TOKEN to keep one)");
        } else {
            err.println("  Token: one of MCP_BEARER_TOKEN / MCP_BEARER_TOKEN_FILE");
        }
        String shownToken = token != null ? token : "$MCP_BEARER_TOKEN";
        err.println("  Try:   curl -H \"Authorization: Bearer " + shownToken + "\" -H \"Content-Type: application/json\""
                + " -d '{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":1}' " + url);
        err.println("  Claude Desktop (claude_desktop_config.json):");
        String header = authOff ? "" : ", \"--header\", \"Authorization: Bearer " + shownToken + "\"";
        err.println("    {\"mcpServers\": {\"cisco-support\": {\"command\": \"npx\", \"args\": [\"-y\", \"mcp-remote\", \""
                + url + "\"" + header + "]}}}");
        err.println();
    }

    static void stdio(PrintStream err, boolean sandbox) {
        String jar = jarPath();
        // The launcher beside the build (bin/ of the project) starts about twice as fast (class-data sharing).
        Path launcher = Path.of(jar).getParent() == null ? null : Path.of(jar).getParent().resolveSibling("bin")
                .resolve("cisco-support-mcp");
        String start = launcher != null && java.nio.file.Files.isExecutable(launcher)
                ? "\"command\": \"" + launcher + "\", \"args\": [" + (sandbox ? "\"--sandbox\"" : "") + "]"
                : "\"command\": \"java\", \"args\": [\"-jar\", \"" + jar + "\"" + (sandbox ? ", \"--sandbox\"" : "") + "]";
        err.println("cisco-support-mcp is serving MCP over stdio" + (sandbox ? " on the embedded Cisco sandbox" : "")
                + ": an MCP client should start it. Claude Desktop (claude_desktop_config.json):");
        err.println("  {\"mcpServers\": {\"cisco-support\": {" + start + (sandbox ? ""
                : ", \"env\": {\"CISCO_CLIENT_ID\": \"...\", \"CISCO_CLIENT_SECRET\": \"...\"}") + "}}}");
    }

    private static String jarPath() {
        try {
            return Path.of(ConnectionHints.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath().toString().replace("\\", "\\\\");
        } catch (Exception e) {
            return "cisco-support-mcp.jar";
        }
    }
}
