package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs {@code src/test/node/mcp-driver.mjs}: the official MCP TypeScript SDK client (v1, or for a scenario that asks
 * for it the v2 client, which speaks both protocol eras), a real MCP client from npm, driving the server through a
 * scenario; returns what it saw.
 */
final class NodeClient {
    private static final long TIMEOUT_SECONDS = 180;

    private NodeClient() {
    }

    static Path clientsDir() {
        return Path.of(System.getProperty("mcp.clients.dir", "src/test/node")).toAbsolutePath();
    }

    /**
     * The Node.js the lock file pins (the {@code node} package, 22): the clients run on the same Node on every machine,
     * whatever the system's is (npm's, 20 or newer, only installs them), and on Node 22 a client run costs a fifth less
     * CPU than on Debian's Node 20.
     */
    static String node() {
        return clientsDir().resolve("node_modules/.bin/node").toString();
    }

    /** Runs {@code load.mjs} with a load plan and returns its report (every call with what was asked). */
    static JsonNode load(ObjectNode plan) {
        return reported(() -> runScript("load.mjs", plan, java.util.Map.of()));
    }

    /** Runs the scenario and returns the driver's report; fails the test if the driver itself failed. */
    static JsonNode run(ObjectNode scenario) {
        return run(scenario, java.util.Map.of());
    }

    /**
     * As {@link #run(ObjectNode)}, with extra environment for the client (e.g. NODE_EXTRA_CA_CERTS). Without, the
     * scenario goes to the test JVM's running driver ({@link NodeDriver}); with, the driver is started for it alone, as
     * Node reads such variables only when it starts.
     */
    static JsonNode run(ObjectNode scenario, java.util.Map<String, String> env) {
        JsonNode report = reported(() -> env.isEmpty() ? NodeDriver.shared().run(scenario, TIMEOUT_SECONDS)
                : runScript("mcp-driver.mjs", scenario, env));
        assertThat(report.path("connected").asBoolean()).as("connected; error %s", report.path("error")).isTrue();
        return report;
    }

    /** A client run that can fail to start or be interrupted. */
    private interface ClientRun {
        JsonNode report() throws IOException, InterruptedException;
    }

    /** The run's report; a client that could not be run fails the test. */
    private static JsonNode reported(ClientRun run) {
        try {
            return run.report();
        } catch (IOException e) {
            throw new AssertionError("could not run the MCP client: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode runScript(String script, ObjectNode scenario, java.util.Map<String, String> env)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile("mcp-scenario", ".json");
        Path stderr = Files.createTempFile("mcp-driver", ".err");
        try {
            Files.writeString(file, Json.MAPPER.writeValueAsString(scenario));
            ProcessBuilder builder = new ProcessBuilder(List.of(node(), script, file.toString()))
                    .directory(clientsDir().toFile())
                    .redirectError(stderr.toFile());
            builder.environment().putAll(env);
            Process node = builder.start();
            node.getOutputStream().close();
            byte[] out = node.getInputStream().readAllBytes();
            if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new AssertionError("the MCP client did not finish in " + TIMEOUT_SECONDS + " s");
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            String errors = Files.readString(stderr);
            assertThat(text).as("MCP client output (stderr: %s)", errors).isNotEmpty();
            return Json.MAPPER.readTree(text);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(stderr);
        }
    }
}
