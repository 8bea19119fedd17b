package dev.ciscosupport.mcp.cisco;

import dev.ciscosupport.mcp.MutableClock;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.resilience.TimeSource;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.sandbox.Fault;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Cisco token rules, against the sandbox's token endpoint, with a clock the test moves. */
class CiscoTokenSourceTest {
    private final MutableClock clock = MutableClock.at2026();
    private final CiscoHttp http = new CiscoHttp(Duration.ofSeconds(5));
    private SandboxServer sandbox;

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start("127.0.0.1", 0, clock);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private CiscoTokenSource tokens(String secret) {
        return new CiscoTokenSource(http, sandbox.tokenUrl(), SandboxServer.CLIENT_ID, secret, clock, Duration.ofSeconds(5));
    }

    private CiscoGateway gateway(CiscoTokenSource tokens) {
        return new CiscoGateway(http, sandbox.apiBaseUrl(), tokens, Optional.empty(), TestCisco.plain(), TimeSource.SYSTEM);
    }

    private static final String HELLO = "/hello";

    @Test
    void tokenIsReusedUntilThirtyMinutesBeforeExpiry() {
        CiscoTokenSource tokens = tokens(SandboxServer.CLIENT_SECRET);
        String first = tokens.token();
        clock.advance(Duration.ofMinutes(29).plusSeconds(59));
        assertThat(tokens.token()).isEqualTo(first);
        assertThat(sandbox.requests().tokenRequests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1)); // 30 minutes after issue = 30 minutes before a 3600 s token expires
        String second = tokens.token();
        assertThat(second).isNotEqualTo(first);
        assertThat(sandbox.requests().tokenRequests()).isEqualTo(2);
    }

    @Test
    void twentyConcurrentCallersShareOneRefresh() throws Exception {
        CiscoTokenSource tokens = tokens(SandboxServer.CLIENT_SECRET);
        CiscoGateway gateway = gateway(tokens);
        sandbox.faults().latency(Duration.ofMillis(150)); // keep the token request open while the others arrive
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(go);
                return gateway.get(CallContext.background(), SupportApi.BUG, HELLO, Map.of()).path("helloResponse").path("response").asString();
            }, pool));
        }
        go.countDown();
        for (CompletableFuture<String> call : calls) {
            assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo("Hello World!");
        }
        pool.shutdownNow();
        assertThat(sandbox.requests().tokenRequests()).isEqualTo(1);
        assertThat(sandbox.requests().apiRequests()).isEqualTo(20);
    }

    @Test
    void a401DropsTheTokenAndRetriesOnceWithAFreshOne() {
        CiscoTokenSource tokens = tokens(SandboxServer.CLIENT_SECRET);
        CiscoGateway gateway = gateway(tokens);
        tokens.token();
        sandbox.faults().inject(Fault.UNAUTHORIZED, 1);
        assertThat(gateway.get(CallContext.background(), SupportApi.BUG, HELLO, Map.of()).path("helloResponse").isObject()).isTrue();
        assertThat(sandbox.requests().tokenRequests()).isEqualTo(2);
        assertThat(sandbox.requests().apiRequests()).isEqualTo(2);
    }

    @Test
    void aSecond401IsReportedWithoutAThirdTry() {
        CiscoGateway gateway = gateway(tokens(SandboxServer.CLIENT_SECRET));
        sandbox.faults().inject(Fault.UNAUTHORIZED, 2);
        clock.advance(Duration.ZERO);
        assertThatThrownBy(() -> gateway.get(CallContext.background(), SupportApi.BUG, HELLO, Map.of()))
                .isInstanceOf(CiscoException.AuthenticationFailed.class)
                .hasMessageContaining("Bug API");
        assertThat(sandbox.requests().apiRequests()).isEqualTo(2);
    }

    @Test
    void anExpiredTokenIsReplacedAfterCiscoRefusesIt() {
        CiscoTokenSource tokens = tokens(SandboxServer.CLIENT_SECRET);
        CiscoGateway gateway = gateway(tokens);
        gateway.get(CallContext.background(), SupportApi.BUG, HELLO, Map.of());
        clock.advance(Duration.ofMinutes(5));
        sandbox.revokeTokens(); // Cisco forgot the token early: its gateway answers 403 Not Authorized
        assertThat(gateway.get(CallContext.background(), SupportApi.BUG, HELLO, Map.of()).path("helloResponse").isObject()).isTrue();
        assertThat(sandbox.requests().tokenRequests()).isEqualTo(2);
    }

    @Test
    void overRate403IsRateLimitingAndNeverRefreshesTheToken() {
        CiscoGateway gateway = gateway(tokens(SandboxServer.CLIENT_SECRET));
        gateway.get(CallContext.background(), SupportApi.BUG, HELLO, Map.of());
        clock.advance(Duration.ofMinutes(5));
        sandbox.faults().inject(Fault.OVER_RATE, 1);
        assertThatThrownBy(() -> gateway.get(CallContext.background(), SupportApi.BUG, HELLO, Map.of()))
                .isInstanceOf(CiscoException.RateLimited.class)
                .hasMessageContaining("rate limiting").hasMessageContaining("quota");
        sandbox.faults().inject(Fault.OVER_QPS, 1);
        assertThatThrownBy(() -> gateway.get(CallContext.background(), SupportApi.BUG, HELLO, Map.of()))
                .isInstanceOf(CiscoException.RateLimited.class).hasMessageContaining("per-second");
        assertThat(sandbox.requests().tokenRequests()).isEqualTo(1);
        assertThat(sandbox.requests().apiRequests()).isEqualTo(3);
    }

    @Test
    void notAuthorizedNamesTheApiTheAppIsNotEntitledTo() {
        CiscoGateway gateway = gateway(tokens(SandboxServer.CLIENT_SECRET));
        sandbox.faults().inject(Fault.NOT_AUTHORIZED, 0);
        assertThatThrownBy(() -> gateway.get(CallContext.background(), SupportApi.BUG, HELLO, Map.of()))
                .isInstanceOf(CiscoException.NotEntitled.class)
                .hasMessageContaining("not entitled to the Bug API").hasMessageContaining("SUPPORT_API");
        // The token was fetched for this very call: a refusal is about the API, so no refresh-and-retry.
        assertThat(sandbox.requests().tokenRequests()).isEqualTo(1);
        assertThat(sandbox.requests().apiRequests()).isEqualTo(1);
    }

    @Test
    void wrongCredentialsAreNamedWithoutTheSecret() {
        String secret = "s3cr3t-value-that-must-not-leak";
        CiscoGateway gateway = gateway(tokens(secret));
        assertThatThrownBy(() -> gateway.get(CallContext.background(), SupportApi.BUG, HELLO, Map.of()))
                .isInstanceOf(CiscoException.AuthenticationFailed.class)
                .hasMessageContaining("invalid_client").hasMessageContaining("CISCO_CLIENT_SECRET")
                .hasMessageNotContaining(secret);
        assertThat(sandbox.requests().apiRequests()).isZero();
    }

    @Test
    void tokenEndpointDownIsReportedAsUnavailable() {
        CiscoGateway gateway = gateway(tokens(SandboxServer.CLIENT_SECRET));
        sandbox.faults().inject(Fault.TOKEN_ENDPOINT_DOWN, 1);
        assertThatThrownBy(() -> gateway.get(CallContext.background(), SupportApi.BUG, HELLO, Map.of()))
                .isInstanceOf(CiscoException.Unavailable.class)
                .hasMessageContaining("token endpoint is unavailable (HTTP 503)");
        assertThat(gateway.get(CallContext.background(), SupportApi.BUG, HELLO, Map.of()).isObject()).isTrue();
    }

    @Test
    void unreachableTokenEndpointNamesTheSetting() {
        CiscoTokenSource tokens = new CiscoTokenSource(http, URI.create("http://127.0.0.1:1/oauth2/default/v1/token"),
                "id", "secret", clock, Duration.ofSeconds(2));
        assertThatThrownBy(tokens::token).isInstanceOf(CiscoException.Unavailable.class)
                .hasMessageContaining("CISCO_TOKEN_URL").hasMessageNotContaining("secret");
    }

    @Test
    void aFailedEarlyRefreshKeepsTheStillValidToken() {
        CiscoTokenSource tokens = tokens(SandboxServer.CLIENT_SECRET);
        String first = tokens.token();
        clock.advance(Duration.ofMinutes(40));
        sandbox.faults().inject(Fault.TOKEN_ENDPOINT_DOWN, 1);
        assertThat(tokens.token()).isEqualTo(first);
        assertThat(tokens.token()).isNotEqualTo(first); // the next call refreshes again, and succeeds
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
