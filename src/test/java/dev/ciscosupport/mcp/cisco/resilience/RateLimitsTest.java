package dev.ciscosupport.mcp.cisco.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciscosupport.mcp.cisco.TestCisco;
import dev.ciscosupport.mcp.cisco.bug.BugApi;
import dev.ciscosupport.mcp.cisco.bug.BugFilters;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.psirt.PsirtApi;
import dev.ciscosupport.mcp.config.Quota;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.config.Upstream;
import dev.ciscosupport.mcp.sandbox.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cisco's "too many" answers and this server's own quota: who waits, who is told to retry, and what reaches Cisco. */
class RateLimitsTest {
    private final FakeTime time = new FakeTime();
    private TestCisco cisco;

    private TestCisco start(Map<SupportApi, Quota> quotas, Duration maxWait) {
        Upstream plain = TestCisco.plain();
        cisco = TestCisco.start(new Upstream(Duration.ofSeconds(5), 2, Duration.ofSeconds(45), quotas, maxWait, Map.of(), 0,
                100, plain.breakerOpen()), time);
        return cisco;
    }

    @AfterEach
    void stop() {
        if (cisco != null) {
            cisco.close();
        }
    }

    @Test
    void tooManyRequestsWithRetryAfterPausesTheApiAndIsNotRetried() {
        PsirtApi api = new PsirtApi(start(Map.of(SupportApi.PSIRT, Quota.parse("100/s")), Duration.ofSeconds(5)).gateway);
        cisco.sandbox.faults().inject(Fault.TOO_MANY_REQUESTS, 1); // 429, Retry-After: 7

        assertThatThrownBy(() -> api.latest(5)).isInstanceOf(CiscoException.RateLimited.class)
                .hasMessageContaining("PSIRT openVuln API").hasMessageContaining("Retry after 7 s");
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(1);

        // Within the 7 s nothing goes to Cisco: the caller hears when to come back.
        time.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> api.latest(5)).isInstanceOf(CiscoException.RateLimited.class)
                .hasMessage("Cisco asked this server to slow down for the PSIRT openVuln API; the next call can go out in 6 s."
                        + " Retry after 6 s.");
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(1);
        assertThat(cisco.sandbox.requests().tokenRequests()).as("a rate limit never refreshes the token").isEqualTo(1);

        time.advance(Duration.ofSeconds(6));
        assertThat(api.latest(5).advisories()).isNotEmpty();
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(2);
    }

    @Test
    void theGatewaysOverRateRefusalPausesTheApiForAMinute() {
        BugApi api = new BugApi(start(Map.of(SupportApi.BUG, Quota.parse("100/s")), Duration.ofSeconds(5)).gateway);
        cisco.sandbox.faults().inject(Fault.OVER_RATE, 1);

        assertThatThrownBy(() -> api.byKeyword("crash", BugFilters.NONE)).isInstanceOf(CiscoException.RateLimited.class)
                .hasMessage("Cisco is rate limiting this API app: it is over its quota for the Bug API. Retry after 60 s,"
                        + " and make fewer calls at once.");
        time.advance(Duration.ofSeconds(30));
        assertThatThrownBy(() -> api.byKeyword("crash", BugFilters.NONE)).isInstanceOf(CiscoException.RateLimited.class)
                .hasMessageContaining("Retry after 30 s");
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(1);
        assertThat(cisco.sandbox.requests().tokenRequests()).isEqualTo(1);

        time.advance(Duration.ofSeconds(30));
        assertThat(api.byKeyword("crash", BugFilters.NONE).bugs()).isNotEmpty();
    }

    @Test
    void thePerSecondRefusalIsWaitedOutAndRetriedOnce() {
        BugApi api = new BugApi(start(Map.of(SupportApi.BUG, Quota.parse("100/s")), Duration.ofSeconds(5)).gateway);
        cisco.sandbox.faults().inject(Fault.OVER_QPS, 1);
        long before = time.nanos();

        assertThat(api.byKeyword("crash", BugFilters.NONE).bugs()).isNotEmpty();

        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(2);
        assertThat(Duration.ofNanos(time.nanos() - before)).as("waited for the second to pass").isGreaterThanOrEqualTo(
                Duration.ofSeconds(1));
    }

    @Test
    void callsWaitTheirTurnSoNoSecondHoldsMoreThanTheQuota() {
        QuotaLimiter limiter = new QuotaLimiter(Map.of(SupportApi.EOX, Quota.parse("5/s,30/min")), Duration.ofSeconds(60),
                time);
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            limiter.acquire(SupportApi.EOX, CallContext.background());
            sent.add(time.nanos());
        }
        for (int i = 5; i < sent.size(); i++) {
            assertThat(sent.get(i) - sent.get(i - 5)).as("call %d and the fifth before it", i)
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
        }
        for (int i = 30; i < sent.size(); i++) {
            assertThat(sent.get(i) - sent.get(i - 30)).as("call %d and the thirtieth before it", i)
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(1).toNanos());
        }
        assertThat(Duration.ofNanos(sent.get(4) - sent.get(0))).as("the first five go at once").isZero();
    }

    @Test
    void aTurnFurtherAwayThanTheAllowedWaitIsRefusedAtOnceWithTheTimeToWait() {
        // Sixteen callers at the same moment: the clock does not move while they wait.
        TimeSource sameMoment = new TimeSource() {
            @Override
            public long nanos() {
                return time.nanos();
            }

            @Override
            public void sleep(Duration duration) {
            }
        };
        QuotaLimiter limiter = new QuotaLimiter(Map.of(SupportApi.PSIRT, Quota.parse("5/s,30/min")), Duration.ofSeconds(3),
                sameMoment);
        for (int i = 0; i < 15; i++) {
            limiter.acquire(SupportApi.PSIRT, CallContext.background()); // 5 now, 5 in 1.05 s, 5 in 2.1 s (each window 50 ms longer)
        }
        long before = time.nanos();
        assertThatThrownBy(() -> limiter.acquire(SupportApi.PSIRT, CallContext.background())).isInstanceOf(CiscoException.RateLimited.class)
                .hasMessage("The PSIRT openVuln API quota of this server (5 calls per second and 30 per minute,"
                        + " CISCO_QUOTA_PSIRT) is used up for now; the next call can go out in 4 s. Retry after 4 s.")
                .satisfies(e -> assertThat(((CiscoException.RateLimited) e).fromCisco()).isFalse());
        assertThat(time.nanos()).as("refused without waiting").isEqualTo(before);
    }
}
