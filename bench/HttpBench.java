import dev.ciscosupport.mcp.sandbox.SandboxServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-call overhead and throughput over Streamable HTTP, side by side in one run. The server (the built jar, started
 * as a user starts it) talks to an in-process sandbox that adds a fixed latency to every Cisco request. The same
 * workers then send the same Cisco request straight to the sandbox: that is the floor, what any server must wait.
 * Overhead is ours minus the floor, latency by latency (p50 minus p50, ...). Floor and MCP batches alternate so both
 * see the same machine load. The load generator is the official MCP Java SDK client, one session per worker.
 *
 * <p>Usage: {@code java -cp JAR:DEPS bench/HttpBench.java [--quick]} from the project directory (bench/run does this).
 */
public class HttpBench {
    private static final Pattern LISTENING = Pattern.compile("Listening on (https?://\\S+)");
    private static final String BEARER = "bench-bearer-token-0123456789abcdef";
    private static final Duration UPSTREAM_LATENCY = Duration.ofMillis(20);
    private static final String CISCO_PATH = "/bug/v2.0/bugs/keyword/crash";
    private static final int[] CONCURRENCY = {1, 8, 64};

    record Batch(List<Double> latenciesMs, double seconds) {
    }

    /** How the server JVM is started: the plain jar, and the heap settings the Dockerfile uses. */
    private static final List<List<String>> SERVER_JVM_OPTIONS = List.of(List.of(),
            List.of("-XX:+UseSerialGC", "-Xmx128m", "-Xss512k"));

