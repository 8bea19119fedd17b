package dev.ciscosupport.mcp.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.MutableClock;
import dev.ciscosupport.mcp.config.SessionLimits;
import dev.ciscosupport.mcp.replay.InProcessServer;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import dev.ciscosupport.mcp.security.AcceptedToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an operator's Prometheus reads at {@code /metrics} (with {@code MCP_METRICS=true} and a bearer token): Cisco
 * requests by API and outcome, the cache, quota waits, the breaker, tool calls, live sessions and refusals.
 */
class MetricsTest extends WithHardenedServer {
    static final String TOKEN = "metrics-test-token-0123456789abcdef";
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aScraperWithTheTokenReadsWhatTheServerDid() throws Exception {
        upstream = dev.ciscosupport.mcp.config.Upstream.defaults(); // the production quota and cache, on a test clock
        upstreamTime = new dev.ciscosupport.mcp.cisco.resilience.FakeTime();
        Raw server = start(SessionLimits.defaults(), 100_000, MutableClock.at2026(), List.of(AcceptedToken.of(TOKEN, "m")));
        String session = server.open(TOKEN);
        server.post(TOKEN, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        for (int i = 0; i < 2; i++) {
            assertThat(server.post(TOKEN, session, "{\"jsonrpc\":\"2.0\",\"id\":" + (10 + i) + ",\"method\":\"tools/call\","
                    + "\"params\":{\"name\":\"get_bug_details\",\"arguments\":{\"bug_ids\":\"CSCvi10692\"}}}").statusCode())
                    .isEqualTo(200);
        }
        assertThat(server.ping("not-the-token-0123456789abcdef", null).statusCode()).isEqualTo(401);

        assertThat(get(server.url().resolve("/metrics"), null).statusCode()).as("without a token").isEqualTo(401);
        HttpResponse<String> scraped = get(server.url().resolve("/metrics"), TOKEN);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        String text = scraped.body();
        assertThat(value(text, "cisco_requests_total", "api=\"bug\",outcome=\"ok\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(text, "cisco_cache_total", "api=\"bug\",result=\"hit\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(text, "cisco_cache_total", "api=\"bug\",result=\"miss\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(text, "cisco_quota_wait_seconds_count", "api=\"bug\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(text, "cisco_breaker_open", "api=\"bug\"")).isZero();
        assertThat(value(text, "mcp_tool_calls_seconds_count", "outcome=\"ok\",tool=\"get_bug_details\""))
                .isGreaterThanOrEqualTo(2);
        assertThat(value(text, "mcp_sessions_live", null)).isGreaterThanOrEqualTo(1);
        assertThat(value(text, "mcp_http_refusals_total", "status=\"401\"")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void withoutTheSettingThereIsNoMetricsEndpoint() throws Exception {
        try (InProcessServer plain = new InProcessServer(sandbox.apiBaseUrl(), sandbox.tokenUrl(), SandboxServer.CLIENT_ID,
                SandboxServer.CLIENT_SECRET)) {
            assertThat(get(plain.url().resolve("/metrics"), plain.bearer()).statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<String> get(URI url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of a metric line, by its name and labels as Prometheus writes them. */
    private static double value(String text, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + (labels == null ? "" : "\\{" + Pattern.quote(labels) + "\\}")
                + " ([0-9.eE+-]+)$").matcher(text);
        assertThat(m.find()).as("%s{%s} in:%n%s", name, labels, text).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
