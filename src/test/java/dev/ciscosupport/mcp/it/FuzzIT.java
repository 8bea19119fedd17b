package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Thousands of malformed, truncated, deeply nested, oversized and wrongly typed JSON-RPC messages sent
 * to {@code /mcp}, with and without a session, from a seeded generator (a failure names its seed and
 * message number, so it can be replayed). Each must be answered with a 4xx or a JSON-RPC error, never
 * a 5xx, a stack trace or a hang, while a real client keeps working beside them.
 */
class FuzzIT {
    private static final String TOKEN = "fuzz-token-0123456789abcdefghijklm";
    private static final long SEED = 20261126L;
    private static final int MESSAGES = 3000;
    private static final List<String> VALID = List.of(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"search_bugs_by_keyword\","
                    + "\"arguments\":{\"keyword\":\"crash\",\"severity\":\"2\"}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"tools/call\",\"params\":{\"name\":\"get_bug_details\","
                    + "\"arguments\":{\"bug_ids\":\"CSCvx43106\"}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"fuzz\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    private static final List<String> ODD_VALUES = List.of("{}", "[]", "true", "null", "1.5", "-1", "1e309", "\"\"",
            "99999999999999999999999999", "\"\\u0000\"", "[[[[[]]]]]", "{\"$ne\":1}", "\"" + "a".repeat(5000) + "\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void malformedMessagesGetClientErrorsAndTheServerKeepsServing() throws Exception {
        try (CiscoSandbox cisco = new CiscoSandbox()) {
            Map<String, String> env = new LinkedHashMap<>(cisco.env());
            env.put("MCP_BEARER_TOKEN", TOKEN);
            env.put("MCP_RATE_LIMIT", "100000");
            env.put("MCP_RATE_BURST", "100000");
            env.put("MCP_MAX_NEW_SESSIONS_PER_MINUTE", "100000");
            try (HttpServerProcess server = new HttpServerProcess(env)) {
                URI url = URI.create(server.url());
                String session = openSession(url);
                CompletableFuture<JsonNode> beside = CompletableFuture.supplyAsync(() -> validClient(server.url()));

                Random random = new Random(SEED);
                Map<Integer, Integer> statuses = new TreeMap<>();
                for (int i = 0; i < MESSAGES; i++) {
                    byte[] body = message(random);
                    boolean withSession = random.nextBoolean();
                    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + TOKEN)
                            .header("Accept", "application/json, text/event-stream")
                            .header("Content-Type", random.nextInt(10) == 0 ? "text/plain" : "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                    if (withSession) {
                        request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-06-18");
                    }
                    HttpResponse<String> response;
                    try {
                        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    } catch (java.io.IOException e) {
                        throw new AssertionError("message " + i + " of seed " + SEED + " (" + preview(body) + "): " + e, e);
                    }
                    String what = "message " + i + " of seed " + SEED + " (" + preview(body) + "): HTTP " + response.statusCode()
                            + " " + preview(response.body().getBytes(StandardCharsets.UTF_8));
                    assertThat(response.statusCode()).as(what).isLessThan(500);
                    assertThat(response.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                }
                System.out.println("FuzzIT: " + MESSAGES + " messages, answers by HTTP status: " + statuses);

                JsonNode besideResults = beside.get(120, TimeUnit.SECONDS);
                besideResults.forEach(r -> assertThat(r.path("value").path("isError").asBoolean()).as("%s", r).isFalse());
                assertThat(validClient(server.url())).as("still serving after").allSatisfy(
                        r -> assertThat(r.path("ok").asBoolean()).isTrue());
            }
        }
    }

    /** A real client making real calls, one after another, while the fuzzing goes on. */
    private static JsonNode validClient(String url) {
        Scenario scenario = Scenario.http(url, TOKEN);
        for (int i = 0; i < 30; i++) {
            scenario.call("search_bugs_by_keyword", Map.of("keyword", i % 2 == 0 ? "crash" : "memory leak"));
        }
        JsonNode results = scenario.run();
        assertThat(results.size()).isEqualTo(30);
        return results;
    }

    private String openSession(URI url) throws Exception {
        HttpResponse<String> init = http.send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(VALID.get(4))).build(), HttpResponse.BodyHandlers.ofString());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        http.send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + TOKEN).header("Mcp-Session-Id", session)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-06-18")
                .POST(HttpRequest.BodyPublishers.ofString(VALID.get(5))).build(), HttpResponse.BodyHandlers.ofString());
        return session;
    }

    /** One bad (or, by chance, good) message. */
    static byte[] message(Random random) {
        String valid = VALID.get(random.nextInt(VALID.size()));
        return switch (random.nextInt(10)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8); // truncated
            case 1 -> {
                byte[] junk = new byte[random.nextInt(300)];
                random.nextBytes(junk);
                yield junk;
            }
            case 2 -> nested(random).getBytes(StandardCharsets.UTF_8);
            case 3 -> ("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"search_bugs_by_keyword\","
                    + "\"arguments\":{\"keyword\":\"" + "x".repeat(1_100_000 + random.nextInt(1000)) + "\"}}}")
                    .getBytes(StandardCharsets.UTF_8); // oversized
            case 4 -> retyped(random, valid).getBytes(StandardCharsets.UTF_8);
            case 5 -> flipped(random, valid).getBytes(StandardCharsets.UTF_8);
            case 6 -> ("[" + valid + "," + VALID.get(random.nextInt(VALID.size())) + "]").getBytes(StandardCharsets.UTF_8);
            case 7 -> ("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\""
                    + List.of("search_bugs_by_keyword", "get_bug_details", "no_such_tool", "", "../x").get(random.nextInt(5))
                    + "\",\"arguments\":" + ODD_VALUES.get(random.nextInt(ODD_VALUES.size())) + "}}")
                    .getBytes(StandardCharsets.UTF_8);
            case 8 -> ODD_VALUES.get(random.nextInt(ODD_VALUES.size())).getBytes(StandardCharsets.UTF_8);
            default -> ("{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"ping\",\"params\":{\"_meta\":"
                    + ODD_VALUES.get(random.nextInt(ODD_VALUES.size())) + "}}").getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String nested(Random random) {
        int depth = List.of(100, 1_000, 10_000, 100_000).get(random.nextInt(4));
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String inner = open.repeat(depth) + "1" + (random.nextBoolean() ? close.repeat(depth) : "");
        return "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"search_bugs_by_keyword\","
                + "\"arguments\":{\"keyword\":" + inner + "}}}";
    }

    /** Replaces one value of the message (id, method, params, jsonrpc) with a value of the wrong type. */
    private static String retyped(Random random, String valid) {
        String odd = ODD_VALUES.get(random.nextInt(ODD_VALUES.size()));
        return switch (random.nextInt(4)) {
            case 0 -> valid.replaceFirst("\"id\":(\\d+|\"x\")", "\"id\":" + java.util.regex.Matcher.quoteReplacement(odd));
            case 1 -> valid.replaceFirst("\"method\":\"[^\"]*\"", "\"method\":" + java.util.regex.Matcher.quoteReplacement(odd));
            case 2 -> valid.replaceFirst("\"jsonrpc\":\"2.0\"", "\"jsonrpc\":" + java.util.regex.Matcher.quoteReplacement(odd));
            default -> valid.contains("\"params\":") ? valid.replaceFirst("\"params\":\\{.*\\}\\}$",
                    "\"params\":" + java.util.regex.Matcher.quoteReplacement(odd) + "}") : valid;
        };
    }

    private static String flipped(Random random, String valid) {
        char[] chars = valid.toCharArray();
        for (int n = 0; n < 3; n++) {
            chars[random.nextInt(chars.length)] = (char) (32 + random.nextInt(95));
        }
        return new String(chars);
    }

    private static String preview(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 120), StandardCharsets.UTF_8).replaceAll("[^\\x20-\\x7E]", "?");
        return bytes.length > 120 ? text + "... (" + bytes.length + " bytes)" : text;
    }
}
