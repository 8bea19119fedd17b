package dev.ciscosupport.mcp.cli;

import dev.ciscosupport.mcp.config.OAuthSettings;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;

/** What a person needs to connect a client, printed on stderr at start. */
final class ConnectionHints {
    private ConnectionHints() {
    }

    /**
     * @param generated  the token generated for this run, or null
     * @param configured a token from MCP_BEARER_TOKEN to put in the snippet (only on loopback, outside production:
     *                   the person at this console set it), or null to show a placeholder
     */
    static void http(PrintStream err, URI url, String generated, String configured, boolean authOff, boolean sandbox,
            OAuthSettings oauth) {
        err.println();
        err.println("cisco-support-mcp is serving MCP over Streamable HTTP" + (sandbox ? " on the embedded Cisco sandbox" : ""));
        err.println("  URL:   " + url);
        if (!authOff && oauth.oauth()) {
            err.println("  Sign-in: access tokens of " + oauth.issuers().stream().map(URI::toString)
                    .collect(java.util.stream.Collectors.joining(", ")) + " issued for "
                    + (oauth.resource() != null ? oauth.resource() : url) + " (MCP_AUTH=" + oauth.mode().name()
                    .toLowerCase(java.util.Locale.ROOT) + "); MCP clients find the provider by themselves");
            if (!oauth.sharedTokens()) {
                err.println("  Claude Desktop (claude_desktop_config.json), through mcp-remote, which signs in in a browser:");
                err.println("    " + claudeDesktop(url, null));
                err.println();
                return;
            }
        }
        String token = generated != null ? generated : configured != null ? configured : "<your MCP_BEARER_TOKEN>";
        if (authOff) {
            err.println("  Auth:  OFF (DANGEROUSLY_OMIT_AUTH=true) - anyone who can reach this port can use it");
        } else if (generated != null) {
            err.println("  Token: " + generated + "   (new at every start, so a pasted config stops working after a restart:");
            err.println("         keep one with  export MCP_BEARER_TOKEN=$(java -jar " + jarPath() + " --generate-token)  )");
        } else {
            err.println("  Token: from MCP_BEARER_TOKEN / MCP_BEARER_TOKEN_FILE");
        }
        err.println("  Try:   curl -H \"Authorization: Bearer " + token + "\" -H \"Content-Type: application/json\""
                + " -d '{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":1}' " + url);
        err.println("  Claude Desktop (claude_desktop_config.json), through mcp-remote:");
        err.println("    " + claudeDesktop(url, authOff ? null : token));
        err.println();
    }

    /**
     * The mcp-remote entry as its README recommends: the header value in {@code env}, referred to as
     * {@code ${AUTH_HEADER}} without spaces inside {@code args} (some clients split arguments on spaces).
     */
    static String claudeDesktop(URI url, String token) {
        boolean local = url.getHost().equals("127.0.0.1") || url.getHost().equals("localhost") || url.getHost().equals("[::1]");
        String args = "\"-y\", \"mcp-remote@0.15.1\", \"" + url + "\""
                + (url.getScheme().equals("http") && !local ? ", \"--allow-http\"" : "")
                + (token == null ? "" : ", \"--header\", \"Authorization:${AUTH_HEADER}\"");
        String env = token == null ? "" : ", \"env\": {\"AUTH_HEADER\": \"Bearer " + token + "\"}";
        return "{\"mcpServers\": {\"cisco-support\": {\"command\": \"npx\", \"args\": [" + args + "]" + env + "}}}";
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
