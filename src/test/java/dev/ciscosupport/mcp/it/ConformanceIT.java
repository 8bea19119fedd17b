package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance}, pinned in
 * src/test/node/package.json; it runs on Node 22, which the same lock installs as the npm package
 * {@code node}) against the built jar over Streamable HTTP, with its fixtures switched on. The server is
 * the real one (every tool, filter and limit) speaking both protocol revisions on one URL, with authentication off,
 * on loopback only, because the suite cannot send a bearer token. The suite runs, once per revision, exactly the
 * scenarios that revision requires ({@code --requirements}, frozen in the suite's {@code requirements/<revision>.yaml});
 * every one must pass, and the outcome of each is printed, so it shows in the CI log.
 */
class ConformanceIT {
    /** The session-based revision and the stateless one, both spoken on one URL by one server. */
    static final List<String> REVISIONS = List.of("2025-11-25", "2026-07-28");
    /** A scenario's outcome line: "✓ tools-list: 3 passed, 0 failed". */
    private static final Pattern OUTCOME = Pattern.compile("(?m)^\\s*[✓✗] ([\\w./-]+): (\\d+) passed, (\\d+) failed");

    @Test
    void everyRequiredScenarioOfBothRevisionsPasses() throws Exception {
        Map<String, List<String>> required = new LinkedHashMap<>();
        for (String revision : REVISIONS) {
            required.put(revision, requiredServerScenarios(revision));
        }
        assertThat(required.get("2025-11-25")).as("the pinned suite's requirements for 2025-11-25").hasSizeGreaterThanOrEqualTo(30)
                .contains("server-initialize", "tools-call-sampling", "tools-call-elicitation", "dns-rebinding-protection");
        assertThat(required.get("2026-07-28")).as("the pinned suite's requirements for 2026-07-28").hasSizeGreaterThanOrEqualTo(37)
                .contains("server-stateless", "caching", "input-required-result-tampered-state", "dns-rebinding-protection");
        try (CiscoSandbox cisco = new CiscoSandbox()) {
            Map<String, String> env = new LinkedHashMap<>(cisco.env());
            env.put("SUPPORT_API", "all");
            env.put("DANGEROUSLY_OMIT_AUTH", "true");
            env.put("MCP_CONFORMANCE_FIXTURES", "true");
            env.put("MCP_PROTOCOL_REVISIONS", "both");
            // The suite opens a session or more per scenario from one address, back to back: the per-client limits
            // are not what it checks (HttpSecurityIT does), so they do not pace it.
            env.put("MCP_MAX_NEW_SESSIONS_PER_MINUTE", "100000");
            env.put("MCP_RATE_LIMIT", "100000");
            env.put("MCP_RATE_BURST", "100000");
            try (HttpServerProcess server = new HttpServerProcess(env)) {
                // One run per revision, both at once: they share nothing but the server, which serves each its own way.
                Map<String, CompletableFuture<String>> runs = new LinkedHashMap<>();
                for (String revision : REVISIONS) {
                    runs.put(revision, CompletableFuture.supplyAsync(() -> suite(List.of("server", "--url", server.url(),
                            "--requirements", revision, "-o", Path.of("target", "conformance", revision).toAbsolutePath()
                                    .toString()))));
                }
                List<String> failed = new ArrayList<>();
                StringBuilder said = new StringBuilder();
                for (String revision : REVISIONS) {
                    String output = runs.get(revision).get(150, TimeUnit.SECONDS);
                    said.append(output);
                    failed.addAll(report(revision, required.get(revision), output));
                }
                assertThat(failed).as("failed scenarios; the suite said:%n%s", said).isEmpty();
            }
        }
    }

    /**
     * Prints each required scenario's outcome, then those run but not claimed (the tasks extension, which the SDK does
     * not implement, and scenarios the suite marks pending), and returns the required ones that failed.
     */
    private static List<String> report(String revision, List<String> required, String output) {
        Map<String, int[]> outcomes = new LinkedHashMap<>();
        Matcher m = OUTCOME.matcher(output);
        while (m.find()) {
            outcomes.putIfAbsent(m.group(1), new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))});
        }
        List<String> failed = new ArrayList<>();
        int checks = 0;
        for (String scenario : required) {
            int[] outcome = outcomes.get(scenario);
            boolean passed = outcome != null && outcome[1] == 0 && outcome[0] > 0;
            System.out.println("conformance " + revision + " " + scenario + ": "
                    + (outcome == null ? "no result" : outcome[0] + " passed, " + outcome[1] + " failed"));
            checks += outcome == null ? 0 : outcome[0] + outcome[1];
            if (!passed) {
                failed.add(revision + " " + scenario);
            }
        }
        outcomes.forEach((scenario, outcome) -> {
            if (!required.contains(scenario)) {
                System.out.println("conformance " + revision + " " + scenario + " (not claimed): " + outcome[0] + " passed, "
                        + outcome[1] + " failed");
            }
        });
        System.out.println("conformance " + revision + ": " + (required.size() - failed.size()) + "/" + required.size()
                + " required scenarios passed, " + checks + " checks");
        return failed;
    }

    /** The server scenarios the pinned suite's requirements file lists for {@code revision} (its "server:" list). */
    static List<String> requiredServerScenarios(String revision) throws java.io.IOException {
        Path file = NodeClient.clientsDir().resolve("node_modules/@modelcontextprotocol/conformance/requirements/"
                + revision + ".yaml");
        List<String> scenarios = new ArrayList<>();
        boolean inServer = false;
        for (String line : java.nio.file.Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.startsWith(" ") && !line.startsWith("#") && !line.isBlank()) {
                inServer = line.strip().equals("server:");
            } else if (inServer && line.matches("\\s+- [\\w./-]+\\s*")) {
                scenarios.add(line.strip().substring(2));
            }
        }
        return scenarios;
    }

    /** Runs the suite's CLI on Node 22 and returns what it printed (stdout and stderr). */
    private static String suite(List<String> arguments) {
        try {
            return run(arguments);
        } catch (Exception e) {
            throw new IllegalStateException("the conformance suite did not run", e);
        }
    }

    private static String run(List<String> arguments) throws Exception {
        Path dir = NodeClient.clientsDir();
        List<String> command = new ArrayList<>(List.of(NodeClient.node(),
                dir.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js").toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the suite finished").isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
