package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance}, pinned in
 * src/test/node/package.json; it runs on Node 22, which the same lock installs as the npm package
 * {@code node}) against the built jar over Streamable HTTP, with its fixtures switched on. The server is
 * the real one (every tool, filter and limit) with authentication off, on loopback only, because the
 * suite cannot send a bearer token. Each scenario is run on its own, a moment apart: the server's
 * default per-client limits (30 new sessions a minute) apply to the suite as to anyone. The outcome of
 * every scenario is printed, so it shows in the CI log.
 */
class ConformanceIT {
    /** The active server scenarios of conformance 0.1.16, and json-schema-2020-12 from its pending set. */
    static final List<String> SCENARIOS = List.of("server-initialize", "logging-set-level", "ping", "completion-complete",
            "tools-list", "tools-call-simple-text", "tools-call-image", "tools-call-audio", "tools-call-embedded-resource",
            "tools-call-mixed-content", "tools-call-with-logging", "tools-call-error", "tools-call-with-progress",
            "tools-call-sampling", "tools-call-elicitation", "elicitation-sep1034-defaults", "server-sse-multiple-streams",
            "elicitation-sep1330-enums", "resources-list", "resources-read-text", "resources-read-binary",
            "resources-templates-read", "resources-subscribe", "resources-unsubscribe", "prompts-list", "prompts-get-simple",
            "prompts-get-with-args", "prompts-get-embedded-resource", "prompts-get-with-image", "dns-rebinding-protection",
            "json-schema-2020-12");
    private static final Pattern OUTCOME = Pattern.compile("Passed: (\\d+)/(\\d+), (\\d+) failed");

    @Test
    void everyScenarioPasses() throws Exception {
        String listed = suite(List.of("list"));
        SCENARIOS.forEach(s -> assertThat(listed).as("the pinned suite still has %s", s).contains("- " + s + " "));
        try (CiscoSandbox cisco = new CiscoSandbox()) {
            Map<String, String> env = new LinkedHashMap<>(cisco.env());
            env.put("SUPPORT_API", "all");
            env.put("DANGEROUSLY_OMIT_AUTH", "true");
            env.put("MCP_CONFORMANCE_FIXTURES", "true");
            // The suite opens a session or more per scenario from one address, back to back: the per-client limits
            // are not what it checks (HttpSecurityIT does), so they do not pace it.
            env.put("MCP_MAX_NEW_SESSIONS_PER_MINUTE", "100000");
            env.put("MCP_RATE_LIMIT", "100000");
            env.put("MCP_RATE_BURST", "100000");
            try (HttpServerProcess server = new HttpServerProcess(env)) {
                List<String> failed = new ArrayList<>();
                int checks = 0;
                for (String scenario : SCENARIOS) {
                    String output = suite(List.of("server", "--url", server.url(), "--scenario", scenario, "-o",
                            Path.of("target", "conformance").toAbsolutePath().toString()));
                    Matcher m = OUTCOME.matcher(output);
                    boolean found = m.find();
                    boolean passed = found && m.group(3).equals("0") && m.group(1).equals(m.group(2));
                    System.out.println("conformance " + scenario + ": " + (found ? m.group() : "no result") + (passed ? "" : "\n" + output));
                    if (found) {
                        checks += Integer.parseInt(m.group(2));
                    }
                    if (!passed) {
                        failed.add(scenario);
                    }
                }
                System.out.println("conformance: " + (SCENARIOS.size() - failed.size()) + "/" + SCENARIOS.size()
                        + " scenarios passed, " + checks + " checks");
                assertThat(failed).as("failed scenarios (the output above says why)").isEmpty();
            }
        }
    }

    /** Runs the suite's CLI on Node 22 and returns what it printed (stdout and stderr). */
    private static String suite(List<String> arguments) throws Exception {
        Path dir = NodeClient.clientsDir();
        List<String> command = new ArrayList<>(List.of(dir.resolve("node_modules/.bin/node").toString(),
                dir.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js").toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the suite finished").isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
