package dev.ciscosupport.mcp.server;

/**
 * Something that adds to what the server offers, found on the class path ({@link java.util.ServiceLoader}) rather than
 * built in: the MCP conformance suite's fixtures are one, and live with the tests, never in the released jar.
 */
public interface ServerExtension {
    /** The features with this extension's added. */
    ServerFeatures extend(ServerFeatures features);
}
