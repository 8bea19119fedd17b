package dev.ciscosupport.mcp.config;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the server treats Cisco's shared, rate-limited gateway (README, "Resilience"); every field has a variable.
 *
 * @param timeout         {@code CISCO_TIMEOUT_SECONDS}: how long one request to Cisco may take
 * @param retries         {@code CISCO_RETRIES}: extra attempts after a connection error, timeout, 5xx or malformed JSON
 * @param retryBudget     {@code CISCO_RETRY_BUDGET_SECONDS}: no retry starts that could end after this much time
 *                        since the first attempt (MCP clients commonly give up on a call after 60 s)
 * @param quotas          {@code CISCO_QUOTA} for every API, {@code CISCO_QUOTA_<API>} for one
 * @param quotaWait       {@code CISCO_QUOTA_MAX_WAIT_SECONDS}: how long a call waits for its turn under the quota
 *                        before it is answered "rate limited"
 * @param cacheTtl        {@code CISCO_CACHE_TTL_<API>} (seconds; 0 = not cached): how long an answer is reused
 * @param cacheMegabytes  {@code CISCO_CACHE_MB}: memory for cached answers (0 = no cache)
 * @param breakerFailures {@code CISCO_BREAKER_FAILURES}: failed calls in a row that stop calls to an API for a while
 * @param breakerOpen     {@code CISCO_BREAKER_OPEN_SECONDS}: how long calls fail fast before one probe is let through
 * @param callDeadline    {@code CISCO_CALL_DEADLINE_SECONDS}: how long one tool call may go on asking Cisco (every
 *                        request, retry and quota wait of it, an analysis's dozens included)
 */
public record Upstream(
        Duration timeout,
        int retries,
        Duration retryBudget,
        Map<SupportApi, Quota> quotas,
        Duration quotaWait,
        Map<SupportApi, Duration> cacheTtl,
        int cacheMegabytes,
        int breakerFailures,
        Duration breakerOpen,
        Duration callDeadline) {

    public Upstream {
        quotas = Map.copyOf(quotas);
        cacheTtl = Map.copyOf(cacheTtl);
    }

    /** Settings for the requests alone (tests of one request): tool calls get the default deadline. */
    public Upstream(Duration timeout, int retries, Duration retryBudget, Map<SupportApi, Quota> quotas, Duration quotaWait,
            Map<SupportApi, Duration> cacheTtl, int cacheMegabytes, int breakerFailures, Duration breakerOpen) {
        this(timeout, retries, retryBudget, quotas, quotaWait, cacheTtl, cacheMegabytes, breakerFailures, breakerOpen,
                defaults().callDeadline());
    }

    /**
     * What the server uses when nothing is set: {@link SettingsTable}'s defaults (SPEC.md §1.5: openVuln documents 5/s,
     * 30/min, 5000/day; the Support APIs' numbers are per app, so 5/s is Cisco's advice).
     */
    public static Upstream defaults() {
        return SettingsLoader.defaults().upstream();
    }

    public Quota quota(SupportApi api) {
        return quotas.get(api);
    }

    public Duration cacheTtl(SupportApi api) {
        return cacheMegabytes == 0 ? Duration.ZERO : cacheTtl.getOrDefault(api, Duration.ZERO);
    }

    @Override
    public String toString() {
        return "Upstream[timeout=" + timeout.toSeconds() + "s, retries=" + retries + ", retryBudget=" + retryBudget.toSeconds()
                + "s, quotas=" + quotas.entrySet().stream().map(e -> e.getKey().settingName() + "=" + e.getValue()).sorted()
                        .collect(Collectors.joining(" "))
                + ", quotaWait=" + quotaWait.toSeconds() + "s, cacheMegabytes=" + cacheMegabytes + ", breaker="
                + breakerFailures + "/" + breakerOpen.toSeconds() + "s, callDeadline=" + callDeadline.toSeconds() + "s]";
    }
}
