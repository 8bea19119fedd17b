package dev.ciscosupport.mcp.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * Every metric the server keeps, named in one place (README, "Metrics"). They are recorded in Micrometer's global
 * registry, which costs next to nothing until a registry is attached to it: HTTP mode attaches a Prometheus one when
 * {@code MCP_METRICS=true} and serves it at {@code /metrics}.
 */
public final class Meters {
    /** The breakers' states the gauges read (held here: a gauge keeps only a weak reference to what it reads). */
    private static final Map<String, AtomicInteger> BREAKERS = new ConcurrentHashMap<>();

    private Meters() {
    }

    /** One request sent to Cisco and how it ended: ok, refused (Cisco said no), unavailable, rate_limited. */
    public static void ciscoRequest(String api, String outcome) {
        Counter.builder("cisco.requests").description("Requests sent to Cisco's APIs, by how they ended")
                .tags("api", api, "outcome", outcome).register(Metrics.globalRegistry).increment();
    }

    /** A request to Cisco sent again after a failure that may pass. */
    public static void ciscoRetry(String api) {
        Counter.builder("cisco.retries").description("Requests to Cisco sent again after a failure that may pass")
                .tags("api", api).register(Metrics.globalRegistry).increment();
    }

    /** How long a call waited for its turn under the server's quota for an API. */
    public static void quotaWait(String api, Duration waited) {
        Timer.builder("cisco.quota.wait").description("Time calls waited for their turn under the Cisco quota")
                .tags("api", api).register(Metrics.globalRegistry).record(waited);
    }

    /** A call answered "rate limited" by the server itself: its turn was further away than the allowed wait. */
    public static void quotaRefused(String api) {
        Counter.builder("cisco.quota.refused").description("Calls refused because the Cisco quota was used up for now")
                .tags("api", api).register(Metrics.globalRegistry).increment();
    }

    /** An answer asked of the cache: hit (kept), joined (an identical request in flight), miss (fetched). */
    public static void cache(String api, String result) {
        Counter.builder("cisco.cache").description("Cisco answers asked of the cache, by result")
                .tags("api", api, "result", result).register(Metrics.globalRegistry).increment();
    }

    /** Whether calls to an API fail fast because its circuit breaker is open, as the breaker last said. */
    public static void breakerOpen(String api, boolean open) {
        BREAKERS.computeIfAbsent(api, name -> {
            AtomicInteger state = new AtomicInteger();
            Gauge.builder("cisco.breaker.open", state, AtomicInteger::get).description("1 while calls to the API fail fast")
                    .tags("api", name).register(Metrics.globalRegistry);
            return state;
        }).set(open ? 1 : 0);
    }

    /** A tool call and how long it took: outcome ok, error (a sentence to act on), failed (unexpected). */
    public static void toolCall(String tool, String outcome, Duration took) {
        Timer.builder("mcp.tool.calls").description("Tool calls, by tool and outcome")
                .tags("tool", tool, "outcome", outcome).register(Metrics.globalRegistry).record(took);
    }

    /** Live MCP sessions of one HTTP server, in the registry that server serves. */
    public static <T> void liveSessions(MeterRegistry registry, T sessions, ToDoubleFunction<T> count) {
        Gauge.builder("mcp.sessions.live", sessions, count).description("Live MCP sessions (HTTP mode)")
                .register(registry);
    }

    /** An HTTP answer that refused or failed a request, by status (401, 403, 404, 413, 429, 503...). */
    public static void httpRefusal(int status) {
        Counter.builder("mcp.http.refusals").description("HTTP requests refused or failed, by status")
                .tags("status", String.valueOf(status)).register(Metrics.globalRegistry).increment();
    }
}
