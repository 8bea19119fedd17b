package dev.ciscosupport.mcp.cisco;

import dev.ciscosupport.mcp.cisco.resilience.TimeSource;
import dev.ciscosupport.mcp.config.Upstream;
import dev.ciscosupport.mcp.json.Json;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** A sandbox and a gateway pointed at it, for the API classes' tests; and Cisco's recorded examples. */
public final class TestCisco implements AutoCloseable {
    public final SandboxServer sandbox;
    public final CiscoGateway gateway;

    private TestCisco(Upstream upstream, TimeSource time) {
        sandbox = SandboxServer.startOnLoopback();
        CiscoHttp http = new CiscoHttp(Duration.ofSeconds(5));
        CiscoTokenSource tokens = new CiscoTokenSource(http, sandbox.tokenUrl(), SandboxServer.CLIENT_ID,
                SandboxServer.CLIENT_SECRET, InstantSource.system(), upstream.timeout());
        gateway = new CiscoGateway(http, sandbox.apiBaseUrl(), tokens, Optional.empty(), upstream, time);
    }

    /**
     * A gateway for tests of the API classes: no retries, no cache and a quota out of the way, so each
     * call is exactly one request to the sandbox and a fault answers at once.
     */
    public static TestCisco start() {
        return start(plain(), TimeSource.SYSTEM);
    }

    /** A gateway with these upstream settings, sleeping and telling time through {@code time}. */
    public static TestCisco start(Upstream upstream, TimeSource time) {
        return new TestCisco(upstream, time);
    }

    /** The server's defaults with retries, cache and quota (and so Cisco's pauses) taken out of the way. */
    public static Upstream plain() {
        Upstream d = Upstream.defaults();
        return new Upstream(Duration.ofSeconds(5), 0, d.retryBudget(), Map.of(), d.quotaWait(), Map.of(), 0,
                d.breakerFailures(), d.breakerOpen());
    }

    /** A file of {@code shared/cisco-api/examples}, copied into the test resources, e.g. {@code eox/EOXByProductID.200.json}. */
    public static JsonNode example(String path) {
        try (InputStream in = TestCisco.class.getResourceAsStream("/cisco-examples/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + path);
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
