package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The MCP Inspector's command line ({@code @modelcontextprotocol/inspector}, pinned in src/test/node), the official
 * debugging client, against the jar over HTTP and stdio, once in each protocol era it negotiates: {@code legacy}
 * (2025-11-25, with a session) and {@code modern} (2026-07-28, stateless), which failed against this server before
 * it spoke the stateless revision.
 */
class InspectorIT {
    private static final String TOKEN = "inspector-it-token-0123456789abcdef";
    private static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";

    @Test
    void overHttpBothErasCallATool() throws Exception {
        try (HttpServerProcess server = new HttpServerProcess(Map.of("MCP_BEARER_TOKEN", TOKEN, "SUPPORT_API", "bug"),
                "--sandbox")) {
            List<String> call = List.of(server.url(), "--header", "Authorization: Bearer " + TOKEN, "--method", "tools/call",
                    "--tool-name", "search_bugs_by_keyword", "--tool-arg", "keyword=crash");
            JsonNode modern = inspect("modern", call).path("result");
            JsonNode legacy = inspect("legacy", call).path("result");
            assertThat(modern.path("isError").asBoolean()).as("modern: %s", modern).isFalse();
            assertThat(legacy.path("isError").asBoolean()).as("legacy: %s", legacy).isFalse();
            assertThat(modern.path("structuredContent").path("bugs")).isNotEmpty();
            assertThat(modern.path("structuredContent").path("bugs")).isEqualTo(legacy.path("structuredContent").path("bugs"));
            assertThat(modern.path("_meta").path(SERVER_INFO).path("name").asString())
                    .as("a stateless result names its server").isEqualTo("cisco-support-mcp");
            assertThat(legacy.path("_meta").has(SERVER_INFO)).as("a session's result does not").isFalse();
        }
    }

    @Test
    void overStdioBothErasListEveryToolAndCallOne() throws Exception {
        List<String> server = List.of("-e", "SUPPORT_API=all", "-e", "CISCO_MCP_CACHE=" + McpJar.newCacheFolder(), "--",
                McpJar.java(), "-jar", McpJar.path().toString(), "--sandbox");
        for (String era : List.of("modern", "legacy")) {
            List<String> list = new ArrayList<>(List.of("--method", "tools/list"));
            list.addAll(server);
            assertThat(inspect(era, list).path("result").path("tools")).as(era).hasSize(56);
        }
        List<String> call = new ArrayList<>(List.of("--method", "tools/call", "--tool-name", "get_latest_security_advisories",
                "--tool-arg", "number=2"));
        call.addAll(server);
        JsonNode result = inspect("modern", call).path("result");
        assertThat(result.path("structuredContent").path("advisories")).hasSize(2);
        assertThat(result.path("_meta").path(SERVER_INFO).path("name").asString()).isEqualTo("cisco-support-mcp");
    }

    /** Runs {@code mcp-inspector --cli} in {@code era} with {@code args}; its one JSON result. */
    private static JsonNode inspect(String era, List<String> args) throws IOException, InterruptedException {
        Path inspector = NodeClient.clientsDir().resolve("node_modules/.bin/mcp-inspector");
        List<String> command = new ArrayList<>(List.of(inspector.toString(), "--cli", "--protocol-era", era, "--format",
                "json", "-q"));
        command.addAll(args);
        Path stderr = Files.createTempFile("inspector", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(NodeClient.clientsDir().toFile())
                    .redirectError(stderr.toFile()).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the Inspector did not finish in 120 s");
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            assertThat(process.exitValue()).as("Inspector exit (%s); stderr: %s", text, Files.readString(stderr)).isZero();
            return Json.MAPPER.readTree(text);
        } finally {
            Files.deleteIfExists(stderr);
        }
    }
}
