import dev.ciscosupport.mcp.sandbox.SandboxServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Start-up and memory over stdio, side by side in one run, against a minimal MCP server on the TypeScript SDK
 * (bench/node, pinned): wall time from spawning a server to its initialize answer and to its tools/list answer, then,
 * a second later ({@link #THINKING_MS}), the CPU time it has spent and its resident set, idle, and the wait for the
 * answer to a first tool call sent then, and its peak after 200 tool calls. Runs alternate between the variants so
 * that all see the same machine load; results are medians and ratios to node.
 *
 * <p>The launcher's archive holds what its first session loaded, and that session is the user's: the launchers run
 * twice, their archive made from a first session that only started (as a client that starts its servers and asks
 * nothing) and from one that also asked a question (it then holds the classes of a call: a faster first call in every
 * later session, and a larger resident set).
 *
 * <p>Usage: {@code java -cp ... StartupBench RUNS} from the project directory (bench/run does this).
 */
public class StartupBench {
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
    private static final int CALLS = 200;
    /**
     * The pause between the tools/list answer and the first call: a client's model reads the list and writes its call
     * first, which takes a second at least (a person's question, longer). The CPU and the resident set are read after
     * it, so that they hold all a start costs, also what a server puts in the background.
     */
    private static final long THINKING_MS = 1000;
    private static final long CLOCK_TICKS_PER_SECOND = 100; // Linux's USER_HZ, what /proc/<pid>/stat counts in

    /** {@code question}: whether the first session, whose classes a launcher's archive keeps, asks a question. */
    record Variant(String name, List<String> command, Map<String, String> env, boolean question) {
    }

    record Sample(double initializeMs, double toolsListMs, double cpuMs, long rssKb, double firstCallMs) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (SandboxServer sandbox = SandboxServer.startOnLoopback()) {
            List<Variant> variants = variants(sandbox);
            Map<Variant, List<Sample>> samples = new LinkedHashMap<>();
            for (Variant v : variants) {
                once(v, 0, v.question()); // each one's first run: the launchers make their archives
                awaitArchive(v);
                once(v, 0, true); // all warm the page cache
                samples.put(v, new ArrayList<>());
            }
            for (int i = 0; i < runs; i++) {
                for (Variant v : variants) {
                    samples.get(v).add(once(v, 0, true));
                }
            }
            Map<Variant, Long> peak = new HashMap<>();
            for (Variant v : variants) {
                peak.put(v, once(v, CALLS, false).rssKb());
            }
            print(runs, samples, peak);
        }
    }

    private static List<Variant> variants(SandboxServer sandbox) throws Exception {
        Map<String, String> cisco = new LinkedHashMap<>();
        cisco.put("CISCO_API_BASE_URL", sandbox.apiBaseUrl().toString());
        cisco.put("CISCO_TOKEN_URL", sandbox.tokenUrl().toString());
        cisco.put("CISCO_CLIENT_ID", SandboxServer.CLIENT_ID);
        cisco.put("CISCO_CLIENT_SECRET", SandboxServer.CLIENT_SECRET);
        Map<String, String> ours = new LinkedHashMap<>(cisco);
        ours.put("CISCO_ENTITLEMENT_CHECK", "false");
        ours.put("CISCO_CACHE_MB", "0"); // the baseline keeps no answers either: 200 calls, 200 requests
        ours.put("CISCO_QUOTA", "1000/s"); // nor does it pace them to Cisco's 5 a second
        // The launchers' archives (30-70 MB each) in the build's own folder, made anew by every run's first start.
        Path archives = Path.of("target", "bench-start").toAbsolutePath();
        if (Files.isDirectory(archives)) {
            try (var old = Files.walk(archives)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(archives);
        Path jar = Path.of("target/cisco-support-mcp.jar").toAbsolutePath();
        String launcher = Path.of("bin/cisco-support-mcp").toAbsolutePath().toString();
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("node " + version("node") + ", TypeScript SDK " + sdkVersion() + " (bench/node)",
                List.of("node", Path.of("bench/node/baseline-server.mjs").toAbsolutePath().toString()), cisco, false));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String feature = String.valueOf(Runtime.version().feature());
        variants.add(new Variant("`java -jar`, JDK " + feature, List.of(java, "-jar", jar.toString()), ours, false));
        Path jdk25 = jdk25();
        for (boolean question : new boolean[] {false, true}) {
            String first = question ? ", archive of a first session that asked a question"
                    : ", archive of a first session that only started";
            Map<String, String> here = new LinkedHashMap<>(ours);
            here.put("JAVA_HOME", System.getProperty("java.home"));
            here.put("CISCO_MCP_CACHE", Files.createDirectories(archives.resolve(question ? "question" : "start")).toString());
            variants.add(new Variant("`bin/cisco-support-mcp`, JDK " + feature + " (AppCDS)" + first, List.of(launcher),
                    here, question));
            if (jdk25 != null) {
                Map<String, String> newer = new LinkedHashMap<>(here);
                newer.put("JAVA_HOME", jdk25.toString());
                variants.add(new Variant("`bin/cisco-support-mcp`, JDK 25 (AOT cache)" + first, List.of(launcher), newer,
                        question));
            }
        }
        return variants;
    }

    /**
     * One start: initialize, tools/list, the resident set then, and either {@code calls} tool calls (the resident set's
     * peak after them) or, with {@code question}, one call whose answer it waits for.
     */
    private static Sample once(Variant variant, int calls, boolean question) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(variant.command()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(variant.env());
        long start = System.nanoTime();
        Process p = builder.start();
        OutputStream in = p.getOutputStream();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        in.write((INITIALIZE + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        String first = out.readLine();
        double init = (System.nanoTime() - start) / 1e6;
        in.write((INITIALIZED + "\n" + LIST + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        String second = out.readLine();
        double list = (System.nanoTime() - start) / 1e6;
        // What the server does next is idle or its own (C1's last compiles, work put in the background) until it is asked.
        Thread.sleep(THINKING_MS);
        long pid = serverPid(p);
        double cpu = BenchServer.cpuTicks(pid) * 1000.0 / CLOCK_TICKS_PER_SECOND;
        long rss = BenchServer.statusKb(pid, "VmRSS");
        double firstCall = 0;
        for (int i = 0; i < (question ? 1 : calls); i++) {
            long sent = System.nanoTime();
            in.write(("{\"jsonrpc\":\"2.0\",\"id\":" + (10 + i) + ",\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"get_bug_details\",\"arguments\":{\"bug_ids\":\"CSCvx1234" + (i % 10) + "\"}}}\n")
                    .getBytes(StandardCharsets.UTF_8));
            in.flush();
            String answer = out.readLine();
            if (answer == null || !answer.contains("\"result\"")) {
                throw new IllegalStateException(variant.name() + " did not answer call " + i + ": " + answer);
            }
            if (i == 0) {
                firstCall = (System.nanoTime() - sent) / 1e6;
            }
        }
        if (calls > 0) {
            rss = BenchServer.statusKb(pid, "VmHWM");
        }
        in.close();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        if (first == null || second == null || !second.contains("\"tools\"")) {
            throw new IllegalStateException("the server did not answer: " + variant.command());
        }
        return new Sample(init, list, cpu, rss, firstCall);
    }

    /** Waits (up to two minutes) until a launcher's archive is made: on JDK 25 in the background after the first run. */
    private static void awaitArchive(Variant v) throws Exception {
        String cache = v.env().get("CISCO_MCP_CACHE");
        if (cache == null || !v.name().contains("bin/")) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(Path.of(cache))) {
                List<String> names = files.map(f -> f.getFileName().toString()).toList();
                String kept = v.name().contains("AOT") ? ".aot" : ".jsa";
                if (names.stream().anyMatch(n -> n.endsWith(kept))
                        && names.stream().noneMatch(n -> n.endsWith(".tmp") || n.endsWith(".aotconf"))) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(v.name() + ": no archive in " + cache + " two minutes after its first run");
    }

    /** The server's own process: a launcher's java child while it makes its archive, else the process itself. */
    private static long serverPid(Process p) {
        return p.descendants().filter(h -> h.info().command().orElse("").endsWith("java")).map(ProcessHandle::pid)
                .findFirst().orElse(p.pid());
    }

    private static void print(int runs, Map<Variant, List<Sample>> samples, Map<Variant, Long> peak) {
        List<Variant> variants = new ArrayList<>(samples.keySet());
        Variant node = variants.get(0);
        double nodeInit = pct(samples.get(node), Sample::initializeMs, 50);
        double nodeRss = pct(samples.get(node), s -> s.rssKb(), 50);
        double nodeCall = pct(samples.get(node), Sample::firstCallMs, 50);
        System.out.println("| start-up over stdio (" + runs + " runs each, alternating) | to initialize: median (p10-p90)"
                + " | ratio to node | to tools/list | CPU, 1 s after tools/list | RSS idle, then | ratio to node"
                + " | first tool call, then | ratio to node | peak RSS after " + CALLS + " calls | ratio to node |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Variant v : variants) {
            List<Sample> s = samples.get(v);
            double init = pct(s, Sample::initializeMs, 50);
            double rss = pct(s, x -> x.rssKb(), 50);
            double call = pct(s, Sample::firstCallMs, 50);
            System.out.printf("| %s | %.0f ms (%.0f-%.0f) | %.2f | %.0f ms | %.0f ms | %.0f MB | %.2f | %.0f ms | %.2f | %d MB"
                    + " | %.2f |%n", v.name(), init, pct(s, Sample::initializeMs, 10), pct(s, Sample::initializeMs, 90),
                    init / nodeInit, pct(s, Sample::toolsListMs, 50), pct(s, Sample::cpuMs, 50), rss / 1024, rss / nodeRss,
                    call, call / nodeCall, peak.get(v) / 1024, peak.get(v) / (double) peak.get(node));
        }
        System.out.println();
        System.out.println("Targets (issue 18), against node's figures above:");
        for (Variant v : variants.subList(1, variants.size())) {
            boolean aot = v.name().contains("AOT");
            boolean launcher = v.name().contains("bin/");
            if (!launcher) {
                continue;
            }
            double ratio = pct(samples.get(v), Sample::initializeMs, 50) / nodeInit;
            double limit = aot ? 2.0 : 3.0;
            System.out.printf("- %s: start to initialize at most %.0fx node's: %.2fx, %s%n", v.name(), limit, ratio,
                    ratio <= limit ? "**met**" : "not met");
            double idle = pct(samples.get(v), x -> x.rssKb(), 50) / nodeRss;
            System.out.printf("- %s: idle RSS at most 1.2x node's: %.2fx, %s; peak after %d calls at most node's: %.2fx,"
                    + " %s%n", v.name(), idle, idle <= 1.2 ? "**met**" : "not met", CALLS,
                    peak.get(v) / (double) peak.get(node), peak.get(v) <= peak.get(node) ? "**met**" : "not met");
        }
    }

    private static double pct(List<Sample> samples, ToDoubleFunction<Sample> field, int percent) {
        List<Double> values = new ArrayList<>();
        samples.forEach(s -> values.add(field.applyAsDouble(s)));
        Collections.sort(values);
        return values.get(Math.min(values.size() - 1, (int) Math.round(percent / 100.0 * (values.size() - 1))));
    }

    private static String version(String command) throws Exception {
        Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return text;
    }

    private static String sdkVersion() throws Exception {
        String pkg = Files.readString(Path.of("bench/node/node_modules/@modelcontextprotocol/sdk/package.json"));
        return pkg.replaceAll("(?s).*?\"version\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /** A JDK 25 or newer beside the default one (these machines have a Temurin 25 under /usr/lib/jvm), or null. */
    private static Path jdk25() throws Exception {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (var homes = Files.list(jvms)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java"))).filter(h -> {
                try {
                    return Files.readString(h.resolve("release")).matches("(?s).*JAVA_VERSION=\"(2[5-9]|[3-9][0-9]).*");
                } catch (java.io.IOException e) {
                    return false;
                }
            }).findFirst().orElse(null);
        }
    }
}
