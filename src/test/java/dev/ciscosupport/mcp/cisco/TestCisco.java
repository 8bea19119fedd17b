package dev.ciscosupport.mcp.cisco;

import dev.ciscosupport.mcp.sandbox.SandboxServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** A sandbox and a gateway pointed at it, for the API classes' tests; and Cisco's recorded examples. */
public final class TestCisco implements AutoCloseable {
    public final SandboxServer sandbox;
    public final CiscoGateway gateway;

    private TestCisco() {
        sandbox = SandboxServer.startOnLoopback();
        HttpClient http = CiscoGateway.newHttpClient(Duration.ofSeconds(5));
        CiscoTokenSource tokens = new CiscoTokenSource(http, sandbox.tokenUrl(), SandboxServer.CLIENT_ID,
                SandboxServer.CLIENT_SECRET, InstantSource.system(), Duration.ofSeconds(5));
        gateway = new CiscoGateway(http, sandbox.apiBaseUrl(), tokens, Optional.empty(), Duration.ofSeconds(5));
    }

    public static TestCisco start() {
        return new TestCisco();
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