    public static void main(String[] args) throws Exception {
        boolean quick = args.length > 0 && args[0].equals("--quick");
        System.out.println("| tools/call over HTTP, " + UPSTREAM_LATENCY.toMillis() + " ms added upstream | calls"
                + " | ours p50 / p90 / p99 | floor p50 / p90 / p99 | overhead p50 / p90 / p99 | ours calls/s"
                + " | floor calls/s | throughput ratio | server CPU per call |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        List<String> memory = new ArrayList<>();
        for (List<String> jvmOptions : SERVER_JVM_OPTIONS) {
            memory.add(measure(jvmOptions, quick));
        }
        System.out.println();
        memory.forEach(System.out::println);
    }

    /** Prints one row per concurrency for a server started with these JVM options; answers its memory line. */
    private static String measure(List<String> jvmOptions, boolean quick) throws Exception {
        int rounds = quick ? 1 : 2;
        String name = "`java " + String.join(" ", jvmOptions) + (jvmOptions.isEmpty() ? "" : " ") + "-jar`";
        try (SandboxServer sandbox = SandboxServer.startOnLoopback()) {
            Process server = startServer(sandbox, jvmOptions);
            try {
                String url = listeningUrl(server);
                sandbox.faults().latency(UPSTREAM_LATENCY);
                String ciscoToken = ciscoToken(sandbox);
                HttpClient direct = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                warmUp(url, direct, sandbox, ciscoToken, quick ? 200 : 800);
                for (int concurrency : CONCURRENCY) {
                    int perWorker = Math.max(quick ? 10 : 25, (quick ? 60 : 200) / concurrency);
                    List<McpSyncClient> clients = new ArrayList<>();
                    for (int i = 0; i < concurrency; i++) {
                        clients.add(client(url));
                    }
                    // A few calls each first, so neither side pays connection set-up in the numbers.
                    runBatch(concurrency, 5, w -> directCall(direct, sandbox, ciscoToken));
                    runBatch(concurrency, 5, w -> toolCall(clients.get(w)));
                    List<Batch> floor = new ArrayList<>();
                    List<Batch> ours = new ArrayList<>();
                    long serverCpuTicks = 0;
                    for (int r = 0; r < rounds; r++) {
                        floor.add(runBatch(concurrency, perWorker, w -> directCall(direct, sandbox, ciscoToken)));
                        long before = cpuTicks(server);
                        ours.add(runBatch(concurrency, perWorker, w -> toolCall(clients.get(w))));
                        serverCpuTicks += cpuTicks(server) - before;
                    }
                    clients.forEach(McpSyncClient::closeGracefully);
                    report(name + ", concurrency " + concurrency, ours, floor,
                            serverCpuTicks * 10.0 / (rounds * concurrency * perWorker));
                }
                return String.format("Server %s: resident set size peak %d MB over its run (VmHWM), %d MB at the end.",
                        name, status(server, "VmHWM") / 1024, status(server, "VmRSS") / 1024);
            } finally {
                server.destroy();
                if (!server.waitFor(20, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
        }
    }

    private static Process startServer(SandboxServer sandbox, List<String> jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(BenchServer.java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", BenchServer.JAR.toString(), "--http", "--port", "0"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        BenchServer.useSandbox(env, sandbox, "bug");
        env.put("MCP_BEARER_TOKEN", BEARER);
        // One address makes all the load here; the per-client limits that protect a real server would measure themselves.
        env.put("MCP_RATE_LIMIT", "100000");
        env.put("MCP_RATE_BURST", "100000");
        env.put("MCP_MAX_NEW_SESSIONS_PER_MINUTE", "100000");
        // Every call must really go to the (slow) sandbox, as the floor's do: no reused answers, no quota waits.
        env.put("CISCO_CACHE_MB", "0");
        env.put("CISCO_QUOTA", "1000000/s");
        return builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String listeningUrl(Process server) throws Exception {
        CompletableFuture<String> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        found.complete(m.group(1));
                    }
                }
            } catch (Exception e) {
                // the server ended
            }
            found.complete(null);
        }, "server-stderr");
        reader.setDaemon(true);
        reader.start();
        String url = found.get(60, TimeUnit.SECONDS);
        if (url == null) {
            throw new IllegalStateException("the server did not start");
        }
        return url;
    }

    private static McpSyncClient client(String url) {
        URI uri = URI.create(url);
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder(uri.getScheme() + "://" + uri.getAuthority()).endpoint(uri.getPath())
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + BEARER)).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
        return client;
    }

    private static void toolCall(McpSyncClient client) {
        McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder("search_bugs_by_keyword")
                .arguments(Map.of("keyword", "crash")).build());
        if (Boolean.TRUE.equals(result.isError())) {
            throw new IllegalStateException("the tool call failed: " + result.content());
        }
    }

    private static void directCall(HttpClient http, SandboxServer sandbox, String token) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sandbox.apiBaseUrl() + CISCO_PATH))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the sandbox answered " + response.statusCode());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ciscoToken(SandboxServer sandbox) throws Exception {
        String basic = Base64.getEncoder().encodeToString((SandboxServer.CLIENT_ID + ":" + SandboxServer.CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(sandbox.tokenUrl())
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token from the sandbox");
        }
        return m.group(1);
    }

    interface Call {
        void run(int worker) throws Exception;
    }

    /** {@code workers} threads, each making {@code calls} calls one after the other; every call timed. */
    private static Batch runBatch(int workers, int calls, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Callable<List<Double>>> tasks = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                tasks.add(() -> {
                    List<Double> times = new ArrayList<>(calls);
                    for (int i = 0; i < calls; i++) {
                        long start = System.nanoTime();
                        call.run(worker);
                        times.add((System.nanoTime() - start) / 1e6);
                    }
                    return times;
                });
            }
            long start = System.nanoTime();
            List<Double> all = new ArrayList<>();
            for (Future<List<Double>> f : pool.invokeAll(tasks, 5, TimeUnit.MINUTES)) {
                all.addAll(f.get());
            }
            return new Batch(all, (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A long-running HTTP server is measured warm: calls through both paths until the JIT has compiled the hot
     * code, as it has after the first minutes of real use. Not counted.
     */
    private static void warmUp(String url, HttpClient direct, SandboxServer sandbox, String token, int calls)
            throws Exception {
        List<McpSyncClient> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clients.add(client(url));
        }
        runBatch(8, calls / 8, w -> toolCall(clients.get(w)));
        runBatch(8, calls / 8, w -> directCall(direct, sandbox, token));
        clients.forEach(McpSyncClient::closeGracefully);
    }

    private static void report(String row, List<Batch> ours, List<Batch> floor, double serverCpuMsPerCall) {
        List<Double> o = merged(ours);
        List<Double> f = merged(floor);
        double oRate = o.size() / ours.stream().mapToDouble(Batch::seconds).sum();
        double fRate = f.size() / floor.stream().mapToDouble(Batch::seconds).sum();
        System.out.printf("| %s | %d | %.1f / %.1f / %.1f ms | %.1f / %.1f / %.1f ms | %.1f / %.1f / %.1f ms"
                + " | %.0f | %.0f | %.2f | %.2f ms |%n", row, o.size(), pct(o, 50), pct(o, 90), pct(o, 99), pct(f, 50),
                pct(f, 90), pct(f, 99), pct(o, 50) - pct(f, 50), pct(o, 90) - pct(f, 90), pct(o, 99) - pct(f, 99), oRate,
                fRate, oRate / fRate, serverCpuMsPerCall);
    }

    private static List<Double> merged(List<Batch> batches) {
        List<Double> all = new ArrayList<>();
        batches.forEach(b -> all.addAll(b.latenciesMs()));
        Collections.sort(all);
        return all;
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** User plus system CPU time of a process so far, in clock ticks of 10 ms (Linux USER_HZ), from /proc/PID/stat. */
    private static long cpuTicks(Process p) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime and stime: fields 14 and 15 of stat
    }

    /** A size line of /proc/PID/status, in kB (Linux). */
    private static long status(Process p, String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
