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
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(launcherOptions());
        command.addAll(List.of("-cp", path() + java.io.File.pathSeparator + testClasses, "dev.ciscosupport.mcp.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }

    /** The server as a user starts it from the jar: {@code java -jar}, nothing else. */
    static List<String> plainCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", path().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The server from the jar as the launcher starts it: the launcher's JVM options ({@link #launcherOptions}), and its
     * classes shared with the other starts of the test run ({@link #sharedClasses}).
     */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(launcherOptions());
        command.addAll(sharedClasses());
        command.addAll(List.of("-jar", path().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The JVM options of the launcher, {@code bin/cisco-support-mcp} (its {@code jvm=(...)} list), read from the script
     * itself so that the tests run the server with what users run it with: its heap, its collector, C1 alone, JVM logging
     * to stderr and errors only. C1 alone also spares each of the suite's short-lived servers about a second of CPU that
     * C2 would spend compiling.
     */
    static synchronized List<String> launcherOptions() {
        if (launcherOptions == null) {
            Path launcher = Path.of("bin", "cisco-support-mcp");
            String script;
            try {
                script = Files.readString(launcher);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("the launcher's JVM options: " + launcher.toAbsolutePath(), e);
            }
            java.util.regex.Matcher jvm = java.util.regex.Pattern.compile("(?m)^jvm=\\(([^)]*)\\)").matcher(script);
            if (!jvm.find()) {
                throw new IllegalStateException("no jvm=(...) list of JVM options in " + launcher.toAbsolutePath());
            }
            launcherOptions = List.of(jvm.group(1).trim().split("\\s+"));
        }
        return launcherOptions;
    }

    private static List<String> launcherOptions;

    /**
     * JVM options that map the server's classes from one archive made at the first start of the test run (AppCDS, as the
     * launcher does for users): each of the suite's hundred-odd starts then takes about 0.5 s and 1 s of CPU less. Empty
     * when the archive could not be made: the starts are then only slower.
     */
    static synchronized List<String> sharedClasses() {
        if (sharedClasses == null) {
            Path archive = archive();
            sharedClasses = archive == null ? List.of() : List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
        }
        return sharedClasses;
    }

    private static List<String> sharedClasses;

    /**
     * The archive of this jar's classes (by its size and time), made once for both test JVMs: under a file lock, by a
     * stdio session on the sandbox that initializes, lists the tools and asks a question, dumping what it loaded when it
     * exits. With the classes of a call archived too, as in the launcher's archive of a first session that asked one, the
     * suite's servers spend less CPU on their first calls (its hundred-odd stdio and HTTP servers nearly all call tools).
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
                List<String> command = new ArrayList<>(List.of(java()));
                command.addAll(launcherOptions());
                command.addAll(List.of("-XX:ArchiveClassesAtExit=" + made, "-jar", jar.toString(), "--sandbox"));
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
                prepare(builder.environment(), Map.of());
                Process dump = builder.start();
                try (java.io.OutputStream in = dump.getOutputStream()) {
                    in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"archive\",\"version\":\"1\"}}}\n"
                            + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n"
                            + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
                            + "\"get_bug_details\",\"arguments\":{\"bug_ids\":\"CSCvx12345\"}}}\n")
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
