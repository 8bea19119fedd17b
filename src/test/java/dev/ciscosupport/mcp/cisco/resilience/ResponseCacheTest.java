package dev.ciscosupport.mcp.cisco.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciscosupport.mcp.cisco.TestCisco;
import dev.ciscosupport.mcp.cisco.bug.BugApi;
import dev.ciscosupport.mcp.cisco.bug.BugFilters;
import dev.ciscosupport.mcp.cisco.bug.BugPage;
import dev.ciscosupport.mcp.cisco.call.CallScope;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.casev3.CaseApi;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.config.Upstream;
import dev.ciscosupport.mcp.sandbox.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reused answers: hits, expiry, per-caller Case data, one upstream call for identical concurrent requests. */
class ResponseCacheTest {
    private static final String CASE = "694000000";
    private final FakeTime time = new FakeTime();
    private final TestCisco cisco = TestCisco.start(new Upstream(Duration.ofSeconds(5), 0, Duration.ofSeconds(45), Map.of(),
            Duration.ofSeconds(20), Map.of(SupportApi.BUG, Duration.ofMinutes(30), SupportApi.CASE, Duration.ofMinutes(2)), 16,
            100, Duration.ofSeconds(30)), time);
    private final BugApi bugs = new BugApi(cisco.gateway);
    private final CaseApi cases = new CaseApi(cisco.gateway);

    @AfterEach
    void stop() {
        cisco.close();
    }

    @Test
    void aRepeatedQuestionIsAnsweredFromTheCacheAndSaysHowOld() {
        BugPage first;
        try (CallScope scope = CallScope.open("stdio")) {
            first = bugs.byKeyword("crash", BugFilters.NONE);
            assertThat(scope.cacheHits()).isZero();
        }
        time.advance(Duration.ofMinutes(5));
        try (CallScope scope = CallScope.open("stdio")) {
            assertThat(bugs.byKeyword("crash", BugFilters.NONE)).isEqualTo(first);
            assertThat(scope.cacheHits()).isEqualTo(1);
            assertThat(scope.oldestHitSeconds()).isEqualTo(300);
        }
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(1);

        bugs.byKeyword("crash", new BugFilters(null, null, "2", null, null));
        assertThat(cisco.sandbox.requests().apiRequests()).as("another question is another request").isEqualTo(2);
    }

    @Test
    void anAnswerAnotherCallerFetchedIsReusedWithoutSayingSo() {
        try (CallScope scope = CallScope.open("token:alice")) {
            bugs.byKeyword("crash", BugFilters.NONE);
            assertThat(scope.requests()).as("alice's request to Cisco").isEqualTo(1);
        }
        time.advance(Duration.ofMinutes(5));
        try (CallScope scope = CallScope.open("token:bob")) {
            bugs.byKeyword("crash", BugFilters.NONE);
            assertThat(scope.cacheHits()).as("bob learns nothing of alice's lookup five minutes ago").isZero();
            assertThat(scope.oldestHitSeconds()).isZero();
            assertThat(scope.requests()).as("nor is he charged for her request").isZero();
        }
        assertThat(cisco.sandbox.requests().apiRequests()).as("still one request to Cisco").isEqualTo(1);
        try (CallScope scope = CallScope.open("token:alice")) {
            bugs.byKeyword("crash", BugFilters.NONE);
            assertThat(scope.cacheHits()).as("alice's own answer, reused").isEqualTo(1);
        }
    }

    @Test
    void anAnswerExpiresAfterItsApisTimeToLive() {
        bugs.byKeyword("crash", BugFilters.NONE);
        time.advance(Duration.ofMinutes(29));
        bugs.byKeyword("crash", BugFilters.NONE);
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(1);
        time.advance(Duration.ofMinutes(2));
        bugs.byKeyword("crash", BugFilters.NONE);
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(2);
    }

    @Test
    void theCacheStaysWithinItsMemoryBound() {
        ResponseCache small = new ResponseCache(Map.of(SupportApi.BUG, Duration.ofHours(1)), 1, time);
        tools.jackson.databind.JsonNode body = dev.ciscosupport.mcp.json.Json.MAPPER.createObjectNode().put("x", "y");
        for (int i = 0; i < 200; i++) {
            small.get(new ResponseCache.Key(SupportApi.BUG, "/bug/" + i, ""), "stdio", () -> new ResponseCache.Fetched(body, 50_000));
        }
        assertThat(small.weight()).as("200 answers of 200 KB each in a 1 MB cache").isLessThanOrEqualTo(1024 * 1024)
                .isPositive();
    }

    @Test
    void errorsAreNotKept() {
        cisco.sandbox.faults().inject(Fault.SERVICE_UNAVAILABLE, 1);
        assertThatThrownBy(() -> bugs.byKeyword("crash", BugFilters.NONE)).isInstanceOf(CiscoException.Unavailable.class);
        assertThat(bugs.byKeyword("crash", BugFilters.NONE).bugs()).isNotEmpty();
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(2);
    }

