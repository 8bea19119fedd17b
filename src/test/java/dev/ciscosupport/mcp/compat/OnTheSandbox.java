package dev.ciscosupport.mcp.compat;

import dev.ciscosupport.mcp.replay.InProcessServer;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests of what a client sees from the whole server in this JVM, every API on (Smart Bonding too), answering from the sandbox. */
abstract class OnTheSandbox extends WithSandbox {
    protected InProcessServer server;

    @BeforeAll
    void startServer() {
        server = new InProcessServer(sandbox.apiBaseUrl(), sandbox.tokenUrl(), SandboxServer.CLIENT_ID, SandboxServer.CLIENT_SECRET,
                null, null, InProcessServer.everyApi());
    }

    @AfterAll
    void stopServer() {
        server.close();
    }
}
