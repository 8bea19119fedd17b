package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Three replicas of the built jar behind the shipped HAProxy configuration (deploy/haproxy.cfg, HAProxy from Debian),
 * sharing one Redis (redis-server from Debian, on a free port) and one Cisco app, against a sandbox that enforces
 * Cisco's 5 calls per second as Cisco's gateway does and records when each call arrives. The real TypeScript SDK client
 * drives sessions through the balancer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {
    private static final int SESSIONS = 30;
    /** Cisco's quota the three replicas share (calls per second). */
    private static final int QUOTA_PER_SECOND = 5;
    private static final int RATE = 2;
    private static final int BURST = 20;
    private static final int LOCKOUT = 6;
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    final CiscoSandbox cisco = new CiscoSandbox();
    final List<String> tokens = new ArrayList<>();
    final List<HttpServerProcess> replicas = new ArrayList<>();
    LocalProcess redis;
    LocalProcess haproxy;
    String balancer;
    String prefix;
    String redisUrl;
    Path logs;

    @BeforeAll
    void start() throws Exception {
        logs = Files.createDirectories(McpJar.path().resolveSibling("scale-out-logs"));
        int redisPort = LocalProcess.freePort();
        // An ACL user of its own, as a production Redis has; nobody else may do anything there.
        redis = new LocalProcess(List.of("redis-server", "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--user", "default", "off", "--user", "mcp", "on", ">it-secret-0123", "~*", "&*",
                "+@all"),
                Map.of(), redisPort, logs.resolve("redis.log"));
        redisUrl = "redis://mcp:it-secret-0123@127.0.0.1:" + redisPort;
        prefix = "it" + Long.toHexString(System.nanoTime());
        for (int i = 0; i < SESSIONS; i++) {
            tokens.add("scale-out-token-" + i + "-0123456789abcdef");
        }
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("SUPPORT_API", "bug,case,rma,eox");
        env.put("MCP_BEARER_TOKEN", String.join(",", tokens));
        env.put("REDIS_URL", redisUrl);
        env.put("REDIS_KEY_PREFIX", prefix);
        env.put("CISCO_QUOTA", QUOTA_PER_SECOND + "/s");
        env.put("CISCO_QUOTA_RMA", "5/s,20/min");
        env.put("CISCO_QUOTA_REPLICAS", "3");
        env.put("MCP_TRUSTED_PROXIES", "127.0.0.1");
        env.put("MCP_RATE_LIMIT", String.valueOf(RATE));
        env.put("MCP_RATE_BURST", String.valueOf(BURST));
        env.put("MCP_LOCKOUT_FAILURES", String.valueOf(LOCKOUT));
        List<CompletableFuture<HttpServerProcess>> starting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return new HttpServerProcess(env);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        for (CompletableFuture<HttpServerProcess> replica : starting) {
            replicas.add(replica.get(90, TimeUnit.SECONDS));
        }
        int lbPort = LocalProcess.freePort();
        Map<String, String> lbEnv = new LinkedHashMap<>();
        lbEnv.put("MCP_LB_BIND", "127.0.0.1:" + lbPort);
        for (int i = 0; i < 3; i++) {
            lbEnv.put("MCP_REPLICA_" + (i + 1), java.net.URI.create(replicas.get(i).url()).getAuthority());
        }
        haproxy = new LocalProcess(List.of("haproxy", "-db", "-f", Path.of("deploy/haproxy.cfg").toAbsolutePath().toString()),
                lbEnv, lbPort, logs.resolve("haproxy.log"));
        balancer = "http://127.0.0.1:" + lbPort + "/mcp";
        // HAProxy sends requests only to replicas it has seen healthy twice, and a cold replica's first health checks
        // can time out: wait until each has answered through the balancer, so that no test's sessions are all opened
        // while one replica is still out of the rotation (sessions stay where they were opened).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (replicas.stream().anyMatch(r -> postsAnswered(r) == 0) && System.nanoTime() < deadline) {
            ping("10.9.9.9", tokens.get(0));
            Thread.sleep(500); // within this client's request rate (MCP_RATE_LIMIT)
        }
    }

    @AfterAll
    void stop() {
        if (haproxy != null) {
            haproxy.close();
        }
        replicas.forEach(HttpServerProcess::close);
        if (redis != null) {
            redis.close();
        }
        cisco.close();
    }

    /**
     * Runs last (it stops two of the replicas): a replica killed mid-load, then one stopped (SIGTERM) mid-load; a client
     * that sends a failed call again on a new session, as the specification says, loses no answer.
     */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void aReplicaKilledOrStoppedMidLoadLosesNoAnswerForAClientThatSendsAgain() throws Exception {
        for (String how : List.of("kill -9", "SIGTERM")) {
            cisco.resetCounts();
            HttpServerProcess victim = how.equals("kill -9") ? replicas.get(2) : replicas.get(1);
            int sessions = 12;
            int calls = 4;
            CompletableFuture<JsonNode> running = load(sessions, calls, how.equals("kill -9") ? "kl" : "tm", true);
            awaitArrivals(8);
            if (how.equals("kill -9")) {
                victim.kill();
            } else {
                CompletableFuture.runAsync(() -> {
                    try {
                        victim.terminate(30);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            long stopped = System.nanoTime();
            JsonNode report = running.get(240, TimeUnit.SECONDS);
            System.out.printf("scale-out, %s: the load ended %d ms after the replica was stopped%n", how,
                    (System.nanoTime() - stopped) / 1_000_000);
            List<JsonNode> resent = new ArrayList<>();
            report.path("results").forEach(r -> {
                if (r.path("resent").asBoolean()) {
                    resent.add(r);
                }
            });
            System.out.printf("scale-out, %s of a replica mid-load: %d calls, %d sent again, slowest resent answer %d ms%n",
                    how, report.path("results").size(), resent.size(),
                    resent.stream().mapToLong(r -> r.path("resentMs").asLong()).max().orElse(0));
            // What the product guarantees a resent call: a turn under the quota the replicas share, at worst behind
            // every other call of this load (48 at 5/s: 9.6 s), not the stopped replica's drain (30 s) nor a lease
            // left behind in Redis. Its wall time under that bound depends on how busy the machine is (3.3-5.9 s seen).
            long worstTurnMs = sessions * calls * 1000L / QUOTA_PER_SECOND;
            assertThat(unanswered(report)).as("%s: calls lost", how).isEmpty();
            assertThat(resent).as("%s: calls the client had to send again", how).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.path("resentMs").asLong()).as("%s: answered after sending again", how)
                            .isLessThanOrEqualTo(worstTurnMs));
        }
    }

    /** {@code sessions} sessions through the balancer, each asking {@code calls} bugs nobody asked before (no cache). */
    private CompletableFuture<JsonNode> load(int sessions, int calls, String run, boolean resend) {
        return load(sessions, calls, run, "get_bug_details", "bug_ids", "CSC%s%02d%03d", resend);
    }

    /** As above, with {@code tool} asked for IDs made by {@code format} from the run, the session and the call. */
    private CompletableFuture<JsonNode> load(int sessions, int calls, String run, String tool, String argument,
            String format, boolean resend) {
        // A client that sends again gives up on a call after 8 s: the TypeScript SDK client (1.32.2) does not fail a call
        // whose stream broke mid-answer (it tries to resume the stream, which a new replica cannot), it waits for its
        // time-out, so that is when it learns to send again.
        ObjectNode plan = Json.MAPPER.createObjectNode().put("url", balancer).put("timeoutMs", resend ? 8_000 : 180_000)
                .put("resend", resend);
        ArrayNode t = plan.putArray("tokens");
        tokens.forEach(t::add);
        ArrayNode all = plan.putArray("sessions");
        for (int s = 0; s < sessions; s++) {
            ArrayNode session = all.addArray();
            for (int c = 0; c < calls; c++) {
                String id = format.startsWith("CSC") ? String.format(format, run, s, c) : String.format(format, s, c);
                session.addObject().put("name", tool).put("expect", "answer").putObject("arguments").put(argument, id);
            }
        }
        return CompletableFuture.supplyAsync(() -> NodeClient.load(plan));
    }

    /** When each Cisco call arrived at the sandbox (ms on its clock), oldest first. */
    private List<Long> arrivals() {
        return cisco.server.requests().recent().stream().map(seen -> seen.arrivedNanos() / 1_000_000).sorted().toList();
    }

    private static int mostInOneSecond(List<Long> arrivals) {
        int most = 0;
        for (int i = 0, j = 0; i < arrivals.size(); i++) {
            while (arrivals.get(i) - arrivals.get(j) >= 1000) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        return most;
    }

    /** Calls that were neither served nor answered "rate limited, retry after" (lost or failed otherwise). */
    private static List<String> unanswered(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("results").forEach(c -> {
            boolean served = c.path("ok").asBoolean() && !c.path("isError").asBoolean();
            if (!served && !c.path("text").asString("").contains("Retry after")) {
                out.add(c.toString());
            }
        });
        return out;
    }

    private static long served(JsonNode report) {
        List<JsonNode> calls = new ArrayList<>();
        report.path("results").forEach(calls::add);
        return calls.stream().filter(c -> c.path("ok").asBoolean() && !c.path("isError").asBoolean()).count();
    }

    private int postsAnswered(HttpServerProcess replica) {
        return (int) replica.stderr().lines().filter(l -> l.contains("\"method\":\"POST\"") && l.contains("\"status\":200"))
                .count();
    }

    @Test
    void threeReplicasKeepOneQuotaBetweenThemEverySecond() throws Exception {
        cisco.resetCounts();
        cisco.server.requests().perSecond(5);
        List<Integer> before = replicas.stream().map(this::postsAnswered).toList();
        JsonNode report = load(SESSIONS, 5, "qa", false).get(240, TimeUnit.SECONDS);

        List<Long> arrivals = arrivals();
        assertThat(cisco.server.requests().overQpsAnswers()).as("calls Cisco would have refused as over 5/s").isZero();
        assertThat(mostInOneSecond(arrivals)).as("the most calls to arrive at Cisco in one second").isLessThanOrEqualTo(5);
        long first = arrivals.get(0);
        System.out.printf("scale-out: %d calls at Cisco, %d in the first 30 s, at most %d in one second, %d over 5/s%n",
                arrivals.size(), arrivals.stream().filter(a -> a - first < 30_000).count(), mostInOneSecond(arrivals),
                cisco.server.requests().overQpsAnswers());
        // 5 calls per window of 1 s and the 250 ms arrival margin: at most 120 in 30 s (119 on an idle 2-core machine, 104
        // beside another test fork). Held here: at least half, so turns lost or a replica kept to its third would show,
        // while a busy machine's late wake-ups (each books again) do not fail the test.
        assertThat(arrivals.stream().filter(a -> a - first < 30_000).count()).as("calls in the first 30 s")
                .isGreaterThanOrEqualTo(60);
        System.out.printf("scale-out: %d of %d calls served%n", served(report), SESSIONS * 5);
        assertThat(served(report)).as("calls served of %d", SESSIONS * 5).isGreaterThanOrEqualTo(128);
        assertThat(unanswered(report)).as("calls neither served nor told when to retry").isEmpty();
        for (int i = 0; i < 3; i++) {
            assertThat(postsAnswered(replicas.get(i)) - before.get(i)).as("requests replica %d answered", i + 1).isPositive();
        }
    }

    @Test
    void whileRedisIsAwayEachReplicaKeepsToItsShareAndSharingResumesWhenItIsBack() throws Exception {
        cisco.resetCounts();
        cisco.server.requests().perSecond(5);
        CompletableFuture<JsonNode> running = load(10, 5, "rd", false);
        awaitArrivals(5);
        redis.stop();
        Thread.sleep(4000); // a few seconds of load without Redis
        redis.start();
        long back = System.nanoTime();
        // Redis came back empty (no persistence): a booked turn there means the replicas share again.
        boolean sharing = false;
        long sharingAfterMs = -1;
        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            while (!sharing && System.nanoTime() - back < TimeUnit.SECONDS.toNanos(5)) {
                sharing = !connection.sync().keys(prefix + ":*{q:bug}:w1").isEmpty();
                sharingAfterMs = (System.nanoTime() - back) / 1_000_000;
                Thread.sleep(100);
            }
        } finally {
            client.shutdown();
        }
        JsonNode report = running.get(240, TimeUnit.SECONDS);
        System.out.printf("scale-out with Redis away 4 s: %d calls, at most %d in one second, %d over 5/s, sharing again"
                + " after %d ms%n", arrivals().size(), mostInOneSecond(arrivals()), cisco.server.requests().overQpsAnswers(),
                sharingAfterMs);
        assertThat(sharing).as("turns booked in Redis within 5 s of its return").isTrue();
        assertThat(cisco.server.requests().overQpsAnswers()).as("calls Cisco would have refused as over 5/s").isZero();
        assertThat(mostInOneSecond(arrivals())).as("the most calls to arrive at Cisco in one second").isLessThanOrEqualTo(5);
        assertThat(unanswered(report)).as("calls neither served nor told when to retry").isEmpty();
        assertThat(served(report)).as("calls served of 50").isGreaterThanOrEqualTo(40);
        assertThat(replicas.get(0).stderrOnceItHas("Redis cannot be reached")).contains("Redis answers again");
    }

    @Test
    void anAnswerFetchedThroughOneReplicaServesTheOthersButCasesNeverLeaveTheProcess() throws Exception {
        cisco.resetCounts();
        for (HttpServerProcess replica : replicas.subList(0, 2)) {
            JsonNode answer = Scenario.http(replica.url(), tokens.get(0)).call("get_bug_details",
                    Map.of("bug_ids", "CSCvt43974")).run().path(0);
            assertThat(answer.path("ok").asBoolean()).as("%s", answer).isTrue();
            assertThat(answer.path("value").path("content").toString()).contains("CSCvt43974");
        }
        assertThat(cisco.server.requests().recentPaths()).as("Cisco asked once for the two replicas")
                .filteredOn(p -> p.contains("CSCvt43974")).hasSize(1);

        Scenario.http(replicas.get(0).url(), tokens.get(0)).call("get_case_summary", Map.of("case_ids", "699999999"))
                .run();
        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = connection.sync().keys(prefix + ":*");
            assertThat(keys).as("what Redis holds").anyMatch(k -> k.contains(":c:bug:"))
                    .noneMatch(k -> k.contains(":c:case:") || k.contains(":c:rma:"));
        } finally {
            client.shutdown();
        }
    }

    @Test
    void theLockoutAndTheRequestLimitHoldAcrossReplicasForTheClientBehindTheBalancer() throws Exception {
        // Wrong tokens from one client, spread over the replicas by the balancer: counted together.
        for (int i = 0; i < LOCKOUT; i++) {
            assertThat(ping("192.0.2.9", "wrong-token-" + i)).as("wrong token %d", i + 1).isEqualTo(401);
        }
        assertThat(ping("192.0.2.9", "wrong-token-again")).as("after %d wrong tokens on any replica", LOCKOUT)
                .isEqualTo(429);
        assertThat(ping("192.0.2.10", "wrong-token-elsewhere")).as("another client behind the same balancer")
                .isEqualTo(401);
        assertThat(ping("192.0.2.9", tokens.get(1))).as("a right token is never locked out").isEqualTo(200);

        // One token's burst of requests, spread over the replicas: one bucket for all of them.
        long started = System.nanoTime();
        int admitted = 0;
        for (int i = 0; i < 2 * BURST; i++) {
            if (ping("192.0.2.11", tokens.get(29)) == 200) {
                admitted++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(admitted).as("admitted of %d in %.1f s (burst %d, %d/s)", 2 * BURST, seconds, BURST, RATE)
                .isGreaterThanOrEqualTo(BURST).isLessThanOrEqualTo(BURST + (int) Math.ceil(RATE * seconds) + 1);
    }

    @Test
    void aMinutesQuotaIsOneForAllReplicasAndCiscosPauseHoldsThemAll() throws Exception {
        // 5/s,20/min: 25 lookups through the balancer; 20 reach Cisco, the other turns are a minute away (past the
        // 20 s a call may wait), so those are answered "rate limited" at once.
        cisco.resetCounts();
        JsonNode report = load(25, 1, "rm", "get_rma_details", "rma_number", "8%02d%03d00", false)
                .get(120, TimeUnit.SECONDS);
        // One minute's 20 for all three replicas (not 20 each). A turn given up by a call that woke late on a busy machine
        // can leave one of the 20 unused within the minute, so the count is held to at most 20 and nearly all of them.
        int reached = cisco.server.requests().recentPaths().size();
        assertThat(reached).as("RMA lookups that reached Cisco").isBetween(18, 20);
        List<JsonNode> refused = new ArrayList<>();
        report.path("results").forEach(r -> {
            if (r.path("text").asString("").contains("Retry after")) {
                refused.add(r);
            }
        });
        assertThat(refused).as("answered rate limited: every lookup that did not reach Cisco").hasSize(25 - reached);

        // Cisco says "over rate" to one replica: none of the three sends an EoX request during the pause.
        cisco.resetCounts();
        cisco.server.faults().inject(dev.ciscosupport.mcp.sandbox.Fault.OVER_RATE, 1);
        for (HttpServerProcess replica : replicas) {
            JsonNode answer = Scenario.http(replica.url(), tokens.get(2)).call("get_eox_by_product_id",
                    Map.of("product_ids", "WS-C3750X-48P-S")).run().path(0);
            assertThat(answer.path("value").path("content").toString()).as("%s", answer).contains("Retry after");
        }
        assertThat(cisco.server.requests().apiRequests()).as("EoX requests Cisco saw: the one it refused").isEqualTo(1);
    }

    private int ping(String client, String token) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(balancer))
                .header("Authorization", "Bearer " + token).header("X-Forwarded-For", client)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(PING)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void awaitArrivals(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (cisco.server.requests().apiRequests() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
