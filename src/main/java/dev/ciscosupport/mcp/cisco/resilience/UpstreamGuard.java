package dev.ciscosupport.mcp.cisco.resilience;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cluster.SharedTurns;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.config.Upstream;
import dev.ciscosupport.mcp.metrics.Meters;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Cisco request the way a shared, rate-limited gateway deserves: through the API's circuit
 * breaker, each send in its turn under the quota ({@link #awaitTurn}), and again after a jittered, growing pause when it failed in a
 * way that may pass (connection error, timeout, 5xx, malformed JSON), as long as the retry could still
 * end within the time budget. Every request this server sends is a GET, so repeating one is safe.
 */
public final class UpstreamGuard {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamGuard.class);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(4);
    /** Cisco's per-second limit clears by itself; a longer pause (a quota) is the caller's to wait out. */
    static final long RETRY_AFTER_WORTH_WAITING = 2;

    private final Upstream settings;
    private final QuotaLimiter limiter;
    private final Map<SupportApi, CircuitBreaker> breakers = new EnumMap<>(SupportApi.class);
    private final TimeSource time;
    private final DoubleSupplier random;

    public UpstreamGuard(Upstream settings, TimeSource time, DoubleSupplier random) {
        this(settings, time, random, null, 1);
    }

    /**
     * @param shared   where replicas book Cisco's quota together, or null for this process alone
     * @param replicas how many replicas share it ({@code CISCO_QUOTA_REPLICAS})
     */
    public UpstreamGuard(Upstream settings, TimeSource time, DoubleSupplier random, SharedTurns shared, int replicas) {
        this.settings = settings;
        this.time = time;
        this.random = random;
        this.limiter = new QuotaLimiter(settings.quotas(), settings.quotaWait(), time, shared, replicas);
        for (SupportApi api : SupportApi.values()) {
            breakers.put(api, new CircuitBreaker(api, settings.breakerFailures(), settings.breakerOpen(), time));
        }
    }

    /** Sends {@code request} for {@code call}, again when that may help, until it is answered, fails for good or is cancelled. */
    public <T> T call(SupportApi api, CallContext call, Supplier<T> request) {
        CircuitBreaker breaker = breakers.get(api);
        breaker.beforeCall();
        long started = time.nanos();
        for (int attempt = 1; ; attempt++) {
            try {
                if (call.cancelled()) {
                    throw new CiscoException.Cancelled(api.displayName());
                }
                if (call.nanosLeft(time.nanos()) <= 0) {
                    throw pastDeadline(api, call);
                }
                T answer = request.get();
                breaker.succeeded();
                Meters.ciscoRequest(api.settingName(), "ok");
                return answer;
            } catch (CiscoException.Unavailable e) {
                Meters.ciscoRequest(api.settingName(), "unavailable");
                if (!e.worthRetrying()) {
                    breaker.released();
                    throw e;
                }
                Duration delay = backoff(attempt);
                if (attempt > settings.retries() || !fitsBudget(started, delay, call)) {
                    breaker.failed();
                    throw e;
                }
                LOG.info("{} (attempt {} of {}); retrying in {} ms", e.getMessage(), attempt, settings.retries() + 1,
                        delay.toMillis());
                Meters.ciscoRetry(api.settingName());
                call.notice(e.getMessage() + " Retrying in " + delay.toMillis() + " ms (attempt " + (attempt + 1) + " of "
                        + (settings.retries() + 1) + ").");
                sleep(api, delay, call);
            } catch (CiscoException.RateLimited e) {
                breaker.released();
                if (!e.fromCisco()) {
                    throw e;
                }
                Meters.ciscoRequest(api.settingName(), "rate_limited");
                limiter.pause(api, Duration.ofSeconds(Math.max(1, e.retryAfterSeconds())));
                call.notice("Cisco is rate limiting the " + api.displayName() + "; no call goes to it for "
                        + Math.max(1, e.retryAfterSeconds()) + " s.");
                if (e.retryAfterSeconds() > RETRY_AFTER_WORTH_WAITING || attempt > settings.retries()) {
                    throw e;
                }
                LOG.info("{} Waiting for the per-second limit to pass, then retrying", e.getMessage());
            } catch (CiscoException.Cancelled e) {
                breaker.released();
                throw e;
            } catch (CiscoException e) {
                Meters.ciscoRequest(api.settingName(), "refused");
                breaker.succeeded(); // Cisco answered (with a refusal): the API is up
                throw e;
            } catch (RuntimeException | Error e) {
                breaker.released();
                throw e;
            }
        }
    }

    /**
     * Waits for this request's turn under the API's quota (or throws "rate limited"). Called right before each
     * request leaves, after the token is in hand, so the turn is taken when the request really goes.
     */
    public void awaitTurn(SupportApi api, CallContext call) {
        limiter.acquire(api, call);
    }

    /** 250 ms, 500 ms, 1 s... up to 4 s, each cut by a random part of up to half so callers do not retry in step. */
    Duration backoff(int attempt) {
        long full = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(10, attempt - 1));
        return Duration.ofMillis((long) (full * (0.5 + 0.5 * random.getAsDouble())));
    }

    /** A retry may start only if it can end, timing out at worst, within the retry budget and the call's deadline. */
    private boolean fitsBudget(long started, Duration delay, CallContext call) {
        long now = time.nanos();
        long worstEnd = now - started + delay.toNanos() + settings.timeout().toNanos();
        return worstEnd <= settings.retryBudget().toNanos() && delay.toNanos() < call.nanosLeft(now);
    }

    /** The call has used its time: what it has not asked yet is not asked. */
    static CiscoException.Unavailable pastDeadline(SupportApi api, CallContext call) {
        return new CiscoException.Unavailable("Cisco's " + api.displayName() + " was not asked: this tool call has used the "
                + call.timeLimit().toSeconds() + " s it may spend on Cisco (CISCO_CALL_DEADLINE_SECONDS).", false);
    }

    private void sleep(SupportApi api, Duration delay, CallContext call) {
        try {
            if (!time.sleep(delay, call)) {
                throw new CiscoException.Cancelled(api.displayName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping
            throw new CiscoException.Cancelled(api.displayName());
        }
    }
}
