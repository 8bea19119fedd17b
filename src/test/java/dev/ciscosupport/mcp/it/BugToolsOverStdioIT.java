package dev.ciscosupport.mcp.it;

/** The Bug API tools over stdio: the TypeScript SDK client spawns the jar. */
class BugToolsOverStdioIT extends BugToolsContract {
    @Override
    Scenario scenario() {
        return Scenario.stdio(cisco.env());
    }

    /** Every stdio scenario starts its own server process. */
    @Override
    Scenario serverOfItsOwn() {
        return scenario();
    }
}
