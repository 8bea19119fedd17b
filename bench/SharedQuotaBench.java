import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.resilience.QuotaLimiter;
import dev.ciscosupport.mcp.cisco.resilience.TimeSource;
import dev.ciscosupport.mcp.cluster.Redis;
import dev.ciscosupport.mcp.cluster.SharedTurns;
import dev.ciscosupport.mcp.config.Quota;
import dev.ciscosupport.mcp.config.SupportApi;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What sharing Cisco's quota through Redis adds to each Cisco call: the same limiter acquiring a turn that is free at
 * once (a quota far above the rate asked), alone and through a real Redis on loopback (redis-server from the machine's
 * packages, started here), in alternating rounds. The target (issue 16): p50 at most 0.2 ms, p99 at most 1 ms added.
 */
public class SharedQuotaBench {
    static final int ROUNDS = 7;
    static final int PER_ROUND = 2000;

    public static void main(String[] args) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process redisServer = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (Redis redis = new Redis("redis://127.0.0.1:" + port, "bench", "bench-app")) {
            awaitPort(port);
            Map<SupportApi, Quota> quota = Map.of(SupportApi.BUG, Quota.parse("1000000/s,1000000/day"));
            QuotaLimiter alone = new QuotaLimiter(quota, Duration.ofSeconds(20), TimeSource.SYSTEM);
            QuotaLimiter shared = new QuotaLimiter(quota, Duration.ofSeconds(20), TimeSource.SYSTEM, new SharedTurns(redis), 3);
            measure(alone, 500); // warm both up
            measure(shared, 500);
            List<Double> aloneP50 = new ArrayList<>();
            List<Double> aloneP99 = new ArrayList<>();
            List<Double> sharedP50 = new ArrayList<>();
            List<Double> sharedP99 = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                long[] a = measure(alone, PER_ROUND);
                long[] s = measure(shared, PER_ROUND);
                aloneP50.add(percentile(a, 50));
                aloneP99.add(percentile(a, 99));
                sharedP50.add(percentile(s, 50));
                sharedP99.add(percentile(s, 99));
            }
            double addedP50 = median(sharedP50) - median(aloneP50);
            double addedP99 = median(sharedP99) - median(aloneP99);
            System.out.println("## Shared quota: what Redis adds to each Cisco call");
            System.out.println();
            System.out.printf("%d alternating rounds of %d turn acquisitions each, free at once (a quota far above the rate),"
                    + " this process alone and through Redis 7 on loopback; medians of the rounds.%n%n", ROUNDS, PER_ROUND);
            System.out.println("| limiter | p50 | p99 |");
            System.out.println("|---|---|---|");
            System.out.printf("| this process alone | %.3f ms | %.3f ms |%n", median(aloneP50), median(aloneP99));
            System.out.printf("| replicas through Redis | %.3f ms | %.3f ms |%n", median(sharedP50), median(sharedP99));
            System.out.printf("| added | %.3f ms | %.3f ms |%n%n", addedP50, addedP99);
            System.out.printf("Target p50 <= 0.2 ms added: %s. Target p99 <= 1 ms added: %s.%n", addedP50 <= 0.2 ? "met"
                    : "not met", addedP99 <= 1.0 ? "met" : "not met");
        } finally {
            redisServer.destroy();
            redisServer.waitFor();
        }
    }

    /** Nanoseconds each of {@code count} acquisitions took. */
    static long[] measure(QuotaLimiter limiter, int count) {
        long[] took = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            limiter.acquire(SupportApi.BUG, CallContext.background());
            took[i] = System.nanoTime() - start;
        }
        return took;
    }

    static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static void awaitPort(int port) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 100);
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(25);
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }
}
