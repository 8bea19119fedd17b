package dev.ciscosupport.mcp.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The built jar, and how to start it the way a user does. */
final class McpJar {
    /** Variables of the test's own environment that must not leak into the server under test. */
    private static final List<String> SERVER_VARIABLES = List.of("CISCO_CLIENT_ID", "CISCO_CLIENT_SECRET", "SUPPORT_API",
            "MCP_BEARER_TOKEN", "DANGEROUSLY_OMIT_AUTH", "PORT", "HOST", "NODE_ENV", "CISCO_API_BASE_URL",
            "CISCO_TOKEN_URL");

    private McpJar() {
    }

    static Path path() {
        Path jar = Path.of(System.getProperty("mcp.jar", "target/cisco-support-mcp.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Build the jar first (mvn package): " + jar);
        }
        return jar;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The server from the built jar with the test fixtures on its class path (the conformance suite's tools, prompts and
     * resources, which the released jar does not carry).
     */
    static List<String> commandWithTestFixtures(String... args) throws java.io.IOException {
        String testClasses;
        try {
            testClasses = Path.of(McpJar.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new java.io.IOException(e);
        }
        List<String> command = new ArrayList<>(List.of(java(), "-cp", path() + java.io.File.pathSeparator + testClasses,
                "dev.ciscosupport.mcp.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }

    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", path().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * A clean environment for the server: the machine's basics, none of our variables, then {@code extra}; and, unless
     * {@code extra} names one, a cache folder of its own (what one start leaves the next stays out of the user's).
     */
    static void prepare(Map<String, String> environment, Map<String, String> extra) {
        SERVER_VARIABLES.forEach(environment::remove);
        environment.put("CISCO_MCP_CACHE", newCacheFolder().toString());
        environment.putAll(extra);
    }

    /** An empty folder for one server's {@code CISCO_MCP_CACHE}, under target/. */
    static Path newCacheFolder() {
        try {
            Path parent = path().getParent().resolve("server-caches");
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "start");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
