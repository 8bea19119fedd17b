import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up over stdio, side by side in one run: wall time from spawning the server to its initialize answer
 * and to its first tools/list answer, for the plain {@code java -jar} and for {@code bin/cisco-support-mcp}.
 * Runs alternate between the two so both see the same machine load; results are medians and ratios.
 *
 * <p>Usage: {@code java bench/StartupBench.java RUNS} from the project directory (bench/run does this).
 */
public class StartupBench {
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    record Sample(double initializeMs, double toolsListMs, long rssKb) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jar = Path.of("target/cisco-support-mcp.jar").toAbsolutePath();
        Path cache = Files.createTempDirectory("bench-cds");
        List<String> plain = List.of(java, "-jar", jar.toString(), "--sandbox");
        List<String> launcher = List.of(Path.of("bin/cisco-support-mcp").toAbsolutePath().toString(), "--sandbox");
        once(launcher, cache); // the launcher's first run writes its class-data archive; the user pays it once
        once(plain, cache); // and one warm-up for the plain jar, so both start from a warm page cache
        List<Sample> a = new ArrayList<>();
        List<Sample> b = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            a.add(once(plain, cache));
            b.add(once(launcher, cache));
        }
        double aInit = median(a, true);
        double bInit = median(b, true);
        double aList = median(a, false);
        double bList = median(b, false);
        System.out.println("| start-up over stdio (" + runs + " runs each, alternating) | to initialize: median (p10-p90) | to tools/list: median | ratio to plain java -jar | RSS after tools/list |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf("| `java -jar target/cisco-support-mcp.jar` | %.0f ms (%.0f-%.0f) | %.0f ms | 1.00 | %d MB |%n", aInit,
                pct(a, true, 10), pct(a, true, 90), aList, medianRss(a) / 1024);
        System.out.printf("| `bin/cisco-support-mcp` (AppCDS, C1, SerialGC) | %.0f ms (%.0f-%.0f) | %.0f ms | %.2f | %d MB |%n", bInit,
                pct(b, true, 10), pct(b, true, 90), bList, bInit / aInit, medianRss(b) / 1024);
    }

    private static Sample once(List<String> command, Path cache) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("CISCO_MCP_CACHE", cache.toString());
        builder.environment().put("CISCO_ENTITLEMENT_CHECK", "false");
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
        long rss = rssKb(p);
        in.close();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        if (first == null || second == null || !second.contains("\"tools\"")) {
            throw new IllegalStateException("the server did not answer: " + command);
        }
        return new Sample(init, list, rss);
    }

    /** Resident set size of the JVM (the launcher's java child when there is one), idle after tools/list. */
    private static long rssKb(Process p) throws Exception {
        long pid = p.descendants().filter(h -> h.info().command().orElse("").endsWith("java")).map(ProcessHandle::pid)
                .findFirst().orElse(p.pid());
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    private static long medianRss(List<Sample> samples) {
        List<Long> values = new ArrayList<>();
        samples.forEach(s -> values.add(s.rssKb()));
        Collections.sort(values);
        return values.get(values.size() / 2);
    }

    private static double median(List<Sample> samples, boolean init) {
        return pct(samples, init, 50);
    }

    private static double pct(List<Sample> samples, boolean init, int percent) {
        List<Double> values = new ArrayList<>();
        samples.forEach(s -> values.add(init ? s.initializeMs() : s.toolsListMs()));
        Collections.sort(values);
        return values.get(Math.min(values.size() - 1, (int) Math.round(percent / 100.0 * (values.size() - 1))));
    }
}
