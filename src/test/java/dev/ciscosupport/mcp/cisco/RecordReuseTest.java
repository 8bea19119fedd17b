package dev.ciscosupport.mcp.cisco;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.cisco.bug.Bug;
import dev.ciscosupport.mcp.cisco.bug.BugApi;
import dev.ciscosupport.mcp.cisco.bug.BugDetails;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.eox.EoxApi;
import dev.ciscosupport.mcp.cisco.eox.EoxPage;
import dev.ciscosupport.mcp.cisco.eox.EoxRecord;
import dev.ciscosupport.mcp.cisco.resilience.FakeTime;
import dev.ciscosupport.mcp.cisco.serial.SerialApi;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.config.Upstream;
import dev.ciscosupport.mcp.sandbox.SandboxClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The record cache, counted at the sandbox: a record fetched in a multi-ID answer is reused when asked alone, a lookup
 * of known and unknown IDs asks Cisco only for the unknown ones, and what is kept lives as long as its API's answers.
 */
class RecordReuseTest {
    private final FakeTime time = new FakeTime();
    private final TestCisco cisco = TestCisco.start(cached(), time);

    /** The test gateway's settings, with bug, coverage and EoX answers kept an hour, an hour and a day. */
    private static Upstream cached() {
        Upstream plain = TestCisco.plain();
        return new Upstream(plain.timeout(), 0, plain.retryBudget(), Map.of(), plain.quotaWait(),
                Map.of(SupportApi.BUG, Duration.ofHours(1), SupportApi.EOX, Duration.ofDays(1), SupportApi.SERIAL,
                        Duration.ofHours(1)), 16,
                plain.breakerFailures(), plain.breakerOpen());
    }

    @AfterEach
    void stop() {
        cisco.close();
    }

    private BugApi bugs(String caller) {
        return new BugApi(cisco.gateway).in(new CallContext(caller, CallContext.Listener.NONE));
    }

    private List<String> knownBugIds(int n) {
        List<String> ids = new ArrayList<>();
        for (JsonNode bug : new SandboxClient(cisco.sandbox).getJson("/bug/v2.0/bugs/keyword/on?modified_date=5")
                .path("bugs")) {
            ids.add(bug.path("bug_id").asString());
        }
        cisco.sandbox.requests().reset();
        return ids.subList(0, n);
    }

    @Test
    void aBugFetchedAmongOthersIsReusedAloneAndOnlyUnknownBugsAreAsked() {
        List<String> ids = knownBugIds(4);
        assertThat(bugs("alice").details(ids.subList(0, 3)).bugs()).hasSize(3);
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(1);

        BugDetails alone = bugs("alice").details(List.of(ids.get(1).toLowerCase(java.util.Locale.ROOT)));
        assertThat(alone.bugs()).extracting(Bug::bugId).containsExactly(ids.get(1));
        assertThat(alone.ciscoCalls()).isZero();
        assertThat(cisco.sandbox.requests().apiRequests()).as("no new request").isEqualTo(1);

        BugDetails mixed = bugs("alice").details(List.of(ids.get(3), ids.get(0)));
        assertThat(mixed.bugs()).extracting(Bug::bugId).containsExactly(ids.get(3), ids.get(0));
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(2);
        assertThat(cisco.sandbox.requests().recentPaths().get(cisco.sandbox.requests().recentPaths().size() - 1))
                .isEqualTo("/bug/v2.0/bugs/bug_ids/" + ids.get(3));
    }

    @Test
    void onlyTheCallersOwnRecordsCountAsReused() {
        List<String> ids = knownBugIds(2);
        bugs("alice").details(ids);
        CallContext bob = new CallContext("bob", CallContext.Listener.NONE);
        new BugApi(cisco.gateway).in(bob).details(ids.subList(0, 1));
        assertThat(bob.cacheHits()).as("another caller's record is handed over as if fresh").isZero();
        CallContext alice = new CallContext("alice", CallContext.Listener.NONE);
        time.advance(Duration.ofSeconds(90));
        new BugApi(cisco.gateway).in(alice).details(ids.subList(0, 1));
        assertThat(alice.cacheHits()).isEqualTo(1);
        assertThat(alice.oldestHitSeconds()).isEqualTo(90);
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(1);
    }

