package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Streamable HTTP as plain HTTP sees it (sessions, SSE, DELETE, Host/Origin checks, the bearer token,
 * error bodies), and two real MCP clients at once that each get only their own answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpTransportIT {
    private static final String TOKEN = "http-it-token-abcdefghijklmnopqrstuv";
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    private final CiscoSandbox cisco = new CiscoSandbox();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private HttpServerProcess server;

    @BeforeAll
    void start() throws Exception {
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("MCP_BEARER_TOKEN", TOKEN);
        server = new HttpServerProcess(env);
    }

    @AfterAll
    void stop() {
        server.close();
        cisco.close();
    }

    private HttpRequest.Builder post(String body) {
        return HttpRequest.newBuilder(URI.create(server.url())).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String newSession() throws Exception {
        HttpResponse<String> init = send(post(INITIALIZE).header("Authorization", "Bearer " + TOKEN).build());
        assertThat(init.statusCode()).isEqualTo(200);
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        send(post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                .header("Authorization", "Bearer " + TOKEN).header("Mcp-Session-Id", session).build());
        return session;
    }

    @Test
    void withoutATokenItIs401WithWwwAuthenticate() throws Exception {
        HttpResponse<String> none = send(post(INITIALIZE).build());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer realm=");
        assertThat(Json.MAPPER.readTree(none.body()).path("error").asString()).isEqualTo("unauthorized");
        HttpResponse<String> wrong = send(post(INITIALIZE).header("Authorization", "Bearer nope").build());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
        assertThat(server.stderr()).doesNotContain("nope");
    }

    @Test
    void theTokenWorksInTheHeaderAnySchemeCaseAndAsTheGuidesQueryFallback() throws Exception {
        assertThat(send(post(INITIALIZE).header("Authorization", "bearer " + TOKEN).build()).statusCode()).isEqualTo(200);
        HttpRequest query = HttpRequest.newBuilder(URI.create(server.url() + "?token=" + TOKEN))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build();
        assertThat(send(query).statusCode()).isEqualTo(200);
    }

    @Test
    void healthIsOpenAndSaysOnlyOk() throws Exception {
        URI health = URI.create(server.url().replace("/mcp", "/health"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(health).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void foreignOriginsAndHostsAreRefusedBeforeMcp() throws Exception {
        for (String origin : List.of("http://evil.example", "http://localhost.evil.example", "http://127.0.0.1.evil.example")) {
            HttpResponse<String> response = send(post(INITIALIZE).header("Authorization", "Bearer " + TOKEN)
                    .header("Origin", origin).build());
            assertThat(response.statusCode()).as(origin).isEqualTo(403);
            assertThat(response.body()).doesNotContain("stackTrace", "Exception");
        }
        int port = URI.create(server.url()).getPort();
        assertThat(send(post(INITIALIZE).header("Authorization", "Bearer " + TOKEN)
                .header("Origin", "http://localhost:" + port).build()).statusCode()).isEqualTo(200);
    }

    @Test
    void sessionErrorsAreCleanJsonRpcErrors() throws Exception {
        HttpResponse<String> unknown = send(post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}")
                .header("Authorization", "Bearer " + TOKEN).header("Mcp-Session-Id", "no-such-session").build());
        assertThat(unknown.statusCode()).isEqualTo(404);
        JsonNode body = Json.MAPPER.readTree(unknown.body());
        assertThat(body.path("jsonrpc").asString()).isEqualTo("2.0");
        assertThat(body.path("error").path("message").asString()).isNotBlank();
        assertThat(unknown.body()).doesNotContain("stackTrace", "Exception", "\tat ");

        HttpResponse<String> noSession = send(post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}")
                .header("Authorization", "Bearer " + TOKEN).build());
        assertThat(noSession.statusCode()).isEqualTo(400);
        assertThat(noSession.body()).doesNotContain("stackTrace");
    }

    @Test
    void aGetStreamOpensAtOnceAndDeleteEndsTheSession() throws Exception {
        String session = newSession();
        HttpRequest get = HttpRequest.newBuilder(URI.create(server.url())).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + TOKEN).header("Mcp-Session-Id", session).GET().build();
        // Headers must arrive without waiting for a first event; the timeout makes a hang fail the test.
        HttpResponse<InputStream> stream = http.sendAsync(get, HttpResponse.BodyHandlers.ofInputStream())
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        stream.body().close();

        HttpRequest delete = HttpRequest.newBuilder(URI.create(server.url())).header("Authorization", "Bearer " + TOKEN)
                .header("Mcp-Session-Id", session).DELETE().build();
        assertThat(send(delete).statusCode()).isEqualTo(200);
        HttpResponse<String> after = send(post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}")
                .header("Authorization", "Bearer " + TOKEN).header("Mcp-Session-Id", session).build());
        assertThat(after.statusCode()).isEqualTo(404);
    }

    @Test
    void twoConcurrentSessionsGetOnlyTheirOwnAnswers() throws Exception {
        Scenario keyword = Scenario.http(server.url(), TOKEN).parallel();
        Scenario product = Scenario.http(server.url(), TOKEN).parallel();
        for (int page = 1; page <= 8; page++) {
            keyword.call("search_bugs_by_keyword", Map.of("keyword", "BGP", "modified_date", "5", "page_index", page));
            product.call("search_bugs_by_product_id", Map.of("base_pid", "N9K-C93180YC-EX", "modified_date", "5",
                    "page_index", page));
        }
        CompletableFuture<JsonNode> a = CompletableFuture.supplyAsync(keyword::report);
        CompletableFuture<JsonNode> b = CompletableFuture.supplyAsync(product::report);
        JsonNode first = a.get();
        JsonNode second = b.get();
        assertThat(first.path("sessionId").asString()).isNotEqualTo(second.path("sessionId").asString());
        checkOwnAnswers(first.path("results"), "keyword \"BGP\"", "/bug/v2.0/bugs/keyword/BGP?modified_date=5");
        checkOwnAnswers(second.path("results"), "product ID N9K-C93180YC-EX",
                "/bug/v2.0/bugs/products/product_id/N9K-C93180YC-EX?modified_date=5");
    }

    private void checkOwnAnswers(JsonNode results, String subject, String ciscoPath) {
        assertThat(results.size()).isEqualTo(8);
        List<String> pagesSeen = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            JsonNode answer = BugToolsContract.structured(results.path(i));
            assertThat(answer.path("search").path("subject").asString()).isEqualTo(subject);
            int page = answer.path("page").path("page_index").asInt();
            assertThat(page).isEqualTo(i + 1);
            assertThat(CiscoSandbox.ids(answer)).containsExactlyElementsOf(cisco.bugIds(ciscoPath + "&page_index=" + page));
            pagesSeen.add(String.valueOf(page));
        }
        assertThat(pagesSeen).hasSize(8);
    }
}
