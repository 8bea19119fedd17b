package dev.ciscosupport.mcp.cisco.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciscosupport.mcp.cisco.TestCisco;
import dev.ciscosupport.mcp.cisco.bug.BugApi;
import dev.ciscosupport.mcp.cisco.bug.BugFilters;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.config.Upstream;
import dev.ciscosupport.mcp.sandbox.Fault;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each kind of Cisco fault against the gateway with its retries: what is retried, how often, and what the caller hears. */
class RetriesTest {
    private final FakeTime time = new FakeTime();
    private TestCisco cisco;

    private BugApi bugApi(Upstream upstream) {
        cisco = TestCisco.start(upstream, time);
        return new BugApi(cisco.gateway);
    }

    /** Two retries, no cache, no quota: only the retry rules are at work. */
    static Upstream retrying(int retries, Duration timeout) {
        Upstream plain = TestCisco.plain();
        return new Upstream(timeout, retries, Duration.ofSeconds(45), Map.of(), plain.quotaWait(), Map.of(), 0, 100,
                plain.breakerOpen());
    }

    @AfterEach
    void stop() {
        cisco.close();
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SERVER_ERROR", "BAD_GATEWAY", "SERVICE_UNAVAILABLE", "GATEWAY_TIMEOUT",
            "MALFORMED_JSON", "CONNECTION_RESET"})
    void aPassingFaultIsRetriedAndTheCallerGetsTheAnswer(Fault fault) {
        BugApi api = bugApi(retrying(2, Duration.ofSeconds(5)));
        cisco.sandbox.faults().inject(fault, 2);

        assertThat(api.byKeyword("crash", BugFilters.NONE).bugs()).isNotEmpty();

        assertThat(cisco.sandbox.requests().apiRequests()).as("first try and two retries").isEqualTo(3);
        assertThat(time.sleeps()).hasSize(2);
        assertThat(time.sleeps().get(0)).isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
        assertThat(time.sleeps().get(1)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SERVER_ERROR", "BAD_GATEWAY", "SERVICE_UNAVAILABLE", "GATEWAY_TIMEOUT",
            "MALFORMED_JSON", "CONNECTION_RESET"})
    void whenRetriesRunOutTheCallerGetsOneSentence(Fault fault) {
        BugApi api = bugApi(retrying(2, Duration.ofSeconds(5)));
        cisco.sandbox.faults().inject(fault, 3);

        assertThatThrownBy(() -> api.byKeyword("crash", BugFilters.NONE)).isInstanceOf(CiscoException.Unavailable.class)
                .hasMessageContaining("Bug API").hasMessageEndingWith("try again in a minute.")
                .hasMessageNotContaining("Exception").hasMessageNotContaining("<h1>");
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(3);
        assertThat(api.byKeyword("crash", BugFilters.NONE).bugs()).as("nothing else broke").isNotEmpty();
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsRetriedThenReported() {
        BugApi api = bugApi(retrying(2, Duration.ofSeconds(1)));
        api.byKeyword("crash", BugFilters.NONE); // fetches the token before the sandbox slows down
        cisco.sandbox.requests().reset();
        cisco.sandbox.faults().latency(Duration.ofMillis(1500));

        assertThatThrownBy(() -> api.byKeyword("crash", BugFilters.NONE)).isInstanceOf(CiscoException.Unavailable.class)
                .hasMessage("Cisco's Bug API did not answer within 1 s; try again in a minute.");
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(3);

        cisco.sandbox.faults().latency(Duration.ZERO);
        assertThat(api.byKeyword("crash", BugFilters.NONE).bugs()).isNotEmpty();
    }

    @Test
    void noRetryStartsThatCouldEndAfterTheBudget() {
        Upstream plain = TestCisco.plain();
        // Real time here: the budget is about time actually spent. Timeout 1 s, budget 2.5 s: the first attempt
        // times out at 1 s, a retry may end by about 2.2 s, a third attempt could not end before 3 s.
        cisco = TestCisco.start(new Upstream(Duration.ofSeconds(1), 5, Duration.ofMillis(2500), Map.of(), plain.quotaWait(),
                Map.of(), 0, 100, plain.breakerOpen()), TimeSource.SYSTEM);
        BugApi api = new BugApi(cisco.gateway);
        api.byKeyword("crash", BugFilters.NONE);
        cisco.sandbox.requests().reset();
        cisco.sandbox.faults().latency(Duration.ofMillis(1500));

        assertThatThrownBy(() -> api.byKeyword("crash", BugFilters.NONE)).isInstanceOf(CiscoException.Unavailable.class);
        assertThat(cisco.sandbox.requests().apiRequests()).as("first try and one retry, not five").isEqualTo(2);
    }

    @Test
    void refusalsAreNotRetried() {
        BugApi api = bugApi(retrying(2, Duration.ofSeconds(5)));
        cisco.sandbox.faults().inject(Fault.DEVELOPER_INACTIVE, 1);
        assertThatThrownBy(() -> api.byKeyword("crash", BugFilters.NONE)).isInstanceOf(CiscoException.NotEntitled.class);
        assertThatThrownBy(() -> api.byKeyword("", BugFilters.NONE)).isInstanceOf(CiscoException.InvalidInput.class);
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void theTokenEndpointDownThenBackIsRetriedWithoutTouchingTheApi() {
        BugApi api = bugApi(retrying(2, Duration.ofSeconds(5)));
        cisco.sandbox.faults().inject(Fault.TOKEN_ENDPOINT_DOWN, 3);

        assertThatThrownBy(() -> api.byKeyword("crash", BugFilters.NONE)).isInstanceOf(CiscoException.Unavailable.class)
                .hasMessage("Cisco's token endpoint is unavailable (HTTP 503); try again shortly.");
        assertThat(cisco.sandbox.requests().tokenRequests()).isEqualTo(3);
        assertThat(cisco.sandbox.requests().apiRequests()).as("no API request without a token").isZero();

        cisco.sandbox.faults().inject(Fault.TOKEN_ENDPOINT_DOWN, 1);
        assertThat(api.byKeyword("crash", BugFilters.NONE).bugs()).as("back after one more failure").isNotEmpty();
        assertThat(cisco.sandbox.requests().tokenRequests()).isEqualTo(5);
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(1);
    }
}
