package dev.ciscosupport.mcp.cisco.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciscosupport.mcp.cisco.TestCisco;
import dev.ciscosupport.mcp.cisco.bug.BugApi;
import dev.ciscosupport.mcp.cisco.bug.BugFilters;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.config.Quota;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.config.Upstream;
import dev.ciscosupport.mcp.sandbox.Fault;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A call's deadline and budget, as the gateway keeps them: what is not asked, and what the caller is told. */
class CallLimitsTest {
    private final FakeTime time = new FakeTime();
    private TestCisco cisco;

    private BugApi bugApi(Map<SupportApi, Quota> quotas, Duration maxWait, int cacheMegabytes) {
        Upstream plain = TestCisco.plain();
        cisco = TestCisco.start(new Upstream(Duration.ofSeconds(5), 2, Duration.ofSeconds(45), quotas, maxWait,
                Map.of(SupportApi.BUG, Duration.ofMinutes(10)), cacheMegabytes, 100, plain.breakerOpen()), time);
        return new BugApi(cisco.gateway);
    }

    private CallContext call() {
        return new CallContext("token:alice", CallContext.Listener.NONE);
    }

    @AfterEach
    void stop() {
        cisco.close();
    }

    @Test
    void noRequestStartsAfterTheDeadline() {
        BugApi api = bugApi(Map.of(), Duration.ofSeconds(20), 0);
        CallContext call = call().limitedTo(Duration.ofSeconds(10), time.nanos());
        assertThat(api.in(call).byKeyword("crash", BugFilters.NONE).bugs()).isNotEmpty();

        time.advance(Duration.ofSeconds(11));
        assertThatThrownBy(() -> api.in(call).byKeyword("memory", BugFilters.NONE))
                .isInstanceOf(CiscoException.Unavailable.class)
                .hasMessage("Cisco's Bug API was not asked: this tool call has used the 10 s it may spend on Cisco"
                        + " (CISCO_CALL_DEADLINE_SECONDS).");
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(1);
        assertThat(api.in(call()).byKeyword("memory", BugFilters.NONE).bugs()).as("another call has its own time")
                .isNotEmpty();
    }

    @Test
    void aRetryThatWouldWaitPastTheDeadlineIsNotMade() {
        BugApi api = bugApi(Map.of(), Duration.ofSeconds(20), 0);
        cisco.sandbox.faults().inject(Fault.SERVER_ERROR, 1);
        CallContext call = call().limitedTo(Duration.ofMillis(100), time.nanos()); // the first back-off is 125-250 ms

        assertThatThrownBy(() -> api.in(call).byKeyword("crash", BugFilters.NONE))
                .isInstanceOf(CiscoException.Unavailable.class).hasMessageContaining("Bug API");
        assertThat(cisco.sandbox.requests().apiRequests()).as("no retry").isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aTurnUnderTheQuotaThatComesAfterTheDeadlineIsRefusedAtOnce() {
        BugApi api = bugApi(Map.of(SupportApi.BUG, Quota.parse("1/min")), Duration.ofSeconds(60), 0);
        assertThat(api.in(call()).byKeyword("crash", BugFilters.NONE).bugs()).isNotEmpty();

        CallContext call = call().limitedTo(Duration.ofSeconds(5), time.nanos());
        assertThatThrownBy(() -> api.in(call).byKeyword("memory", BugFilters.NONE))
                .isInstanceOf(CiscoException.RateLimited.class).hasMessageContaining("Retry after");
        assertThat(time.sleeps()).as("it did not wait for a turn it could not use").isEmpty();
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(1);
    }

    @Test
    void theBudgetCountsEveryAnswerFetchedOrReusedAndStopsOnlyItsOwnCall() {
        BugApi api = bugApi(Map.of(), Duration.ofSeconds(20), 16);
        CallContext call = call();
        CallContext.Registration budget = call.budget(2);
        api.in(call).byKeyword("crash", BugFilters.NONE);
        api.in(call).byKeyword("crash", BugFilters.NONE); // reused from the cache: an answer all the same

        assertThatThrownBy(() -> api.in(call).byKeyword("memory", BugFilters.NONE))
                .isInstanceOf(CiscoException.OverBudget.class)
                .hasMessage("Cisco's Bug API was not asked: this call has used the 2 Cisco answers it may use.");
        assertThat(call.charged()).isEqualTo(2);
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(1);
        assertThat(api.in(call()).byKeyword("memory", BugFilters.NONE).bugs()).isNotEmpty();

        budget.close();
        assertThat(api.in(call).byKeyword("memory", BugFilters.NONE).bugs()).as("the bound is over").isNotEmpty();
    }

    @Test
    void anInnerBudgetOnlyNarrowsTheOuterOneAndGivesItBack() {
        BugApi api = bugApi(Map.of(), Duration.ofSeconds(20), 0);
        CallContext call = call();
        CallContext.Registration outer = call.budget(3);
        CallContext.Registration inner = call.budget(10);
        for (String keyword : new String[] {"crash", "memory", "leak"}) {
            api.in(call).byKeyword(keyword, BugFilters.NONE);
        }
        assertThatThrownBy(() -> api.in(call).byKeyword("reload", BugFilters.NONE))
                .isInstanceOf(CiscoException.OverBudget.class);
        inner.close();
        assertThatThrownBy(() -> api.in(call).byKeyword("reload", BugFilters.NONE))
                .isInstanceOf(CiscoException.OverBudget.class);
        outer.close();
        assertThat(api.in(call).byKeyword("reload", BugFilters.NONE).bugs()).isNotNull();
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(4);
    }
}
