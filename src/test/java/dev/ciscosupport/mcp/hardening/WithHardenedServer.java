package dev.ciscosupport.mcp.hardening;

import dev.ciscosupport.mcp.cisco.TestCisco;
import dev.ciscosupport.mcp.cisco.resilience.TimeSource;
import dev.ciscosupport.mcp.config.HttpSecurity;
import dev.ciscosupport.mcp.config.SessionLimits;
import dev.ciscosupport.mcp.config.Upstream;
import dev.ciscosupport.mcp.replay.InProcessServer;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import dev.ciscosupport.mcp.security.AcceptedToken;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Tests of HTTP mode's abuse limits: each test starts the whole server in this JVM (against one embedded Cisco sandbox
 * shared by the class) with the limits it is about, and speaks raw HTTP to it as an attacker or a client would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WithHardenedServer {
    protected SandboxServer sandbox;
    private final List<InProcessServer> started = new ArrayList<>();
    /** How the servers a test starts call Cisco: plainly (no retries, quota or cache) unless the test says otherwise. */
    protected Upstream upstream = TestCisco.plain();
    protected TimeSource upstreamTime = TimeSource.SYSTEM;

    @BeforeAll
    void startSandbox() {
        sandbox = SandboxServer.startOnLoopback();
    }

    @AfterEach
    void stopServers() {
        started.forEach(InProcessServer::close);
        started.clear();
        upstream = TestCisco.plain();
        upstreamTime = TimeSource.SYSTEM;
    }

    @AfterAll
    void stopSandbox() {
        sandbox.close();
    }

    /** The server with these session limits, new sessions per minute per client, clock and tokens; generous rates. */
    Raw start(SessionLimits sessions, int newSessionsPerMinute, InstantSource clock, List<AcceptedToken> tokens) {
        return start(100_000, 100_000, sessions, newSessionsPerMinute, clock, tokens);
    }

    /** The same, with this per-client request rate (per second) and burst. */
    Raw start(double rate, int burst, SessionLimits sessions, int newSessionsPerMinute, InstantSource clock,
            List<AcceptedToken> tokens) {
        return start(rate, burst, sessions, newSessionsPerMinute, HttpSecurity.defaults().idleTimeout(), clock, tokens);
    }

    /** The same, with this idle timeout for connections. */
    Raw start(double rate, int burst, SessionLimits sessions, int newSessionsPerMinute, java.time.Duration idleTimeout,
            InstantSource clock, List<AcceptedToken> tokens) {
        HttpSecurity d = HttpSecurity.defaults();
        HttpSecurity security = new HttpSecurity(d.bearerTokens(), d.tokenFile(), d.queryToken(), d.allowedOrigins(),
                d.allowedHosts(), rate, burst, newSessionsPerMinute, d.lockoutFailures(), d.lockoutWindow(),
                d.lockoutDuration(), null, null, null, null, null, idleTimeout, sessions, false, true, List.of());
        InProcessServer server = InProcessServer.withSecurity(sandbox.apiBaseUrl(), sandbox.tokenUrl(),
                SandboxServer.CLIENT_ID, SandboxServer.CLIENT_SECRET, security, tokens, clock, upstream, upstreamTime);
        started.add(server);
        return new Raw(server.url(), server::securityLog);
    }
}
