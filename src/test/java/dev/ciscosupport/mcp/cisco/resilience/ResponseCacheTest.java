package dev.ciscosupport.mcp.cisco.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciscosupport.mcp.cisco.TestCisco;
import dev.ciscosupport.mcp.cisco.bug.BugApi;
import dev.ciscosupport.mcp.cisco.bug.BugFilters;
import dev.ciscosupport.mcp.cisco.bug.BugPage;
import dev.ciscosupport.mcp.cisco.call.CallContext;
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

    private static CallContext call(String caller) {
        return new CallContext(caller, CallContext.Listener.NONE);
    }

    @Test
    void aRepeatedQuestionIsAnsweredFromTheCacheAndSaysHowOld() {
        BugPage first;
        {
            CallContext scope = call("stdio");
            first = bugs.in(scope).byKeyword("crash", BugFilters.NONE);
            assertThat(scope.cacheHits()).isZero();
        }
        time.advance(Duration.ofMinutes(5));
        {
            CallContext scope = call("stdio");
            assertThat(bugs.in(scope).byKeyword("crash", BugFilters.NONE)).isEqualTo(first);
            assertThat(scope.cacheHits()).isEqualTo(1);
            assertThat(scope.oldestHitSeconds()).isEqualTo(300);
        }
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(1);

        bugs.byKeyword("crash", new BugFilters(null, null, "2", null, null));
        assertThat(cisco.sandbox.requests().apiRequests()).as("another question is another request").isEqualTo(2);
    }

    @Test
    void anAnswerAnotherCallerFetchedIsReusedWithoutSayingSo() {
        {
            CallContext scope = call("token:alice");
            bugs.in(scope).byKeyword("crash", BugFilters.NONE);
            assertThat(scope.requests()).as("alice's request to Cisco").isEqualTo(1);
        }
        time.advance(Duration.ofMinutes(5));
        {
            CallContext scope = call("token:bob");
            bugs.in(scope).byKeyword("crash", BugFilters.NONE);
            assertThat(scope.cacheHits()).as("bob learns nothing of alice's lookup five minutes ago").isZero();
            assertThat(scope.oldestHitSeconds()).isZero();
            assertThat(scope.requests()).as("nor is he charged for her request").isZero();
        }
        assertThat(cisco.sandbox.requests().apiRequests()).as("still one request to Cisco").isEqualTo(1);
        {
            CallContext scope = call("token:alice");
            bugs.in(scope).byKeyword("crash", BugFilters.NONE);
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
            small.get(new ResponseCache.Key(SupportApi.BUG, "/bug/" + i, ""), call("stdio"), c -> new ResponseCache.Fetched(body, 50_000));
        }
        assertThat(small.weight()).as("200 answers of 200 KB each in a 1 MB cache").isLessThanOrEqualTo(1024 * 1024)
                .isPositive();
    }

    @Test
    void anAnswerAnotherReplicaKeptIsNotChargedAsARequestToCisco() {
        ResponseCache cache = new ResponseCache(Map.of(SupportApi.BUG, Duration.ofMinutes(30)), 16, time);
        tools.jackson.databind.JsonNode body = dev.ciscosupport.mcp.json.Json.MAPPER.createObjectNode().put("bugs", 0);
        ResponseCache.Hit fromRedis = cache.get(new ResponseCache.Key(SupportApi.BUG, "/bug/kept", ""), call("stdio"),
                fetch -> new ResponseCache.Fetched(body, 20, false));
        ResponseCache.Hit fromCisco = cache.get(new ResponseCache.Key(SupportApi.BUG, "/bug/asked", ""), call("stdio"),
                fetch -> new ResponseCache.Fetched(body, 20));
        assertThat(fromRedis.fetched()).as("another replica's answer: Cisco was not asked").isFalse();
        assertThat(fromCisco.fetched()).isTrue();
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
        {
            CallContext alice = call("token:alice");
            cases.in(alice).summaries(List.of(CASE), null);
            cases.in(alice).summaries(List.of(CASE), null);
            assertThat(alice.cacheHits()).isEqualTo(1);
        }
        {
            CallContext bob = call("token:bob");
            cases.in(bob).summaries(List.of(CASE), null);
            assertThat(bob.cacheHits()).as("Bob's question goes to Cisco").isZero();
        }
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(2);
        time.advance(Duration.ofMinutes(3));
        {
            CallContext alice = call("token:alice");
            cases.in(alice).summaries(List.of(CASE), null);
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
        CallContext aliceCall = call("token:alice");
        java.util.concurrent.atomic.AtomicBoolean fetchCancelled = new java.util.concurrent.atomic.AtomicBoolean();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<ResponseCache.Hit> alice = callers.submit(() -> cache.get(key, aliceCall, fetch -> {
                fetch.onCancel(() -> fetchCancelled.set(true));
                fetching.countDown();
                await(answer);
                return new ResponseCache.Fetched(body, 20);
            }));
            assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();
            Future<ResponseCache.Hit> bob = callers.submit(() -> cache.get(key, call("token:bob"), fetch -> {
                throw new AssertionError("Bob joins Alice's fetch rather than starting his own");
            }));
            awaitWaiting(cache, key, 2);
            aliceCall.cancel(); // Alice's client cancelled her call
            assertThatThrownBy(() -> alice.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(CiscoException.Cancelled.class)
                    .hasMessageContaining("cancelled");
            assertThat(fetchCancelled).as("the fetch Bob still waits for goes on").isFalse();
            answer.countDown(); // Cisco answers
            assertThat(bob.get(10, TimeUnit.SECONDS).body()).isEqualTo(body);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void whenEveryCallerHasCancelledTheFetchIsCancelledToo() throws Exception {
        ResponseCache cache = new ResponseCache(Map.of(SupportApi.BUG, Duration.ofMinutes(30)), 16, time);
        ResponseCache.Key key = new ResponseCache.Key(SupportApi.BUG, "/bug/v2.0/bugs/keyword/crash", "");
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch fetchCancelled = new CountDownLatch(1);
        CallContext aliceCall = call("token:alice");
        ExecutorService callers = Executors.newSingleThreadExecutor();
        try {
            Future<ResponseCache.Hit> alice = callers.submit(() -> cache.get(key, aliceCall, fetch -> {
                fetch.onCancel(fetchCancelled::countDown); // as the gateway aborts its request to Cisco
                fetching.countDown();
                await(fetchCancelled);
                throw new CiscoException.Cancelled("Bug API");
            }));
            assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();
            awaitWaiting(cache, key, 1);
            aliceCall.cancel();
            assertThat(fetchCancelled.await(10, TimeUnit.SECONDS)).as("the fetch nobody waits for is cancelled").isTrue();
            assertThatThrownBy(() -> alice.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(CiscoException.Cancelled.class);
        } finally {
            callers.shutdownNow();
        }
        tools.jackson.databind.JsonNode body = dev.ciscosupport.mcp.json.Json.MAPPER.readTree("{\"bugs\":[]}");
        assertThat(cache.get(key, call("token:bob"), fetch -> new ResponseCache.Fetched(body, 20)).body())
                .as("the next caller fetches anew").isEqualTo(body);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Until {@code count} callers wait for the fetch of {@code key} (each on a thread of its own, so not at once). */
    private static void awaitWaiting(ResponseCache cache, ResponseCache.Key key, int count) throws InterruptedException {
        for (int i = 0; i < 1_000 && cache.waiting(key) < count; i++) {
            Thread.sleep(10);
        }
        assertThat(cache.waiting(key)).as("callers waiting for one fetch").isEqualTo(count);
    }
}
