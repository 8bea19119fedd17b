package dev.ciscosupport.mcp.cisco.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciscosupport.mcp.cisco.TestCisco;
import dev.ciscosupport.mcp.cisco.bug.BugApi;
import dev.ciscosupport.mcp.cisco.bug.BugFilters;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.eox.EoxApi;
import dev.ciscosupport.mcp.config.Upstream;
import dev.ciscosupport.mcp.sandbox.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An API that keeps failing is left alone for a while; callers hear so at once; one probe brings it back. */
class CircuitBreakerTest {
    private final FakeTime time = new FakeTime();
    private TestCisco cisco;
    private BugApi bugs;

    @BeforeEach
    void start() {
        Upstream plain = TestCisco.plain();
        // One retry per call; three failed calls in a row open the breaker for 30 s.
        cisco = TestCisco.start(new Upstream(Duration.ofSeconds(5), 1, Duration.ofSeconds(45), Map.of(), plain.quotaWait(),
                Map.of(), 0, 3, Duration.ofSeconds(30)), time);
        bugs = new BugApi(cisco.gateway);
    }

    @AfterEach
    void stop() {
        cisco.close();
    }

    private void failingCall() {
        assertThatThrownBy(() -> bugs.byKeyword("crash", BugFilters.NONE)).isInstanceOf(CiscoException.Unavailable.class)
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void repeatedFailuresOpenTheBreakerAndAProbeClosesIt() {
        cisco.sandbox.faults().inject(Fault.SERVICE_UNAVAILABLE, 0); // until cleared
        failingCall();
        failingCall();
        failingCall();
        assertThat(cisco.sandbox.requests().apiRequests()).as("three calls, each retried once").isEqualTo(6);

        assertThatThrownBy(() -> bugs.byKeyword("crash", BugFilters.NONE)).isInstanceOf(CiscoException.Unavailable.class)
                .hasMessage("Cisco's Bug API failed 3 calls in a row, so this server is not calling it for 30 more s to let"
                        + " it recover. Try again in 30 s.");
        assertThat(cisco.sandbox.requests().apiRequests()).as("failing fast sends nothing").isEqualTo(6);

        cisco.sandbox.faults().clear(); // the sandbox's faults hit every API; the breaker is per API
        assertThat(new EoxApi(cisco.gateway).byProductIds(List.of("C9300-24T"), 1).records())
                .as("other APIs are not affected").isNotEmpty();
        cisco.sandbox.faults().inject(Fault.SERVICE_UNAVAILABLE, 0);

        time.advance(Duration.ofSeconds(30));
        failingCall(); // the probe fails: closed for another 30 s
        assertThatThrownBy(() -> bugs.byKeyword("crash", BugFilters.NONE)).hasMessageContaining("for 30 more s");

        cisco.sandbox.faults().clear();
        time.advance(Duration.ofSeconds(30));
        assertThat(bugs.byKeyword("crash", BugFilters.NONE).bugs()).as("the probe succeeds").isNotEmpty();
        assertThat(bugs.byKeyword("crash", BugFilters.NONE).bugs()).as("and calls flow again").isNotEmpty();
    }

    @Test
    void refusalsAndSuccessesDoNotCountAsFailures() {
        cisco.sandbox.faults().inject(Fault.SERVICE_UNAVAILABLE, 4); // two failed calls
        failingCall();
        failingCall();
        assertThat(bugs.byKeyword("crash", BugFilters.NONE).bugs()).isNotEmpty(); // resets the count
        cisco.sandbox.faults().inject(Fault.SERVICE_UNAVAILABLE, 4).inject(Fault.DEVELOPER_INACTIVE, 1);
        failingCall();
        failingCall();
        assertThatThrownBy(() -> bugs.byKeyword("crash", BugFilters.NONE)).isInstanceOf(CiscoException.NotEntitled.class);
        assertThat(bugs.byKeyword("crash", BugFilters.NONE).bugs()).as("never opened").isNotEmpty();
    }
}