    @Test
    void aKeptRecordGoesWithItsApisTime() {
        List<String> ids = knownBugIds(2);
        bugs("alice").details(ids);
        time.advance(Duration.ofMinutes(59));
        bugs("alice").details(ids.subList(0, 1));
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(1);
        time.advance(Duration.ofMinutes(2));
        bugs("alice").details(ids.subList(0, 1));
        assertThat(cisco.sandbox.requests().apiRequests()).as("past the Bug API's hour").isEqualTo(2);
    }

    @Test
    void withoutTheCacheEveryLookupAsks() {
        try (TestCisco plain = TestCisco.start()) {
            List<String> ids = new ArrayList<>(cisco.sandbox.bugHeadlines().keySet()).subList(0, 2);
            BugApi api = new BugApi(plain.gateway);
            api.details(ids);
            api.details(ids.subList(0, 1));
            assertThat(plain.sandbox.requests().apiRequests()).isEqualTo(2);
        }
    }

    @Test
    void aProductsEoxRecordsAreReusedAloneButAWildcardIsAlwaysAsked() {
        List<String> pids = cisco.sandbox.serialNumbers().values().stream().distinct().limit(3).toList();
        EoxApi eox = new EoxApi(cisco.gateway);
        EoxPage all = eox.byProductIds(pids, 1);
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(1);

        EoxPage one = eox.byProductIds(List.of(pids.get(2)), 1);
        assertThat(one.records()).isNotEmpty().allMatch(r -> r.inputs().contains(pids.get(2)));
        assertThat(one.records()).containsExactlyElementsOf(all.records().stream()
                .filter(r -> r.inputs().contains(pids.get(2))).toList());
        assertThat(one.ciscoCalls()).isZero();
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(1);

        EoxPage mixed = eox.byProductIds(List.of(pids.get(0), "NOT-A-PID-1"), 1);
        assertThat(mixed.records()).extracting(EoxRecord::found).contains(true, false);
        assertThat(mixed.page().total()).isEqualTo(mixed.records().size());
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(2);
        assertThat(cisco.sandbox.requests().recentPaths().get(1)).contains("NOT-A-PID-1").doesNotContain(pids.get(0));

        String wildcard = pids.get(0).substring(0, 4) + "*";
        eox.byProductIds(List.of(wildcard), 1);
        eox.byProductIds(List.of(wildcard), 1);
        assertThat(cisco.sandbox.requests().apiRequests()).as("a wildcard's matches can change: the answer cache only")
                .isEqualTo(3);
    }

    @Test
    void aSerialNumbersCoverageIsReusedAloneAndOnlyUnknownSerialsAreAsked() {
        List<String> serials = new ArrayList<>(cisco.sandbox.serialNumbers().keySet()).subList(0, 4);
        SerialApi sn2info = new SerialApi(cisco.gateway);
        sn2info.ask(SerialApi.Question.SUMMARY, serials.subList(0, 3), 1);
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(1);

        SerialApi.Answers one = sn2info.ask(SerialApi.Question.SUMMARY, List.of(serials.get(2)), 1);
        assertThat(one.items()).singleElement().extracting(c -> c.key(false)).isEqualTo(serials.get(2));
        assertThat(cisco.sandbox.requests().apiRequests()).as("a paged question answered from kept records").isEqualTo(1);

        SerialApi.Answers mixed = sn2info.ask(SerialApi.Question.SUMMARY, List.of(serials.get(0), serials.get(3)), 1);
        assertThat(mixed.items()).extracting(c -> c.key(false)).containsExactly(serials.get(0), serials.get(3));
        assertThat(cisco.sandbox.requests().recentPaths().get(1)).as("a paged question asks all unless all are known")
                .contains(serials.get(0)).contains(serials.get(3));

        sn2info.ask(SerialApi.Question.STATUS, serials.subList(0, 2), 1);
        sn2info.ask(SerialApi.Question.STATUS, List.of(serials.get(1), serials.get(3)), 1);
        List<String> paths = cisco.sandbox.requests().recentPaths();
        assertThat(paths.get(paths.size() - 1)).as("an unpaged question asks only the unknown")
                .endsWith("/" + serials.get(3));
        assertThat(cisco.sandbox.requests().apiRequests()).isEqualTo(4);
    }
}
