package dev.ciscosupport.mcp.compat;

import dev.ciscosupport.mcp.replay.InProcessServer;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Tests of what a client sees from the whole server in this JVM, every API on, answering from the sandbox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OnTheSandbox {
    protected SandboxServer sandbox;
    protected InProcessServer server;

    @BeforeAll
    void startServer() {
        sandbox = SandboxServer.startOnLoopback();
        server = new InProcessServer(sandbox.apiBaseUrl(), sandbox.tokenUrl(), SandboxServer.CLIENT_ID, SandboxServer.CLIENT_SECRET);
    }

    @AfterAll
    void stopServer() {
        server.close();
        sandbox.close();
    }
}
