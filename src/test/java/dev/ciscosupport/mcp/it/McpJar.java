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

    /** The server as a user starts it from the jar: {@code java -jar}, nothing else. */
    static List<String> plainCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", path().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** The server from the jar, sharing its classes with the other starts of the test run ({@link #sharedClasses}). */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(sharedClasses());
        command.addAll(List.of("-jar", path().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * JVM options that map the server's classes from one archive made at the first start of the test run (AppCDS, as the
     * launcher does for users): each of the suite's hundred-odd starts then takes about 0.5 s and 1 s of CPU less. JVM
     * logging goes to stderr, errors only (a warning about the archive would otherwise go to stdout). Empty when the
     * archive could not be made: the starts are then only slower.
     */
    static synchronized List<String> sharedClasses() {
        if (sharedClasses == null) {
            Path archive = archive();
            sharedClasses = archive == null ? List.of() : List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto",
                    "-Xlog:disable", "-Xlog:all=error:stderr");
        }
        return sharedClasses;
    }

    private static List<String> sharedClasses;

    /**
     * The archive of this jar's classes (by its size and time), made once for both test JVMs: under a file lock, by a
     * stdio session that initializes and lists the tools, dumping what it loaded when it exits.
     */
    private static Path archive() {
        Path jar = path();
        try {
            Path archive = jar.resolveSibling("it-classes-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis()
                    + ".jsa");
            try (java.nio.channels.FileChannel lock = java.nio.channels.FileChannel.open(jar.resolveSibling("it-classes.lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
                lock.lock(); // released when the channel closes; the other test JVM waits here for the archive
                if (Files.isRegularFile(archive)) {
                    return archive;
                }
                Path made = jar.resolveSibling(archive.getFileName() + ".tmp");
                Files.deleteIfExists(made);
                ProcessBuilder builder = new ProcessBuilder(java(), "-XX:ArchiveClassesAtExit=" + made, "-Xlog:disable",
                        "-Xlog:all=error:stderr", "-jar", jar.toString(), "--sandbox")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
                prepare(builder.environment(), Map.of());
                Process dump = builder.start();
                try (java.io.OutputStream in = dump.getOutputStream()) {
                    in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"archive\",\"version\":\"1\"}}}\n"
                            + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                if (!dump.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || dump.exitValue() != 0
                        || !Files.isRegularFile(made)) {
                    dump.destroyForcibly();
                    return null;
                }
                Files.move(made, archive, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                return archive;
            }
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
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
