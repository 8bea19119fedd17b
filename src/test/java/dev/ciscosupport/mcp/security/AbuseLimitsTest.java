package dev.ciscosupport.mcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Lockout after repeated failures, its expiry, and the per-client token bucket, on a clock the test moves. */
class AbuseLimitsTest {
    private final MutableClock clock = MutableClock.at2026();

    @Test
    void repeatedFailuresBlockAnAddressUntilTheBlockExpires() {
        FailedLogins failures = new FailedLogins(3, Duration.ofMinutes(1), Duration.ofMinutes(5), clock);
        assertThat(failures.failed("10.0.0.1")).isFalse();
        assertThat(failures.failed("10.0.0.1")).isFalse();
        assertThat(failures.blockedSeconds("10.0.0.1")).isZero();
        assertThat(failures.failed("10.0.0.1")).isTrue();
        assertThat(failures.blockedSeconds("10.0.0.1")).isEqualTo(300);
        assertThat(failures.blockedSeconds("10.0.0.2")).isZero();
        clock.advance(Duration.ofMinutes(4));
        assertThat(failures.blockedSeconds("10.0.0.1")).isEqualTo(60);
        clock.advance(Duration.ofMinutes(1));
        assertThat(failures.blockedSeconds("10.0.0.1")).isZero();
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotBlock() {
        FailedLogins failures = new FailedLogins(3, Duration.ofMinutes(1), Duration.ofMinutes(5), clock);
        for (int i = 0; i < 10; i++) {
            assertThat(failures.failed("10.0.0.1")).isFalse();
            clock.advance(Duration.ofSeconds(31));
        }
    }

    @Test
    void aClientGetsItsBurstThenTheSustainedRate() {
        ClientRateLimiter limiter = new ClientRateLimiter(2, 5, clock);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("alice")).isZero();
        }
        assertThat(limiter.acquire("alice")).isEqualTo(1);
        assertThat(limiter.acquire("bob")).isZero();
        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.acquire("alice")).isZero();
        assertThat(limiter.acquire("alice")).isPositive();
    }
}
