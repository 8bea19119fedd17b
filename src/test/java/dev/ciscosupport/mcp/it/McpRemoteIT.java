package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Claude Desktop entry the server prints, pasted as printed: mcp-remote (from npm, pinned) started with exactly
 * that command, those args and that env connects, ten starts in a row (each probes the OAuth discovery paths
 * without a token first), after a wrong token from the same address, and after the server restarts.
 */
class McpRemoteIT {
    private static final String TOKEN = "mcp-remote-it-token-3f1c0a9e5b7d2468";
    private static final String ENTRY_HEADER = "Claude Desktop (claude_desktop_config.json), through mcp-remote:";

    /** The JSON line printed after the header. */
    private static JsonNode printedEntry(String stderr) {
        List<String> lines = stderr.lines().toList();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).contains(ENTRY_HEADER)) {
                return Json.MAPPER.readTree(lines.get(i + 1).strip());
            }
        }
        throw new AssertionError("no Claude Desktop entry in: " + stderr);
    }

    private static Scenario pasted(JsonNode entry) {
        JsonNode server = entry.path("mcpServers").path("cisco-support");
        List<String> args = new ArrayList<>();
        server.path("args").forEach(a -> args.add(a.asString()));
        Map<String, String> env = new LinkedHashMap<>();
        server.path("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
        return Scenario.command(server.path("command").asString(), args, env);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HttpServerProcess start(int port) throws IOException {
        // The launcher's --port 0 would move the URL at each start: a pasted entry names one port.
        return new HttpServerProcess(Map.of("MCP_BEARER_TOKEN", TOKEN, "SUPPORT_API", "bug"), "--sandbox", "--port",
                String.valueOf(port));
    }

    @Test
    void thePrintedEntryWorksAsPastedTenStartsInARowAfterAWrongTokenAndAfterARestart() throws Exception {
        int port = freePort();
        JsonNode entry;
        try (HttpServerProcess server = start(port)) {
            entry = printedEntry(server.stderr());
            assertThat(entry.toString()).contains("Authorization:${AUTH_HEADER}").contains("Bearer " + TOKEN)
                    .doesNotContain("Authorization: Bearer"); // no space inside args
            JsonNode runs = pasted(entry).listTools().repeat(10).report().path("runs");
            assertThat(runs).hasSize(10);
            for (JsonNode run : runs) {
                assertThat(run.path("connected").asBoolean()).as("a start of mcp-remote: %s", run).isTrue();
                assertThat(run.path("results").path(0).path("value").path("tools").size()).isPositive();
            }
            assertThat(server.stderr()).doesNotContain("Authentication failed").doesNotContain("Invalid token attempt");

            // Someone on the same address keeps sending a wrong token: it is refused, the right one still works.
            HttpClient http = HttpClient.newHttpClient();
            List<Integer> wrong = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                wrong.add(http.send(HttpRequest.newBuilder(URI.create(server.url())).header("Authorization", "Bearer not-" + TOKEN)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
            }
            assertThat(wrong).containsOnly(401, 429).contains(429);
            JsonNode afterWrong = pasted(entry).listTools().report();
            assertThat(afterWrong.path("connected").asBoolean()).as("%s", afterWrong).isTrue();
        }
        try (HttpServerProcess restarted = start(port)) {
            assertThat(printedEntry(restarted.stderr())).isEqualTo(entry);
            JsonNode afterRestart = pasted(entry).listTools().report();
            assertThat(afterRestart.path("connected").asBoolean()).as("%s", afterRestart).isTrue();
        }
    }
}
