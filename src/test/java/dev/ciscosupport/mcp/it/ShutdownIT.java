package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** SIGTERM: the server stops taking work, finishes the tool calls in flight (bounded), then exits. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShutdownIT {
    private static final String TOKEN = "shutdown-token-0123456789abcdefghij";
    private final CiscoSandbox cisco = new CiscoSandbox();

    @BeforeEach
    void slowCisco() {
        cisco.resetCounts();
        cisco.server.faults().latency(Duration.ofSeconds(2));
    }

    @AfterAll
    void stop() {
        cisco.close();
    }

    /** Waits (bounded) until the sandbox has received a request, so the call is surely in flight. */
    private void awaitCiscoRequest() throws InterruptedException {
        for (int i = 0; i < 200 && cisco.apiRequests() == 0; i++) {
            Thread.sleep(50);
        }
        assertThat(cisco.apiRequests()).as("the call reached Cisco").isPositive();
    }

    @Test
    void overHttpTheCallInFlightIsAnsweredAndNewRequestsAreTurnedAway() throws Exception {
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("MCP_BEARER_TOKEN", TOKEN);
        env.put("MCP_SHUTDOWN_GRACE_SECONDS", "15");
        HttpServerProcess server = new HttpServerProcess(env);
        try {
            CompletableFuture<JsonNode> inFlight = CompletableFuture.supplyAsync(() -> Scenario.http(server.url(), TOKEN)
                    .call("search_bugs_by_keyword", Map.of("keyword", "crash")).run());
            awaitCiscoRequest();

            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.terminate(30);
                } catch (InterruptedException e) {
                    return -2;
                }
            });
            Thread.sleep(300); // the signal has been handled; the call is still waiting for Cisco
            HttpResponse<String> late = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url()))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(late.statusCode()).isEqualTo(503);
            assertThat(late.headers().firstValue("Retry-After")).isPresent();
            assertThat(Json.MAPPER.readTree(late.body()).path("error").path("message").asString())
                    .isEqualTo("The server is shutting down; reconnect in a few seconds.");
            // A balancer sees it: readiness says draining (no new sessions here), liveness still says alive.
            URI origin = URI.create(server.url()).resolve("/");
            for (Map.Entry<String, Integer> health : Map.of("health", 503, "health/live", 200).entrySet()) {
                assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(origin.resolve(health.getKey()))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                        .as("/%s while draining", health.getKey()).isEqualTo(health.getValue());
            }

            JsonNode answer = inFlight.get(30, TimeUnit.SECONDS).path(0);
            assertThat(answer.path("ok").asBoolean()).as("%s", answer).isTrue();
            assertThat(answer.path("value").path("isError").asBoolean()).isFalse();
            assertThat(answer.path("value").path("structuredContent").path("bugs").size()).isPositive();
            assertThat(exit.get(40, TimeUnit.SECONDS)).as("exited after answering; stderr: %s", server.stderr())
                    .isIn(0, 143);
        } finally {
            server.close();
        }
    }

    @Test
    void overStdioTheCallInFlightIsAnsweredBeforeTheProcessExits() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(McpJar.command()).redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("MCP_SHUTDOWN_GRACE_SECONDS", "15");
        McpJar.prepare(builder.environment(), env);
        Process process = builder.start();
        try {
            OutputStream in = process.getOutputStream();
            for (String line : List.of(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"search_bugs_by_keyword\","
                            + "\"arguments\":{\"keyword\":\"crash\"}}}")) {
                in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
            in.flush(); // stdin stays open: the client is still there when the signal comes
            awaitCiscoRequest();
            // Process.destroy() would close our end of the pipes too; a plain SIGTERM leaves stdout to read.
            assertThat(new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor()).isZero();

            List<JsonNode> answers = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    answers.add(Json.MAPPER.readTree(line));
                }
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            JsonNode call = answers.stream().filter(a -> a.path("id").asInt() == 2).findFirst().orElseThrow();
            assertThat(call.path("result").path("isError").asBoolean()).isFalse();
            assertThat(call.path("result").path("structuredContent").path("bugs").size()).isPositive();
        } finally {
            process.destroyForcibly();
        }
    }
}
