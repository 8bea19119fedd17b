package dev.ciscosupport.mcp.it;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** What the tests against the sandbox share: a sandbox for the class, counts and faults cleared before each test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SandboxToolsIT {
    final CiscoSandbox cisco = new CiscoSandbox();

    @AfterAll
    void stopCisco() {
        cisco.close();
    }

    @BeforeEach
    void clearCounts() {
        cisco.resetCounts();
    }

    /** The server's environment for this sandbox, offering only {@code supportApi}'s tools. */
    Map<String, String> env(String supportApi) {
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("SUPPORT_API", supportApi);
        return env;
    }

    /** The TypeScript client over stdio, the server offering only {@code supportApi}'s tools. */
    Scenario scenario(String supportApi) {
        return Scenario.stdio(env(supportApi));
    }
}
