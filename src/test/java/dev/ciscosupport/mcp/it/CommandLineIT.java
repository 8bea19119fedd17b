package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The jar as a person runs it from a shell: flags, settings errors, missing credentials, the sandbox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandLineIT {
    private final CiscoSandbox cisco = new CiscoSandbox();

    @AfterAll
    void stop() {
        cisco.close();
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private Result run(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return session(dir, env, "", args);
    }

    /** Runs the jar with {@code stdin} as its input (then end of input) and returns what it printed. */
    private Result session(Path dir, Map<String, String> env, String stdin, String... args)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(McpJar.command(args));
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        McpJar.prepare(builder.environment(), env);
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close(); // stdio mode then ends once what was read is answered
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Result result = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return result;
    }

    @Test
    void generateTokenPrintsOnly32SecureCharactersOnStdout() throws Exception {
        Result first = run(null, Map.of(), "--generate-token");
        Result second = run(null, Map.of(), "--generate-token");
        assertThat(first.exit()).isZero();
        assertThat(first.stdout()).matches("[A-Za-z0-9]{32}\\n");
        assertThat(second.stdout()).isNotEqualTo(first.stdout());
        assertThat(first.stderr()).contains("MCP_BEARER_TOKEN");
    }

    @Test
    void helpAndVersion() throws Exception {
        Result help = run(null, Map.of(), "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.stdout()).contains("--http", "--port", "--host", "--sandbox", "--toolsets", "--generate-token", "--version");
        Result version = run(null, Map.of(), "--version");
        assertThat(version.stdout()).startsWith("cisco-support-mcp ");
    }

    @Test
    void badSettingsStopTheStartWithOneLineNamingTheVariable() throws Exception {
        Map<String, String> cases = Map.of("PORT", "abc", "SUPPORT_API", "bug,bugz", "CISCO_API_BASE_URL", "nope",
                "NODE_ENV", "prod", "CISCO_MCP_LOG_LEVEL", "LOUD", "CISCO_MCP_LOG_FORMAT", "xml", "MCP_TOOLSETS", "bugs",
                "MCP_SECURITY_LOG_FILE", "/no-such-folder-here/security.log");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            Result result = run(null, Map.of(bad.getKey(), bad.getValue()), "--http");
            assertThat(result.exit()).as(bad.getKey()).isEqualTo(2);
            assertThat(result.stderr().strip()).as(bad.getKey()).startsWith("cisco-support-mcp: " + bad.getKey())
                    .doesNotContain("\n").doesNotContain("Exception");
            assertThat(result.stdout()).isEmpty();
        }
        Result flag = run(null, Map.of(), "--port", "abc");
        assertThat(flag.exit()).isEqualTo(2);
        assertThat(flag.stderr().strip()).contains("--port").contains("abc").contains("see --help").doesNotContain("\n")
                .startsWith("cisco-support-mcp: ");
    }

    /**
     * A short stdio session on the embedded sandbox: the entitlement check it starts (once the client is
     * initialized) stops with the server, before the sandbox does, and so never reports a Cisco it cannot reach.
     */
    @Test
    void aShortSandboxSessionEndsWithoutBackgroundNoise() throws Exception {
        String session = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n";
        for (int i = 0; i < 3; i++) {
            Result result = session(null, Map.of(), session, "--sandbox");
            assertThat(result.exit()).isZero();
            assertThat(result.stdout()).contains("\"id\":2");
            assertThat(result.stderr()).doesNotContain("Could not reach").doesNotContain("inconclusive")
                    .doesNotContain("WARN");
        }
    }

    @Test
    void aDotEnvFileInTheWorkingDirectoryIsRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".env"), "# settings\nSUPPORT_API=bug,nonsense\n");
        Result result = run(dir, Map.of());
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.stderr()).contains("SUPPORT_API: unknown API \"nonsense\"");
        Result environmentWins = run(dir, Map.of("SUPPORT_API", "bug"));
        assertThat(environmentWins.exit()).isZero();
    }

    @Test
    void withoutCredentialsToolsAreListedAndEachCallNamesTheMissingVariables() {
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.remove("CISCO_CLIENT_ID");
        env.remove("CISCO_CLIENT_SECRET");
        cisco.resetCounts();
        JsonNode results = Scenario.stdio(env).listTools()
                .call("search_bugs_by_keyword", Map.of("keyword", "crash")).run();
        assertThat(results.path(0).path("value").path("tools").size()).as("8 bug tools and 11 analysis tools").isEqualTo(19);
        String text = BugToolsContract.errorText(results.path(1));
        assertThat(text).contains("CISCO_CLIENT_ID and CISCO_CLIENT_SECRET").contains("--sandbox");
        assertThat(cisco.apiRequests()).isZero();
        assertThat(cisco.server.requests().tokenRequests()).isZero();
    }

    @Test
    void secretsAppearInNoLogAndNoError(@TempDir Path dir) throws Exception {
        String secret = "very-secret-client-secret-4711";
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("CISCO_CLIENT_SECRET", secret);
        env.put("CISCO_MCP_LOG_LEVEL", "DEBUG");
        JsonNode result = Scenario.stdio(env).call("search_bugs_by_keyword", Map.of("keyword", "crash")).run().path(0);
        assertThat(BugToolsContract.errorText(result)).contains("invalid_client").contains("CISCO_CLIENT_SECRET")
                .doesNotContain(secret);
        Result direct = run(dir, env);
        assertThat(direct.stderr()).doesNotContain(secret).contains("DEBUG");
    }

    /** Over stdio, dynamic toolsets: the one client starts with the core lookups and enables what it needs. */
    @Test
    void withDynamicToolsetsTheStdioClientEnablesAToolset() {
        JsonNode run = Scenario.stdio(Map.of("MCP_DYNAMIC_TOOLSETS", "true"), "--sandbox").listTools()
                .call("enable_toolset", Map.of("toolset", "eox")).listTools().run();
        assertThat(run.path(0).path("value").path("tools").size()).isEqualTo(dev.ciscosupport.mcp.config.Toolset.CORE_TOOLS.size() + 2);
        assertThat(BugToolsContract.text(run.path(1))).startsWith("Enabled eox, 4 tools:");
        List<String> after = new java.util.ArrayList<>();
        run.path(2).path("value").path("tools").forEach(t -> after.add(t.path("name").asString()));
        assertThat(after).hasSize(dev.ciscosupport.mcp.config.Toolset.CORE_TOOLS.size() + 4)
                .contains("get_eox_by_date", "get_eox_by_software_release", "enable_toolset");
    }

    @Test
    void sandboxModeSaysSoInEveryResultAndToolsetsChooseTheListedTools() {
        JsonNode run = Scenario.stdio(Map.of(), "--sandbox", "--toolsets", "core,rma").listTools()
                .call("search_bugs_by_keyword", Map.of("keyword", "memory leak", "modified_date", "5")).run();
        List<String> listed = new java.util.ArrayList<>();
        run.path(0).path("value").path("tools").forEach(t -> listed.add(t.path("name").asString()));
        List<String> expected = new java.util.ArrayList<>(dev.ciscosupport.mcp.config.Toolset.CORE_TOOLS);
        expected.addAll(List.of("get_rmas_by_user", "search_rmas_by_serial"));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
        JsonNode result = run.path(1);
        JsonNode answer = BugToolsContract.structured(result);
        assertThat(answer.path("source").asString()).isEqualTo("sandbox");
        assertThat(answer.path("bugs").size()).isPositive();
        assertThat(BugToolsContract.text(result)).endsWith("[sandbox] Simulated data from the embedded Cisco sandbox, not from Cisco.");
    }

    @Test
    void theSandboxRunsOnItsOwnAndAServerCanBePointedAtIt() throws Exception {
        Process sandbox = new ProcessBuilder(McpJar.command("sandbox", "--port", "0")).redirectErrorStream(false).start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(sandbox.getInputStream(),
                StandardCharsets.UTF_8))) {
            String first = lines.readLine();
            assertThat(first).startsWith("SANDBOX_URL=http://127.0.0.1:");
            String url = first.substring("SANDBOX_URL=".length());
            Map<String, String> env = Map.of("CISCO_API_BASE_URL", url, "CISCO_TOKEN_URL", url + "/oauth2/default/v1/token",
                    "CISCO_CLIENT_ID", "sandbox-client-id", "CISCO_CLIENT_SECRET", "sandbox-client-secret");
            JsonNode answer = BugToolsContract.structured(Scenario.stdio(env)
                    .call("search_bugs_by_product_id", Map.of("base_pid", "ASR1001-X", "modified_date", "5")).run().path(0));
            assertThat(answer.path("page").path("total_records").asInt()).isEqualTo(60);
        } finally {
            sandbox.destroy();
            assertThat(sandbox.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void sandboxOverHttpPrintsHowToConnectAndTheTokenWorks() throws Exception {
        try (HttpServerProcess server = new HttpServerProcess(Map.of(), "--sandbox")) {
            String stderr = server.stderr();
            Matcher token = Pattern.compile("Token: ([A-Za-z0-9]{32})").matcher(stderr);
            assertThat(token.find()).as(stderr).isTrue();
            assertThat(stderr).contains("URL:   " + server.url()).contains("mcp-remote").contains("claude_desktop_config.json");
            JsonNode result = Scenario.http(server.url(), token.group(1))
                    .call("get_bug_details", Map.of("bug_ids", "CSCvt43974")).run().path(0);
            JsonNode answer = BugToolsContract.structured(result);
            assertThat(answer.path("source").asString()).isEqualTo("sandbox");
            assertThat(answer.path("not_found")).extracting(JsonNode::asString).isEqualTo(List.of("CSCvt43974"));
        }
    }
}