    @Test
    void oneCallersCasesAreNeverAnotherCallersCacheHit() {
        try (CallScope alice = CallScope.open("token:alice")) {
            cases.summaries("case_ids", List.of(CASE), null);
            cases.summaries("case_ids", List.of(CASE), null);
            assertThat(alice.cacheHits()).isEqualTo(1);
        }
        try (CallScope bob = CallScope.open("token:bob")) {
            cases.summaries("case_ids", List.of(CASE), null);
            assertThat(bob.cacheHits()).as("Bob's question goes to Cisco").isZero();
        }
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(2);
        time.advance(Duration.ofMinutes(3));
        try (CallScope alice = CallScope.open("token:alice")) {
            cases.summaries("case_ids", List.of(CASE), null);
            assertThat(alice.cacheHits()).as("cases are kept two minutes").isZero();
        }
    }

    @Test
    void identicalConcurrentRequestsShareOneUpstreamCall() throws Exception {
        cisco.sandbox.faults().latency(Duration.ofMillis(300));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<BugPage>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return bugs.byKeyword("memory leak", BugFilters.NONE);
                }));
            }
            go.countDown();
            BugPage first = answers.get(0).get(10, TimeUnit.SECONDS);
            for (Future<BugPage> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(1);
    }

    @Test
    void identicalConcurrentRequestsShareOneFailureToo() throws Exception {
        cisco.sandbox.faults().latency(Duration.ofMillis(300));
        cisco.sandbox.faults().inject(Fault.SERVICE_UNAVAILABLE, 1);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try {
                        return "bugs: " + bugs.byKeyword("memory leak", BugFilters.NONE).bugs().size();
                    } catch (CiscoException.Unavailable e) {
                        return e.getMessage();
                    }
                }));
            }
            go.countDown();
            for (Future<String> outcome : outcomes) {
                assertThat(outcome.get(10, TimeUnit.SECONDS)).contains("HTTP 503");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(1);
    }

    @Test
    void aCancelledCallerLeavesASharedFetchWithoutFailingTheOneWhoJoinedIt() throws Exception {
        ResponseCache cache = new ResponseCache(Map.of(SupportApi.BUG, Duration.ofMinutes(30)), 16, time);
        ResponseCache.Key key = new ResponseCache.Key(SupportApi.BUG, "/bug/v2.0/bugs/bug_ids/CSCvi10692", "");
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        tools.jackson.databind.JsonNode body = dev.ciscosupport.mcp.json.Json.MAPPER.readTree("{\"bugs\":[]}");
        java.util.concurrent.atomic.AtomicReference<Throwable> aliceGot = new java.util.concurrent.atomic.AtomicReference<>();
        Thread alice = new Thread(() -> {
            try {
                cache.get(key, "token:alice", () -> {
                    fetching.countDown();
                    try {
                        answer.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException("the fetch was interrupted");
                    }
                    return new ResponseCache.Fetched(body, 20);
                });
            } catch (Throwable e) {
                aliceGot.set(e);
            }
        });
        alice.start();
        assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();
        ExecutorService bobs = Executors.newSingleThreadExecutor();
        try {
            Future<ResponseCache.Hit> bob = bobs.submit(() -> cache.get(key, "token:bob", () -> {
                throw new AssertionError("Bob joins Alice's fetch rather than starting his own");
            }));
            for (int i = 0; i < 1_000 && cache.waiting(key) < 2; i++) {
                Thread.sleep(10);
            }
            assertThat(cache.waiting(key)).as("Alice and Bob wait for one fetch").isEqualTo(2);
            alice.interrupt(); // Alice's client cancelled her call
            alice.join(10_000);
            assertThat(aliceGot.get()).isInstanceOf(CiscoException.Unavailable.class).hasMessageContaining("cancelled");
            answer.countDown(); // Cisco answers
            assertThat(bob.get(10, TimeUnit.SECONDS).body()).isEqualTo(body);
        } finally {
            bobs.shutdownNow();
        }
    }

    @Test
    void whenEveryCallerHasCancelledTheFetchIsCancelledToo() throws Exception {
        ResponseCache cache = new ResponseCache(Map.of(SupportApi.BUG, Duration.ofMinutes(30)), 16, time);
        ResponseCache.Key key = new ResponseCache.Key(SupportApi.BUG, "/bug/v2.0/bugs/keyword/crash", "");
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Thread alice = new Thread(() -> {
            try {
                cache.get(key, "token:alice", () -> {
                    fetching.countDown();
                    try {
                        new CountDownLatch(1).await(); // Cisco never answers
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                    throw new IllegalStateException("no answer");
                });
            } catch (RuntimeException e) {
                // cancelled
            }
        });
        alice.start();
        assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();
        alice.interrupt();
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the fetch nobody waits for is interrupted").isTrue();
        tools.jackson.databind.JsonNode body = dev.ciscosupport.mcp.json.Json.MAPPER.readTree("{\"bugs\":[]}");
        assertThat(cache.get(key, "token:bob", () -> new ResponseCache.Fetched(body, 20)).body())
                .as("the next caller fetches anew").isEqualTo(body);
    }
}
