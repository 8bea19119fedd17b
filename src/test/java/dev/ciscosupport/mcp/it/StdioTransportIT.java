package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * stdio as the protocol needs it: stdout carries only JSON-RPC from start to exit, logs go to stderr,
 * and the process exits cleanly when stdin closes, after answering what is in flight.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StdioTransportIT {
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private final CiscoSandbox cisco = new CiscoSandbox();

    @AfterAll
    void stop() {
        cisco.close();
    }

    /** Writes the lines, closes stdin at once, and returns every stdout line and the exit code. */
    private Run run(List<String> lines, String... args) throws Exception {
        Path err = Files.createTempFile("stdio", ".err");
        ProcessBuilder builder = new ProcessBuilder(McpJar.plainCommand(args)).redirectError(err.toFile());
        McpJar.prepare(builder.environment(), cisco.env());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            for (String line : lines) {
                in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.add(line);
            }
        }
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        Run run = new Run(out, exited ? process.exitValue() : -1, Files.readString(err));
        Files.deleteIfExists(err);
        return run;
    }

    private record Run(List<String> stdout, int exitCode, String stderr) {
    }

    @Test
    void everyStdoutLineIsJsonRpcAndAnswersInFlightAreNotLost() throws Exception {
        Run run = run(List.of(INITIALIZE, INITIALIZED,
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"search_bugs_by_keyword\","
                        + "\"arguments\":{\"keyword\":\"crash\"}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"get_bug_details\","
                        + "\"arguments\":{\"bug_ids\":\"CSCvt4397/../x\"}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}"));
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.stderr()).isZero();
        List<Integer> answered = new ArrayList<>();
        for (String line : run.stdout()) {
            JsonNode message = Json.MAPPER.readTree(line);
            assertThat(message.path("jsonrpc").asString()).as(line).isEqualTo("2.0");
            assertThat(message.has("result") || message.has("error") || message.has("method")).as(line).isTrue();
            if (message.has("id")) {
                answered.add(message.path("id").asInt());
            }
        }
        assertThat(answered).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(run.stderr()).contains("serving MCP over stdio");
    }

    /**
     * A 2026-07-28 client over stdio (no initialize): each Cisco answer's progress goes out before the result, in order;
     * a malformed line is answered and the next served; ping is a removed method; the call in flight at the end of input
     * is answered before the process exits (the SDK's own stdio transport would drop it).
     */
    @Test
    void theStatelessRevisionProgressesInOrderAndAnswersBeforeExiting() throws Exception {
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{},\"progressToken\":\"p\"}";
        // The first message chooses the revision (a line that is not JSON would open a 2025-11-25 session).
        Run run = run(List.of("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\",\"params\":{" + meta + "}}",
                "this is not json",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"multi_severity_search\","
                        + "\"arguments\":{\"search_term\":\"crash\",\"search_type\":\"keyword\",\"max_severity\":3}," + meta + "}}"));
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.stderr()).isZero();
        List<String> seen = new ArrayList<>();
        for (String line : run.stdout()) {
            JsonNode message = Json.MAPPER.readTree(line);
            seen.add(message.has("method") ? "progress " + message.path("params").path("progress").asInt()
                    : message.path("id").isNull() ? "error " + message.path("error").path("code").asInt()
                    : message.path("id").asInt() + (message.has("error") ? " error " + message.path("error").path("code").asInt()
                            : " result"));
        }
        assertThat(seen).containsExactlyInAnyOrder("error -32700", "2 error -32601", "progress 1", "progress 2",
                "progress 3", "3 result");
        assertThat(seen.subList(seen.indexOf("progress 1"), seen.size()))
                .containsSubsequence("progress 1", "progress 2", "progress 3", "3 result");
    }

    @Test
    void malformedInputGetsAJsonRpcErrorOnStdoutAndNothingElse() throws Exception {
        Run run = run(List.of(INITIALIZE, INITIALIZED, "this is not json", "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}"));
        assertThat(run.exitCode()).isZero();
        for (String line : run.stdout()) {
            assertThat(Json.MAPPER.readTree(line).path("jsonrpc").asString()).as(line).isEqualTo("2.0");
            assertThat(line).doesNotContain("Exception", "\tat ");
        }
        assertThat(run.stdout()).anyMatch(l -> l.contains("\"id\":7"));
    }

    /**
     * The launcher on the JDK the tests run on (17: a class-data sharing archive, written as the first run exits) and on
     * a JDK 25 (an AOT cache, made in the background after the first run has ended; these machines have one installed
     * beside the default JDK): stdout carries only the protocol while the archive is made and when it is used, and a
     * rebuilt jar's archive replaces the old one (each is 30-40 MB) and what a launcher killed while recording left.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"this JDK", "JDK 25"})
    void theLauncherKeepsStdoutCleanWhileItMakesAndThenUsesItsArchive(String jdk,
            @org.junit.jupiter.api.io.TempDir Path cache, @org.junit.jupiter.api.io.TempDir Path jars) throws Exception {
        Path javaHome = jdk.equals("this JDK") ? Path.of(System.getProperty("java.home")) : jdk25();
        String kept = jdk.equals("this JDK") ? ".jsa" : ".aot";
        Path jar = Files.copy(McpJar.path(), jars.resolve("cisco-support-mcp.jar"));
        List<String> archives = new ArrayList<>();
        for (int run = 1; run <= 3; run++) {
            if (run == 3) { // the jar rebuilt: another time stamp
                Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
                        Files.getLastModifiedTime(jar).toMillis() - 60_000));
                killWhileRecording(javaHome, cache, jar, kept);
            }
            String name = "run " + run;
            listTools(launcher(javaHome, cache, jar), () -> name);
            archives.add(onlyArchive(cache, kept, run == 3 ? archives.get(1) : null, "after run " + run));
        }
        assertThat(archives.get(1)).as("the second run used the first run's archive").isEqualTo(archives.get(0));
        assertThat(archives.get(2)).as("the rebuilt jar's replaced it").isNotEqualTo(archives.get(1));
    }

    /**
     * A JDK changed where it stands, on a copy of the one the tests run on (hard links where it can), after a first run
     * that only asked for the version and so made no archive (an archive of it would serve no session). Its own
     * class-data archive made anew ({@code java -Xshare:dump}, as some container images do): below JDK 25 the
     * launcher's archive is layered on it, and the JVM then refuses ours without a word, so a launcher that kept it
     * would start every session without one; the next start must make one the JDK accepts. Then the JDK upgraded in
     * place (another version in its release file, as a package manager leaves it): the archive made for the version
     * before is removed.
     */
    @Test
    void theLauncherMakesItsArchiveAnewWhenTheJdkChangesInPlace(@org.junit.jupiter.api.io.TempDir Path cache,
            @org.junit.jupiter.api.io.TempDir Path work) throws Exception {
        Path jdk = linkedCopy(Path.of(System.getProperty("java.home")), work.resolve("jdk"));
        String release = release(jdk);
        assertThat(release).as("the JDK the tests run on is older than 25 (a layered archive, not an AOT cache)")
                .doesNotContain("JAVA_VERSION=\"2").doesNotContain("JAVA_VERSION=\"3");
        Path jar = Files.copy(McpJar.path(), work.resolve("cisco-support-mcp.jar"));
        Process version = launcher(jdk, cache, jar, "--version");
        version.getOutputStream().close();
        assertThat(new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .startsWith("cisco-support-mcp ");
        assertThat(version.waitFor(60, TimeUnit.SECONDS)).isTrue();
        try (var files = Files.list(cache)) {
            assertThat(files).as("no archive of --version, which loads a sliver of a session").isEmpty();
        }
        String first = sessionThroughLauncher(jdk, cache, jar, null);
        assertThat(usable(jdk, cache.resolve(first), jar)).as("the first archive, used").isTrue();

        Path own = jdk.resolve("lib/server/classes.jsa");
        Files.delete(own); // a link: the JDK it was copied from keeps its archive
        assertThat(java(jdk, "-Xshare:dump")).isZero();
        assertThat(own).exists();
        assertThat(usable(jdk, cache.resolve(first), jar)).as("the first archive, refused now").isFalse();
        String second = sessionThroughLauncher(jdk, cache, jar, first);
        assertThat(usable(jdk, cache.resolve(second), jar)).as("the archive made anew").isTrue();

        Files.delete(jdk.resolve("release")); // a link too
        Files.writeString(jdk.resolve("release"), release.replaceFirst("JAVA_RUNTIME_VERSION=\"", "$0999-"));
        String third = sessionThroughLauncher(jdk, cache, jar, second);
        assertThat(third).as("named for the new version").contains("999-");
    }

    /** Whether the JDK maps this archive when it must ({@code -Xshare:on}: a JVM that cannot, stops). */
    private static boolean usable(Path javaHome, Path archive, Path jar) throws Exception {
        return java(javaHome, "-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-jar", jar.toString(), "--version") == 0;
    }

    /** Runs a session through the launcher and answers the one archive it then keeps (not {@code notThis}). */
    private String sessionThroughLauncher(Path javaHome, Path cache, Path jar, String notThis) throws Exception {
        listTools(launcher(javaHome, cache, jar), () -> "a session");
        return onlyArchive(cache, ".jsa", notThis, "after a session");
    }

    /**
     * A short session with {@code server}: initialize, tools/list, the end of input. It must answer both on stdout,
     * nothing else there, and exit with status 0; {@code context} says which session failed.
     */
    private static void listTools(Process server, java.util.function.Supplier<String> context) throws Exception {
        try (OutputStream in = server.getOutputStream()) {
            in.write((INITIALIZE + "\n" + INITIALIZED + "\n{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        List<String> lines = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).as(context).isTrue();
        assertThat(lines).as(context).hasSize(2).allMatch(l -> l.startsWith("{\"jsonrpc\":\"2.0\""));
        assertThat(server.exitValue()).as(context).isZero();
    }

    /** Runs the JDK's java with these arguments, output discarded, and answers its exit code. */
    private static int java(Path javaHome, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(), "-XX:+UseSerialGC",
                "-Xmx128m"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s ended", command).isTrue();
        return process.exitValue();
    }

    /** A copy of the JDK at {@code from}: its files hard-linked (copied where links are refused), its links kept. */
    private static Path linkedCopy(Path from, Path to) throws java.io.IOException {
        try (var tree = Files.walk(from)) {
            for (Path source : tree.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isSymbolicLink(source)) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(source));
                } else if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    try {
                        Files.createLink(target, source);
                    } catch (java.io.IOException | UnsupportedOperationException e) {
                        Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        return to;
    }

    /**
     * Kills the launcher of a first session on {@code jar} while it records what a start loads, as a client may (the
     * TypeScript SDK's client sends SIGKILL a second after SIGTERM, and a JVM writing its recording at exit takes
     * longer): its JVM goes on and writes the recording (30-45 MB) at its exit, with nobody left to make the archive
     * from it or to remove it. The next archive made must remove it.
     */
    private void killWhileRecording(Path javaHome, Path cache, Path jar, String kept) throws Exception {
        Process killed = launcher(javaHome, cache, jar);
        OutputStream in = killed.getOutputStream();
        write(in, INITIALIZE);
        assertThat(new BufferedReader(new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8)).readLine())
                .startsWith("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\"");
        ProcessHandle recording = killed.descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                .findFirst().orElseThrow(() -> new AssertionError("no JVM under the launcher"));
        killed.destroyForcibly(); // SIGKILL to the launcher alone
        assertThat(killed.waitFor(10, TimeUnit.SECONDS)).isTrue();
        in.close();
        recording.onExit().get(60, TimeUnit.SECONDS);
        try (var list = Files.list(cache)) {
            assertThat(list.map(f -> f.getFileName().toString()).toList()).as("the archive and the killed one's recording")
                    .hasSize(2).filteredOn(name -> !name.endsWith(kept)).hasSize(1);
        }
    }

    /** The launcher, on the JDK at {@code javaHome}, keeping its archives in {@code cache}; its stderr discarded. */
    private Process launcher(Path javaHome, Path cache, Path jar, String... args) throws java.io.IOException {
        return launcherCommand(javaHome, cache, jar, args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private ProcessBuilder launcherCommand(Path javaHome, Path cache, Path jar, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of("bin/cisco-support-mcp").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        McpJar.prepare(builder.environment(), cisco.env());
        builder.environment().put("CISCO_MCP_CACHE", cache.toString());
        builder.environment().put("CISCO_MCP_JAR", jar.toString());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        return builder;
    }

    /**
     * A cache folder the user cannot write (a read-only home, another user's folder): the launcher runs the server
     * without an archive, as it does where it cannot make the folder, instead of a JVM that fails to write one at every
     * start (JDK 17 then ended every session with exit status 1, JDK 25 recorded every start; both wrote errors).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"this JDK", "JDK 25"})
    void theLauncherRunsWithoutAnArchiveWhereItCannotWriteOne(String jdk, @org.junit.jupiter.api.io.TempDir Path work)
            throws Exception {
        Path javaHome = jdk.equals("this JDK") ? Path.of(System.getProperty("java.home")) : jdk25();
        Path cache = Files.createDirectory(work.resolve("cache"));
        Path err = work.resolve("stderr");
        boolean immutable = unwritable(cache);
        try {
            listTools(launcherCommand(javaHome, cache, McpJar.path()).redirectError(err.toFile()).start(),
                    () -> "stderr: " + read(err));
            assertThat(Files.readString(err)).doesNotContain("[error]", "Error occurred", "Unable to");
            try (var files = Files.list(cache)) {
                assertThat(files).isEmpty();
            }
        } finally {
            if (immutable) {
                assertThat(new ProcessBuilder("chattr", "-i", cache.toString()).start().waitFor()).isZero();
            }
            Files.setPosixFilePermissions(cache, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /**
     * Makes {@code folder} one this user cannot write: its permissions, and for root, whom they do not stop, its
     * immutable attribute ({@code chattr +i}). Answers whether it set that attribute (to be cleared after).
     */
    private static boolean unwritable(Path folder) throws Exception {
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        boolean immutable = false;
        if (Files.isWritable(folder)) {
            Process chattr = new ProcessBuilder("chattr", "+i", folder.toString()).redirectErrorStream(true).start();
            String said = new String(chattr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(chattr.waitFor()).as("chattr +i (root ignores permissions): %s", said).isZero();
            immutable = true;
        }
        assertThat(Files.isWritable(folder)).as("%s writable", folder).isFalse();
        return immutable;
    }

    /**
     * Waits until {@code cache} holds one file, an archive ending with {@code kept} other than {@code notThis}, and
     * answers its name. The AOT cache is made after a run, in the background: up to a minute on a loaded machine.
     */
    private static String onlyArchive(Path cache, String kept, String notThis, String when) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> files = List.of();
        while (System.nanoTime() < deadline) {
            try (var list = Files.list(cache)) {
                files = list.map(f -> f.getFileName().toString()).sorted().toList();
            }
            if (files.size() == 1 && files.get(0).endsWith(kept) && !files.get(0).equals(notThis)) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(files).as("what the launcher keeps " + when).singleElement().asString().endsWith(kept)
                .isNotEqualTo(notThis);
        return files.get(0);
    }

    /** A JDK 25 or newer installed beside the default one (as on these machines), for the launcher's AOT path. */
    private static Path jdk25() throws java.io.IOException {
        try (var homes = Files.list(Path.of("/usr/lib/jvm"))) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> release(home).matches("(?s).*JAVA_VERSION=\"(2[5-9]|[3-9][0-9]).*")).findFirst()
                    .orElseThrow(() -> new AssertionError("no JDK 25 under /usr/lib/jvm: this test checks the launcher's AOT"
                            + " cache path on one (the machines these tests run on have a Temurin JDK 25)"));
        }
    }

    private static String release(Path home) {
        try {
            return Files.readString(home.resolve("release"));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void anImmediateEndOfInputExitsCleanly() throws Exception {
        Run run = run(List.of());
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void aPingBeforeInitializedIsAnsweredAndTheEndOfInputIsNotHeldUp() throws Exception {
        Run run = run(List.of(INITIALIZE, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}"));
        assertThat(run.stdout()).contains("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}");
        assertThat(run.exitCode()).isZero();
        // tools/list waits for notifications/initialized, which never came: the exit does not wait for it.
        assertThat(run.stderr()).doesNotContain("gave up waiting");
    }

    /**
     * Issue 13, item 4: through the launcher (thread stacks of 512 KiB, as in Docker), every comma-list argument of
     * every tool, at several thousand characters of the shortest items (the most repetitions a list pattern would
     * recurse over), is answered, and the process still exits at once when stdin closes.
     */
    @Test
    void everyListArgumentAtItsLongestIsAnsweredThroughTheLauncher(@org.junit.jupiter.api.io.TempDir Path cache)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of("bin/cisco-support-mcp").toAbsolutePath().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        McpJar.prepare(builder.environment(), cisco.env());
        builder.environment().put("CISCO_MCP_CACHE", cache.toString());
        builder.environment().put("CISCO_MCP_JAR", McpJar.path().toString());
        builder.environment().put("SUPPORT_API", "all");
        Process process = builder.start();
        try {
            OutputStream in = process.getOutputStream();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            write(in, INITIALIZE, INITIALIZED, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
            JsonNode tools = null;
            for (int i = 0; i < 10 && tools == null; i++) {
                JsonNode message = Json.MAPPER.readTree(out.readLine());
                if (message.path("id").asInt() == 2) {
                    tools = message.path("result").path("tools");
                }
            }
            assertThat(tools).isNotNull();
            List<String> calls = new ArrayList<>();
            int id = 100;
            String longList = String.join(",", java.util.Collections.nCopies(2_000, "A1"));
            for (JsonNode tool : tools) {
                for (var property : tool.path("inputSchema").path("properties").properties()) {
                    if (property.getValue().path("description").asString("").toLowerCase(java.util.Locale.ROOT)
                            .contains("comma")) {
                        calls.add("{\"jsonrpc\":\"2.0\",\"id\":" + id++ + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                                + tool.path("name").asString() + "\",\"arguments\":{\"" + property.getKey() + "\":\""
                                + longList + "\"}}}");
                    }
                }
            }
            assertThat(calls.size()).as("list arguments found").isGreaterThanOrEqualTo(15);
            write(in, calls.toArray(String[]::new));
            in.close();
            java.util.Set<Integer> answered = new java.util.HashSet<>();
            String line;
            while ((line = out.readLine()) != null) {
                JsonNode message = Json.MAPPER.readTree(line);
                assertThat(line).doesNotContain("StackOverflow").doesNotContain("\\tat ");
                if (message.has("id") && (message.has("result") || message.has("error"))) {
                    answered.add(message.path("id").asInt());
                }
            }
            assertThat(answered).containsAll(java.util.stream.IntStream.range(100, id).boxed().toList());
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exit after stdin closed").isTrue();
            assertThat(process.exitValue()).isZero();
        } finally {
            process.destroyForcibly();
        }
    }

    private static void write(OutputStream in, String... lines) throws java.io.IOException {
        for (String line : lines) {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        in.flush();
    }
}
