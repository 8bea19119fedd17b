package dev.ciscosupport.mcp.compat;

import dev.ciscosupport.mcp.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Tests that start servers of their own against one embedded Cisco sandbox, shared by the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WithSandbox {
    protected SandboxServer sandbox;

    @BeforeAll
    void startSandbox() {
        sandbox = SandboxServer.startOnLoopback();
    }

    @AfterAll
    void stopSandbox() {
        sandbox.close();
    }
}
