package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * HTTP mode against the security guide and the transport checklist of mcp-security.md §6, each server
 * started as a user would start it. Every server's stderr is kept, and checked at the end: no token, no
 * Cisco secret or access token in any line, and the guide's six fields on every JSON log line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpSecurityIT {
    static final String TOKEN_A = "tokenA-0123456789abcdefghijklmnop";
    static final String TOKEN_B = "tokenB-0123456789abcdefghijklmnop";
    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    static final String PING = "{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":1}";
    static final List<String> SECRETS = List.of(TOKEN_A, TOKEN_B, "sandbox-client-secret", "sbx.");
    static final List<String> HEADERS = List.of("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options",
            "Referrer-Policy", "Permissions-Policy", "Cache-Control");

    final CiscoSandbox cisco = new CiscoSandbox();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final List<HttpServerProcess> servers = new ArrayList<>();
    HttpServerProcess main;

    HttpServerProcess start(Map<String, String> extra, String... args) throws IOException {
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.putAll(extra);
        HttpServerProcess server = new HttpServerProcess(env, args);
        servers.add(server);
        return server;
    }

    @BeforeAll
    void startMain() throws IOException {
        // A high lockout threshold: several tests here send wrong tokens on purpose.
        main = start(Map.of("MCP_BEARER_TOKEN", TOKEN_A + " , " + TOKEN_B, "MCP_LOCKOUT_FAILURES", "1000"));
    }

    @AfterAll
    void stopAllAndCheckTheLogs() {
        servers.forEach(HttpServerProcess::close);
        cisco.close();
        for (HttpServerProcess server : servers) {
            // The start banner is the console hint for the person who started a loopback server: on loopback outside
            // production its Claude Desktop entry carries MCP_BEARER_TOKEN, so that it works as pasted
            // (McpRemoteIT). Everything logged after it must never carry a secret.
            String all = server.stderr();
            int listening = all.indexOf("Listening on ");
            String log = listening < 0 ? all : all.substring(listening);
            for (String secret : SECRETS) {
                assertThat(log).as("server log").doesNotContain(secret);
            }
            for (String line : log.split("\n")) {
                if (line.startsWith("{")) {
                    JsonNode event = Json.MAPPER.readTree(line);
                    for (String field : List.of("timestamp", "level", "message", "ip", "userAgent", "endpoint")) {
                        assertThat(event.has(field)).as("%s in %s", field, line).isTrue();
                    }
                    assertThat(event.path("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
                }
            }
        }
    }

    HttpRequest.Builder post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static void hasSecurityHeaders(HttpResponse<?> response) {
        for (String header : HEADERS) {
            assertThat(response.headers().firstValue(header)).as("%s on %d", header, response.statusCode()).isPresent();
        }
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void theGuidesTwoCurlExamplesWorkVerbatim() throws Exception {
        // curl -H "Authorization: Bearer your_token_here" -X POST http://localhost:3000/mcp -H "Content-Type: application/json" -d '...'
        String url = main.url().replace("127.0.0.1", "localhost");
        HttpResponse<String> header = send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN_A)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(PING)).build());
        assertThat(header.statusCode()).isEqualTo(200);
        assertThat(header.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
        // curl -X POST "http://localhost:3000/mcp?token=your_token_here" -H "Content-Type: application/json" -d '...'
        HttpResponse<String> query = send(HttpRequest.newBuilder(URI.create(url + "?token=" + TOKEN_B))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(PING)).build());
        assertThat(query.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(query.body()).path("result").isObject()).isTrue();
        hasSecurityHeaders(query);
    }

    @Test
    void badTokensAreAll401NeverA500() throws Exception {
        URI url = URI.create(main.url());
        assertThat(send(post(main.url(), PING).build()).statusCode()).isEqualTo(401);
        assertThat(send(post(main.url(), PING).header("Authorization", "Bearer wrong").build()).statusCode()).isEqualTo(401);
        assertThat(send(post(main.url(), PING).header("Authorization", "Bearer ").build()).statusCode()).isEqualTo(401);
        assertThat(send(post(main.url(), PING).header("Authorization", "Basic " + TOKEN_A).build()).statusCode()).isEqualTo(401);
        assertThat(send(post(main.url(), PING).header("Authorization", "Bearer " + "x".repeat(5000)).build()).statusCode())
                .isEqualTo(401);
        assertThat(send(post(main.url() + "?token=%C3%A4%00", PING).build()).statusCode()).isEqualTo(401);
        assertThat(send(post(main.url() + "?access_token=" + TOKEN_A, PING).build()).statusCode()).isEqualTo(401);
        assertThat(RawHttp.status(url, "Authorization: Bearer t\u00e4\u00df\u20ac\r\n", PING)).isEqualTo(401);
        assertThat(RawHttp.status(url, "Authorization: Bearer " + "y".repeat(20_000) + "\r\n", PING)).isEqualTo(431);
        HttpResponse<String> response = send(post(main.url(), PING).header("Authorization", "bEaReR " + TOKEN_A).build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RawHttp.status(url, "Authorization: Bearer " + TOKEN_A + "\r\n", INITIALIZE))
                .as("a client that sends no User-Agent (raw socket) can open a session").isEqualTo(200);
    }

    @Test
    void a401SaysHowAndCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> missing = send(post(main.url(), PING).build());
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"cisco-support-mcp\"");
        assertThat(Json.MAPPER.readTree(missing.body()).path("message").asString()).contains("Authorization: Bearer");
        hasSecurityHeaders(missing);
        HttpResponse<String> wrong = send(post(main.url(), PING).header("Authorization", "Bearer nope-nope").build());
        assertThat(wrong.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"cisco-support-mcp\", error=\"invalid_token\"");
        assertThat(main.stderrOnceItHas("\"message\":\"Invalid token attempt\"")).contains("\"message\":\"Invalid token attempt\"").doesNotContain("nope-nope");
    }

    @Test
    void everyEndpointButHealthNeedsTheToken() throws Exception {
        String base = main.url().replace("/mcp", "");
        for (String path : List.of("/", "/mcp", "/admin", "/health/../mcp")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
            assertThat(response.statusCode()).as(path).isEqualTo(401);
        }
        HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(base + "/health")).GET().build());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
        hasSecurityHeaders(health);
        HttpResponse<String> notFound = send(HttpRequest.newBuilder(URI.create(base + "/nothing"))
                .header("Authorization", "Bearer " + TOKEN_A).GET().build());
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).doesNotContain("<html").contains("jsonrpc");
        hasSecurityHeaders(notFound);
    }

    @Test
    void aSessionCannotBeContinuedWithAnotherTokenOrWithout() throws Exception {
        HttpResponse<String> init = send(post(main.url(), INITIALIZE).header("Authorization", "Bearer " + TOKEN_A).build());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
        HttpResponse<String> other = send(post(main.url(), list).header("Authorization", "Bearer " + TOKEN_B)
                .header("Mcp-Session-Id", session).build());
        assertThat(other.statusCode()).isEqualTo(403);
        hasSecurityHeaders(other);
        HttpResponse<String> none = send(post(main.url(), list).header("Mcp-Session-Id", session).build());
        assertThat(none.statusCode()).isEqualTo(401);
        HttpResponse<String> own = send(post(main.url(), list).header("Authorization", "Bearer " + TOKEN_A)
                .header("Mcp-Session-Id", session).build());
        assertThat(own.statusCode()).isEqualTo(200);
        hasSecurityHeaders(own);
    }

    @Test
    void foreignAndLookAlikeOriginsAndHostsGet403BeforeAnythingElse() throws Exception {
        for (String origin : List.of("http://evil.example", "http://localhost.evil.example", "http://127.0.0.1.evil.example",
                "http://evil.example/localhost", "null")) {
            HttpResponse<String> response = send(post(main.url(), PING).header("Authorization", "Bearer " + TOKEN_A)
                    .header("Origin", origin).build());
            assertThat(response.statusCode()).as(origin).isEqualTo(403);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            hasSecurityHeaders(response);
        }
        int port = URI.create(main.url()).getPort();
        assertThat(RawHttp.status(URI.create(main.url()), "Host: evil.example:" + port + "\r\nAuthorization: Bearer "
                + TOKEN_A + "\r\n", PING)).isIn(400, 403);
        for (String origin : List.of("http://localhost:" + port, "http://127.0.0.1:6274", "http://[::1]:8080")) {
            HttpResponse<String> response = send(post(main.url(), PING).header("Authorization", "Bearer " + TOKEN_A)
                    .header("Origin", origin).build());
            assertThat(response.statusCode()).as(origin).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
            assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
            assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("Mcp-Session-Id");
        }
    }

    @Test
    void preflightIsAnsweredWithoutATokenForAllowedOriginsOnly() throws Exception {
        HttpRequest.Builder preflight = HttpRequest.newBuilder(URI.create(main.url()))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, mcp-session-id");
        HttpResponse<String> allowed = send(preflight.copy().header("Origin", "http://localhost:6274").build());
        assertThat(allowed.statusCode()).isEqualTo(204);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:6274");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).contains("Authorization");
        hasSecurityHeaders(allowed);
        // Every header an MCP client may send is allowed: this server's toolset header, and 2026-07-28's.
        HttpResponse<String> modern = send(preflight.copy().header("Origin", "http://localhost:6274")
                .setHeader("Access-Control-Request-Headers", "authorization, x-mcp-toolsets, mcp-method, mcp-name,"
                        + " mcp-param-region, mcp-param-not_a_token")
                .build());
        assertThat(modern.statusCode()).isEqualTo(204);
        assertThat(modern.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase(Locale.ROOT))
                .contains("x-mcp-toolsets", "mcp-method", "mcp-name", "mcp-param-region").doesNotContain("not_a_token");
        HttpResponse<String> refused = send(preflight.copy().header("Origin", "https://evil.example").build());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void anUnknownProtocolVersionIs400AndSessionIdsAreUnguessable() throws Exception {
        HttpResponse<String> bogus = send(post(main.url(), PING).header("Authorization", "Bearer " + TOKEN_A)
                .header("MCP-Protocol-Version", "1999-01-01").build());
        assertThat(bogus.statusCode()).isEqualTo(400);
        assertThat(bogus.body()).contains("Unsupported MCP-Protocol-Version");
        hasSecurityHeaders(bogus);
        assertThat(send(post(main.url(), PING).header("Authorization", "Bearer " + TOKEN_A)
                .header("MCP-Protocol-Version", "2025-06-18").build()).statusCode()).isEqualTo(200);
        java.util.Set<String> sessions = new java.util.HashSet<>();
        for (int i = 0; i < 5; i++) {
            String id = send(post(main.url(), INITIALIZE).header("Authorization", "Bearer " + TOKEN_A).build())
                    .headers().firstValue("Mcp-Session-Id").orElseThrow();
            // The SDK's session IDs are random UUIDs (122 random bits from SecureRandom), visible ASCII.
            assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            sessions.add(id);
        }
        assertThat(sessions).hasSize(5);
    }

    @Test
    void oversizedBodiesAre413() throws Exception {
        // Over the 1 MiB limit but within twice it: read and dropped, so a client that writes its whole body before
        // reading (as the JDK's does) gets the 413 rather than a reset connection.
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(1536 * 1024) + "\"}}";
        HttpResponse<String> response = send(post(main.url(), big).header("Authorization", "Bearer " + TOKEN_A).build());
        assertThat(response.statusCode()).isEqualTo(413);
        hasSecurityHeaders(response);
        // Far over it: answered from the declared length alone, before any of the body is read.
        assertThat(RawHttp.status(URI.create(main.url()), "Authorization: Bearer " + TOKEN_A + "\r\n", 50L * 1024 * 1024,
                new byte[0])).isEqualTo(413);
    }

    @Test
    void theQueryTokenCanBeSwitchedOff() throws Exception {
        HttpServerProcess server = start(Map.of("MCP_BEARER_TOKEN", TOKEN_A, "MCP_ALLOW_QUERY_TOKEN", "false"));
        assertThat(send(post(server.url() + "?token=" + TOKEN_A, PING).build()).statusCode()).isEqualTo(401);
        assertThat(send(post(server.url(), PING).header("Authorization", "Bearer " + TOKEN_A).build()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void productionCorsAllowsOnlyTheListedOrigins() throws Exception {
        HttpServerProcess server = start(Map.of("MCP_BEARER_TOKEN", TOKEN_A, "NODE_ENV", "production",
                "MCP_ALLOWED_ORIGINS", "https://app.example.com"));
        HttpRequest.Builder request = post(server.url(), PING).header("Authorization", "Bearer " + TOKEN_A);
        HttpResponse<String> listed = send(request.copy().header("Origin", "https://app.example.com").build());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
        for (String origin : List.of("http://localhost:6274", "https://app.example.com.evil.example", "http://app.example.com")) {
            assertThat(send(request.copy().header("Origin", origin).build()).statusCode()).as(origin).isEqualTo(403);
        }
        assertThat(send(request.copy().build()).statusCode()).isEqualTo(200); // no Origin: not a browser
    }

    @Test
    void excessRequestsGet429WithRetryAfter() throws Exception {
        HttpServerProcess server = start(Map.of("MCP_BEARER_TOKEN", TOKEN_A, "MCP_RATE_LIMIT", "0.5", "MCP_RATE_BURST", "3"));
        HttpRequest request = post(server.url(), PING).header("Authorization", "Bearer " + TOKEN_A).build();
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 5; i++) {
            last = send(request);
            statuses.add(last.statusCode());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 2L);
        assertThat(Json.MAPPER.readTree(last.body()).path("error").path("message").asString()).contains("Rate limit");
        hasSecurityHeaders(last);
        assertThat(server.stderrOnceItHas("\"message\":\"Rate limit exceeded\"")).contains("\"message\":\"Rate limit exceeded\"");
    }

    @Test
    void aClientThatStallsMidRequestIsCutOff() throws Exception {
        HttpServerProcess server = start(Map.of("MCP_BEARER_TOKEN", TOKEN_A, "MCP_IDLE_TIMEOUT_SECONDS", "1"));
        URI url = URI.create(server.url());
        try (java.net.Socket socket = new java.net.Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long started = System.nanoTime();
            byte[] answer = socket.getInputStream().readAllBytes(); // ends when the server closes the connection
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(10);
            assertThat(new String(answer, StandardCharsets.ISO_8859_1)).doesNotContain("200 OK");
        }
    }

    @Test
    void aFloodOfNewSessionsFromOneClientIsLimited() throws Exception {
        HttpServerProcess server = start(Map.of("MCP_BEARER_TOKEN", TOKEN_A, "MCP_MAX_NEW_SESSIONS_PER_MINUTE", "2"));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(send(post(server.url(), INITIALIZE).header("Authorization", "Bearer " + TOKEN_A).build()).statusCode());
        }
        assertThat(statuses).containsExactly(200, 200, 429);
        assertThat(server.stderrOnceItHas("too many new sessions")).contains("too many new sessions");
    }

    @Test
    void securityEventsCanAlsoGoToAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("security.log");
        HttpServerProcess server = start(Map.of("MCP_BEARER_TOKEN", TOKEN_A, "MCP_SECURITY_LOG_FILE", file.toString()));
        assertThat(send(post(server.url(), PING).header("Authorization", "Bearer not-it").build()).statusCode()).isEqualTo(401);
        // A security event is written before the answer goes out.
        assertThat(Files.readAllLines(file)).anyMatch(l -> l.contains("\"message\":\"Invalid token attempt\"")
                && l.contains("\"ip\":\"127.0.0.1\""));
        // The access log's line for that request is written a moment later, and at the latest when the server stops.
        assertThat(server.terminate(20)).isIn(0, 143);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).anyMatch(l -> l.contains("\"message\":\"request\"") && l.contains("\"status\":401"));
        assertThat(lines).allMatch(l -> l.startsWith("{\"timestamp\":")).noneMatch(l -> l.contains("not-it"));
    }

    @Test
    void repeatedFailuresBlockWrongTokensFromTheAddressButNeverTheRightOne() throws Exception {
        HttpServerProcess server = start(Map.of("MCP_BEARER_TOKEN", TOKEN_A, "MCP_LOCKOUT_FAILURES", "3"));
        for (int i = 0; i < 3; i++) {
            assertThat(send(post(server.url(), PING).header("Authorization", "Bearer guess-" + i).build()).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> blocked = send(post(server.url(), PING).header("Authorization", "Bearer guess-4").build());
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        // Whoever shares the address (a desktop's other clients, a NAT, a load balancer) keeps working with the right token.
        assertThat(send(post(server.url(), PING).header("Authorization", "Bearer " + TOKEN_A).build()).statusCode())
                .isEqualTo(200);
        // A request without any token is never a failed login: it neither counts nor is blocked.
        assertThat(send(post(server.url(), PING).build()).statusCode()).isEqualTo(401);
        assertThat(server.stderrOnceItHas("Address blocked after repeated authentication failures")).contains("Address blocked after repeated authentication failures");
    }

    @Test
    void tokenFileRotationAddsAndRevokesWithoutDroppingOtherSessions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokens");
        String hashOfB = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(TOKEN_B.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(file, TOKEN_A + " first-token\n");
        // Polling until the file is re-read sends not-yet-valid tokens: the lockout is not what this test is about.
        HttpServerProcess server = start(Map.of("MCP_BEARER_TOKEN_FILE", file.toString(), "MCP_LOCKOUT_FAILURES", "1000"));
        assertThat(server.stderr()).contains("first-token").doesNotContainPattern("Token: [A-Za-z0-9]{32}");
        HttpResponse<String> init = send(post(server.url(), INITIALIZE).header("Authorization", "Bearer " + TOKEN_A).build());
        String sessionA = init.headers().firstValue("Mcp-Session-Id").orElseThrow();

        Files.writeString(file, TOKEN_A + " first-token\nsha256:" + hashOfB + " second-token\n");
        awaitStatus(server, TOKEN_B, 200);
        HttpResponse<String> initB = send(post(server.url(), INITIALIZE).header("Authorization", "Bearer " + TOKEN_B).build());
        String sessionB = initB.headers().firstValue("Mcp-Session-Id").orElseThrow();

        Files.writeString(file, "sha256:" + hashOfB + " second-token\n");
        awaitStatus(server, TOKEN_A, 401);
        String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
        assertThat(send(post(server.url(), list).header("Authorization", "Bearer " + TOKEN_A)
                .header("Mcp-Session-Id", sessionA).build()).statusCode()).isEqualTo(401);
        HttpResponse<String> stillUp = send(post(server.url(), list).header("Authorization", "Bearer " + TOKEN_B)
                .header("Mcp-Session-Id", sessionB).build());
        assertThat(stillUp.statusCode()).isEqualTo(200);
        assertThat(stillUp.body()).contains("search_bugs_by_keyword");
        assertThat(server.stderrOnceItHas("\"tokenLabel\":\"second-token\"")).contains("second-token").contains("\"tokenLabel\":\"second-token\"");
    }

    /** Polls (bounded: 10 s) until a ping with {@code token} answers {@code status}: the file is re-read every second. */
    private void awaitStatus(HttpServerProcess server, String token, int status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int last;
        do {
            last = send(post(server.url(), PING).header("Authorization", "Bearer " + token).build()).statusCode();
            if (last == status) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(last).as("status for the token after 10 s").isEqualTo(status);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithoutAuthentication {
        @Test
        void omitAuthWorksOnLoopbackInDevelopmentWithALoudWarning() throws Exception {
            HttpServerProcess server = start(Map.of("DANGEROUSLY_OMIT_AUTH", "true"));
            assertThat(server.stderr()).contains("WARNING: DANGEROUSLY_OMIT_AUTH=true").doesNotContain("Token:")
                    .contains("\"message\":\"Authentication disabled\"");
            assertThat(send(post(server.url(), PING).build()).statusCode()).isEqualTo(200);
            JsonNode call = Scenario.http(server.url(), null).call("search_bugs_by_keyword", Map.of("keyword", "crash"))
                    .run().path(0);
            assertThat(call.path("value").path("isError").asBoolean()).as("a whole session without a token: %s", call)
                    .isFalse();
        }

        @Test
        void omitAuthIsRefusedInProductionAndOnOtherAddresses() throws Exception {
            assertRefused(Map.of("DANGEROUSLY_OMIT_AUTH", "true", "NODE_ENV", "production"),
                    "DANGEROUSLY_OMIT_AUTH=true is refused when NODE_ENV=production");
            assertRefused(Map.of("DANGEROUSLY_OMIT_AUTH", "true", "HOST", "0.0.0.0"),
                    "DANGEROUSLY_OMIT_AUTH=true is refused with HOST=0.0.0.0");
        }

        private void assertRefused(Map<String, String> env, String message) throws Exception {
            ProcessBuilder builder = new ProcessBuilder(McpJar.command("--http", "--port", "0"));
            McpJar.prepare(builder.environment(), env);
            Process process = builder.redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(2);
            assertThat(output).contains(message).doesNotContain("Listening on");
        }
    }

    @Test
    void ciscoErrorsAndTimeoutsAreSecurityEventsWithTheCaller() throws Exception {
        cisco.server.faults().inject(dev.ciscosupport.mcp.sandbox.Fault.GATEWAY_TIMEOUT, CiscoSandbox.ATTEMPTS);
        JsonNode result = Scenario.http(main.url(), TOKEN_A).call("search_bugs_by_keyword", Map.of("keyword", "timeout"))
                .run().path(0);
        assertThat(BugToolsContract.errorText(result)).contains("HTTP 504");
        String event = main.stderrOnceItHas("\"message\":\"Cisco API error\"").lines().filter(l -> l.contains("\"message\":\"Cisco API error\"")).findFirst()
                .orElseThrow();
        JsonNode json = Json.MAPPER.readTree(event);
        assertThat(json.path("level").asString()).isEqualTo("warn");
        assertThat(json.path("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(json.path("endpoint").asString()).isEqualTo("tools/call search_bugs_by_keyword");
        assertThat(json.path("reason").asString()).isEqualTo("Unavailable");
        assertThat(json.path("tokenLabel").asString()).startsWith("token:");
        assertThat(json.path("sessionId").asString()).isNotBlank();
    }

    @Test
    void aGeneratedTokenIsShownOnceOnStderrAndNeverInTheJsonLogs() throws Exception {
        HttpServerProcess server = start(Map.of());
        String stderr = server.stderr();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Token: ([A-Za-z0-9]{32})").matcher(stderr);
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        assertThat(send(post(server.url(), PING).header("Authorization", "Bearer " + token).build()).statusCode())
                .isEqualTo(200);
        assertThat(send(post(server.url() + "?token=" + token, PING).build()).statusCode()).isEqualTo(200);
        // Shown in the start-up hints (the Token line, the curl example, the Claude snippet), never after them: not in
        // the access log's lines, written a moment after the answers.
        String later = server.stderrOnceItHas("\"path\":\"/mcp?token=");
        assertThat(later.lastIndexOf(token)).isLessThan(later.indexOf("Listening on"));
        assertThat(later.lines().filter(l -> l.startsWith("{"))).isNotEmpty().noneMatch(l -> l.contains(token));
    }
}
