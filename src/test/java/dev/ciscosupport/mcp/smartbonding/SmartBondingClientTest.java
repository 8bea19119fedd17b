package dev.ciscosupport.mcp.smartbonding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciscosupport.mcp.MutableClock;
import dev.ciscosupport.mcp.cisco.CiscoHttp;
import dev.ciscosupport.mcp.cisco.CiscoTokenSource;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.resilience.QuotaLimiter;
import dev.ciscosupport.mcp.cisco.resilience.TimeSource;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The Smart Bonding client against the sandbox: a ticket's life as messages, each way Smart Bonding refuses, the token
 * renewed once when Smart Bonding stops taking it, the routing codes' pages, and the file drive.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmartBondingClientTest {
    private final SandboxServer sandbox = SandboxServer.startOnLoopback();
    private final CiscoHttp http = new CiscoHttp(Duration.ofSeconds(5));
    private final CiscoHttp tokenHttp = new CiscoHttp(Duration.ofSeconds(5));
    private final MutableClock clock = MutableClock.at2026();

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private SmartBondingClient client(String secret) {
        CiscoTokenSource tokens = new CiscoTokenSource(tokenHttp, sandbox.tokenUrl(), SandboxServer.CLIENT_ID, secret, clock,
                Duration.ofSeconds(5), CiscoTokenSource.Settings.SMART_BONDING);
        return new SmartBondingClient(http, sandbox.smartBondingBase(), sandbox.apiBaseUrl(), tokens, Optional.empty(),
                new QuotaLimiter(Map.of(), Duration.ofSeconds(5), TimeSource.SYSTEM), Duration.ofSeconds(5));
    }

    private final SmartBondingClient client = client(SandboxServer.CLIENT_SECRET);

    private static CallContext call() {
        return new CallContext("test", CallContext.Listener.NONE);
    }

    /** Creates a ticket and pulls until Cisco's acknowledgement of it. */
    private PulledMessage created(String custCallId) {
        client.push(TicketMessages.create(custCallId, "Title " + custCallId, null,
                new TicketMessages.Contact("Ana Silva", "ana@example.com", null), "3", null, null, null), "corr-1", call());
        for (int i = 0; i < 20; i++) {
            Optional<JsonNode> next = client.pull("corr-2", call());
            assertThat(next).as("Cisco's acknowledgement of %s", custCallId).isPresent();
            PulledMessage read = PulledMessage.of(next.get());
            if (read.custCallId().equals(custCallId) && read.upload().isPresent()) {
                return read;
            }
        }
        throw new AssertionError("no acknowledgement of " + custCallId);
    }

    private void drain() {
        while (client.pull("drain", call()).isPresent()) {
            // messages of earlier tests
        }
    }

    @Test
    void aTicketIsAcknowledgedWithItsCaseAndEachChangeAnsweredByPullOnce() {
        PulledMessage ack = created("INC-LIFE");
        assertThat(ack.ciscoCase()).matches("\\d{9}");
        assertThat(ack.remarks()).contains("CSOne Case ID: " + ack.ciscoCase());
        drain();
        client.push(TicketMessages.escalate("INC-LIFE", "Outage spreading", "3"), "corr-3", call());
        PulledMessage answer = PulledMessage.of(client.pull("corr-4", call()).orElseThrow());
        assertThat(answer.priority()).isEqualTo("Escalated");
        assertThat(answer.ciscoCase()).isEqualTo(ack.ciscoCase());
        assertThat(client.pull("corr-5", call())).as("each message is handed out once; then 204").isEmpty();
        client.push(TicketMessages.close("INC-LIFE", "Upgraded", null), "corr-6", call());
        assertThat(PulledMessage.of(client.pull("corr-7", call()).orElseThrow()).state()).isEqualTo("Closed");
        assertThat(sandbox.smartBondingRequests()).extracting(SandboxServer.SmartBondingRequest::correlationId)
                .contains("corr-1", "corr-3", "corr-6").doesNotContainNull();
        assertThatThrownBy(() -> client.push(TicketMessages.update("INC-LIFE", "again?", null), "corr-8", call()))
                .isInstanceOf(CiscoException.Rejected.class).hasMessage("Cisco's Smart Bonding API refused the message"
                        + " (HTTP 400: Ticket INC-LIFE is closed); correct it and send it again.");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({
        "400, Rejected, 'Cisco''s Smart Bonding API refused the message (HTTP 400: Refused by the sandbox); correct it and send it again.'",
        "403, NotEntitled, 'Cisco''s Smart Bonding API refused these credentials (HTTP 403: Refused by the sandbox): ask Cisco''s Smart Bonding team to enable this connection for the call.'",
        "404, Rejected, 'Cisco''s Smart Bonding API does not know that ticket (HTTP 404: Refused by the sandbox).'",
        "429, RateLimited, 'Cisco''s Smart Bonding API asks to slow down (HTTP 429: Refused by the sandbox); try again in 60 s.'",
        "500, Unavailable, 'Cisco''s Smart Bonding API failed (HTTP 500: Internal Server Error); the message may or may not have arrived: pull Cisco''s updates before sending it again.'",
        "503, Unavailable, 'Cisco''s Smart Bonding API failed (HTTP 503: Internal Server Error); the message may or may not have arrived: pull Cisco''s updates before sending it again.'"})
    void eachRefusalIsASentenceWithCiscosOwnWords(int status, String kind, String sentence) {
        int before = sandbox.smartBondingRequests().size();
        sandbox.failNextSmartBonding(status);
        assertThatThrownBy(() -> client.push(TicketMessages.update("INC-X", "note", null), "corr", call()))
                .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(kind)).hasMessage(sentence);
        assertThat(sandbox.smartBondingRequests()).as("a change is never sent twice").hasSize(before + 1);
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheRequestSentAgain() {
        drain(); // a token now
        clock.advance(Duration.ofMinutes(5)); // no longer fresh: a 401 now blames its age
        sandbox.revokeTokens();
        int before = sandbox.smartBondingRequests().size();
        assertThat(client.pull("corr", call())).isEmpty();
        assertThat(sandbox.smartBondingRequests().subList(before, sandbox.smartBondingRequests().size()))
                .as("the refused request, then the same with a new token").hasSize(2);
    }

    @Test
    void wrongCredentialsNameTheSmartBondingSettings() {
        assertThatThrownBy(() -> client("not-the-secret").pull("corr", call()))
                .isInstanceOf(CiscoException.AuthenticationFailed.class)
                .hasMessageContaining("check SMART_BONDING_CLIENT_ID and SMART_BONDING_CLIENT_SECRET");
        SmartBondingClient unset = new SmartBondingClient(http, sandbox.smartBondingBase(), sandbox.apiBaseUrl(),
                new CiscoTokenSource(tokenHttp, sandbox.tokenUrl(), null, null, clock, Duration.ofSeconds(5)),
                Optional.of("SMART_BONDING_CLIENT_ID and SMART_BONDING_CLIENT_SECRET"),
                new QuotaLimiter(Map.of(), Duration.ofSeconds(5), TimeSource.SYSTEM), Duration.ofSeconds(5));
        int before = sandbox.smartBondingRequests().size();
        assertThatThrownBy(() -> unset.pull("corr", call())).isInstanceOf(CiscoException.MissingCredentials.class)
                .hasMessageContaining("SMART_BONDING_CLIENT_ID and SMART_BONDING_CLIENT_SECRET");
        assertThat(sandbox.smartBondingRequests()).hasSize(before);
    }

    @Test
    void anUnreachableSmartBondingIsASentenceNamingItsSetting() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closed);
        SmartBondingClient away = new SmartBondingClient(http, URI.create(nowhere + "/sb-partner-oauth-proxy-api"), nowhere,
                new CiscoTokenSource(tokenHttp, URI.create(nowhere + "/oauth2/default/v1/token"), "id", "secret", clock,
                        Duration.ofSeconds(2), CiscoTokenSource.Settings.SMART_BONDING),
                Optional.empty(), new QuotaLimiter(Map.of(), Duration.ofSeconds(5), TimeSource.SYSTEM), Duration.ofSeconds(2));
        assertThatThrownBy(() -> away.pull("corr", call())).isInstanceOf(CiscoException.Unavailable.class)
                .hasMessage("Could not reach Cisco's token endpoint (" + nowhere + "/oauth2/default/v1/token); check the"
                        + " network and SMART_BONDING_ENV.");
        SmartBondingClient tokenOnly = new SmartBondingClient(http, URI.create(nowhere + "/sb-partner-oauth-proxy-api"),
                nowhere, new CiscoTokenSource(tokenHttp, sandbox.tokenUrl(), SandboxServer.CLIENT_ID, SandboxServer.CLIENT_SECRET,
                        clock, Duration.ofSeconds(2), CiscoTokenSource.Settings.SMART_BONDING),
                Optional.empty(), new QuotaLimiter(Map.of(), Duration.ofSeconds(5), TimeSource.SYSTEM), Duration.ofSeconds(2));
        assertThatThrownBy(() -> tokenOnly.push(TicketMessages.update("INC-1", "note", null), "corr", call()))
                .isInstanceOf(CiscoException.Unavailable.class)
                .hasMessage("Could not reach Cisco's Smart Bonding API (127.0.0.1); check the network.");
    }

    @Test
    void aCancelledCallCutsShortALookupButNeverAPullWhoseMessageWouldBeLost() throws Exception {
        try (ServerSocket api = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            URI base = URI.create("http://127.0.0.1:" + api.getLocalPort());
            SmartBondingClient slow = new SmartBondingClient(http, URI.create(base + "/sb-partner-oauth-proxy-api"), base,
                    new CiscoTokenSource(tokenHttp, sandbox.tokenUrl(), SandboxServer.CLIENT_ID, SandboxServer.CLIENT_SECRET,
                            clock, Duration.ofSeconds(5), CiscoTokenSource.Settings.SMART_BONDING),
                    Optional.empty(), new QuotaLimiter(Map.of(), Duration.ofSeconds(5), TimeSource.SYSTEM),
                    Duration.ofSeconds(10));
            // A pull is cancelled after Cisco has it: Cisco hands the message out once, so it is still taken.
            CallContext pulling = call();
            CompletableFuture<Optional<JsonNode>> pulled = CompletableFuture.supplyAsync(() -> slow.pull("corr", pulling));
            try (Socket connection = api.accept()) {
                assertThat(requestLine(connection)).startsWith("GET /sb-partner-oauth-proxy-api/rest/v1/pull/call ");
                pulling.cancel();
                String message = "{\"ticket\":{\"custCallID\":\"INC-7\"}}";
                connection.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close"
                        + "\r\nContent-Length: " + message.length() + "\r\n\r\n" + message).getBytes(StandardCharsets.UTF_8));
            }
            assertThat(pulled.get(10, TimeUnit.SECONDS)).as("the message Cisco handed out")
                    .hasValueSatisfying(m -> assertThat(m.path("ticket").path("custCallID").asString()).isEqualTo("INC-7"));
            // A lookup of routing codes is cancelled while Cisco has not answered: it ends without waiting.
            CallContext looking = call();
            CompletableFuture<JsonNode> codes = CompletableFuture.supplyAsync(() -> slow.tspCodes(Map.of(), "corr", looking));
            try (Socket connection = api.accept()) {
                assertThat(requestLine(connection)).startsWith("GET /sb-partner-oauth-proxy-api/tsp/api/v1/xylem/tspcodes ");
                looking.cancel();
                assertThatThrownBy(() -> codes.get(10, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(CiscoException.Cancelled.class);
            }
        }
    }

    /** Reads a request's head from {@code connection}; its first line. */
    private static String requestLine(Socket connection) throws java.io.IOException {
        connection.setSoTimeout(10_000);
        StringBuilder head = new StringBuilder();
        java.io.InputStream in = connection.getInputStream();
        while (head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.substring(0, Math.max(0, head.indexOf("\r\n")));
    }

    @Test
    void theRoutingCodesComeInPagesWithANextLink() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", "7");
        JsonNode first = client.tspCodes(query, "corr", call());
        assertThat(first.path("tspCodes")).hasSize(7);
        assertThat(first.path("_links").toString()).contains("\"rel\":\"next\"");
        long last = first.path("tspCodes").get(6).path("id").asLong();
        query.put("since_id", String.valueOf(last));
        query.put("limit", "1000");
        JsonNode rest = client.tspCodes(query, "corr", call());
        assertThat(rest.path("tspCodes").get(0).path("id").asLong()).isGreaterThan(last);
        assertThat(rest.path("_links").toString()).doesNotContain("\"rel\":\"next\"");
        assertThatThrownBy(() -> client.tspCodes(Map.of("limit", "10001"), "corr", call()))
                .isInstanceOf(CiscoException.Rejected.class).hasMessageContaining("limit must be between 0 and 10000");
    }

    @Test
    void aFileGoesToTheDriveWithTheCasesOwnCredentialsOnly() {
        PulledMessage.Upload upload = created("INC-FILE").upload().orElseThrow();
        byte[] log = "show tech-support\n".getBytes(StandardCharsets.UTF_8);
        client.upload(upload.ticketNumber(), upload.token(), "show tech.txt", log, call());
        assertThat(sandbox.smartBondingFiles(upload.ticketNumber())).containsExactly("show tech.txt");
        List<SandboxServer.SmartBondingRequest> seen = sandbox.smartBondingRequests();
        SandboxServer.SmartBondingRequest put = seen.get(seen.size() - 1);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.path()).isEqualTo("/home/show%20tech.txt");
        assertThat(put.authorization()).as("the case's credentials, never the Smart Bonding token").isEqualTo("Basic");
        assertThatThrownBy(() -> client.upload(upload.ticketNumber(), "wrong-token", "b.txt", log, call()))
                .isInstanceOf(CiscoException.AuthenticationFailed.class)
                .hasMessageStartingWith("Cisco's file drive refused ticket " + upload.ticketNumber() + "'s upload credentials (HTTP 401)");
        assertThat(URI.create(sandbox.apiBaseUrl().toString()).getHost()).isEqualTo(client.uploadHost());
    }
}
