package dev.ciscosupport.mcp.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.MutableClock;
import dev.ciscosupport.mcp.cisco.resilience.TimeSource;
import dev.ciscosupport.mcp.config.SessionLimits;
import dev.ciscosupport.mcp.config.Upstream;
import dev.ciscosupport.mcp.security.AcceptedToken;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two HTTP clients ask the same question while Cisco has not answered yet: the server sends Cisco one request, and both
 * wait for it. When one client cancels its call, that call ends at once, and the other still gets its answer: a
 * cancellation belongs to one call, not to the work it shares. Cisco is held (the sandbox keeps its requests until the
 * test releases them), so the order of events is the test's, not the machine's.
 */
class SharedFetchCancelTest extends WithHardenedServer {
    static final String ALICE = "alice-token-0123456789abcdefghijkl";
    static final String BOB = "bob-token-0123456789abcdefghijklmn";
    static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"tools/call\",\"params\":{\"name\":\"get_bug_details\","
            + "\"arguments\":{\"bug_ids\":\"%s\"}}}";

    @AfterEach
    void releaseCisco() {
        sandbox.faults().release();
    }

    @Test
    void oneClientCancelsAndTheOtherGetsItsAnswerFromTheSameCiscoRequest() throws Exception {
        upstream = Upstream.defaults(); // the production cache, retries and quota
        upstreamTime = TimeSource.SYSTEM;
        Raw server = start(SessionLimits.defaults(), 100_000, MutableClock.at2026(),
                List.of(AcceptedToken.of(ALICE, "alice"), AcceptedToken.of(BOB, "bob")));
        String alice = opened(server, ALICE);
        String bob = opened(server, BOB);
        assertThat(server.post(ALICE, alice, String.format(CALL, 2, "CSCvt43974")).statusCode())
                .as("a first call, so Cisco's token is in hand").isEqualTo(200);
        double joinedBefore = metric(server, "cisco_cache_total", "api=\"bug\",result=\"joined\"");
        int before = sandbox.requests().apiRequests();

        sandbox.faults().hold();
        CompletableFuture<HttpResponse<String>> alicesCall = server.postAsync(ALICE, alice, String.format(CALL, 21, "CSCvi10692"));
        waitFor(() -> sandbox.requests().apiRequests() == before + 1, "Alice's request reached Cisco");
        CompletableFuture<HttpResponse<String>> bobsCall = server.postAsync(BOB, bob, String.format(CALL, 22, "CSCvi10692"));
        waitFor(() -> metric(server, "cisco_cache_total", "api=\"bug\",result=\"joined\"") > joinedBefore,
                "Bob's call waits for Alice's request");

        assertThat(server.post(ALICE, alice, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                + "\"params\":{\"requestId\":21,\"reason\":\"the user pressed stop\"}}").statusCode()).isEqualTo(202);
        HttpResponse<String> alicesAnswer = alicesCall.get(10, TimeUnit.SECONDS);
        assertThat(alicesAnswer.body()).as("Alice's call ended while Cisco still held the request")
                .doesNotContain("Symptom").doesNotContain("\"bug_id\"");
        assertThat(bobsCall).as("Bob still waits").isNotDone();

        sandbox.faults().release(); // Cisco answers
        HttpResponse<String> bobsAnswer = bobsCall.get(10, TimeUnit.SECONDS);
        assertThat(bobsAnswer.statusCode()).isEqualTo(200);
        assertThat(bobsAnswer.body()).contains("CSCvi10692").contains("\"isError\":false").doesNotContain("cancelled");
        assertThat(sandbox.requests().apiRequests()).as("one request to Cisco for both").isEqualTo(before + 1);
    }

    @Test
    void aCallAloneOnItsRequestStopsWaitingForCiscoWhenCancelled() throws Exception {
        upstream = Upstream.defaults();
        upstreamTime = TimeSource.SYSTEM;
        Raw server = start(SessionLimits.defaults(), 100_000, MutableClock.at2026(), List.of(AcceptedToken.of(ALICE, "alice")));
        String alice = opened(server, ALICE);
        assertThat(server.post(ALICE, alice, String.format(CALL, 2, "CSCvt43974")).statusCode()).isEqualTo(200);
        int before = sandbox.requests().apiRequests();

        sandbox.faults().hold();
        CompletableFuture<HttpResponse<String>> call = server.postAsync(ALICE, alice, String.format(CALL, 31, "CSCvx27079"));
        waitFor(() -> sandbox.requests().apiRequests() == before + 1, "the request reached Cisco");
        server.post(ALICE, alice, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":31}}");
        assertThat(call.get(10, TimeUnit.SECONDS).body()).as("the call ended while Cisco held its request")
                .doesNotContain("\"bug_id\"");
        sandbox.faults().release();

        HttpResponse<String> again = server.post(ALICE, alice, String.format(CALL, 32, "CSCvx27079"));
        assertThat(again.body()).as("the abandoned request left nothing in the cache").contains("CSCvx27079")
                .contains("\"isError\":false");
        assertThat(sandbox.requests().apiRequests()).as("asked again, sent again").isEqualTo(before + 2);
    }

    private static String opened(Raw server, String token) {
        String session = server.open(token);
        server.post(token, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return session;
    }

    /** Polls {@code condition} for up to 10 s: the test waits for an event, never for an amount of time. */
    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 1_000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    /** A metric as the operator's Prometheus reads it at /metrics (0 before it first counts). */
    private static double metric(Raw server, String name, String labels) {
        try {
            HttpResponse<String> scraped = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(server.url().resolve("/metrics")).header("Authorization",
                            "Bearer " + ALICE).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{" + Pattern.quote(labels) + "\\} ([0-9.eE+-]+)$")
                    .matcher(scraped.body());
            return m.find() ? Double.parseDouble(m.group(1)) : 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
