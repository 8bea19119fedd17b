package dev.ciscosupport.mcp.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.MutableClock;
import dev.ciscosupport.mcp.config.SessionLimits;
import dev.ciscosupport.mcp.security.AcceptedToken;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sessions of HTTP mode are opened only by {@code initialize}, owned by the token (not the label) that opened them,
 * closed when idle, capped per token and in total, and keep no more of a client's {@code initialize} than a real client
 * sends: a flood of sessions, however large, leaves memory flat and other tokens served.
 */
class SessionLimitsTest extends WithHardenedServer {
    static final String TEAM_ONE = "team-token-one-0123456789abcdef";
    static final String TEAM_TWO = "team-token-two-0123456789abcdef";
    static final String OTHER = "other-token-0123456789abcdefghij";

    final MutableClock clock = MutableClock.at2026();

    Raw start(SessionLimits limits) {
        return start(limits, 100_000, clock, List.of(AcceptedToken.of(TEAM_ONE, "team"), AcceptedToken.of(TEAM_TWO, "team"),
                AcceptedToken.of(OTHER, "other")));
    }

    @Test
    void anInitializeThatCarriesASessionHeaderOpensANewSessionOwnedByItsToken() throws Exception {
        Raw server = start(SessionLimits.defaults());
        String first = server.open(OTHER);
        HttpResponse<String> reopened = server.post(TEAM_ONE, first, Raw.INITIALIZE);
        assertThat(reopened.statusCode()).isEqualTo(200);
        String second = reopened.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(server.ping(OTHER, second).statusCode()).as("another token on the new session").isEqualTo(403);
        assertThat(server.ping(TEAM_ONE, second).statusCode()).isEqualTo(200);
        assertThat(server.ping(TEAM_ONE, first).statusCode()).as("the session it named stays its owner's").isEqualTo(403);
    }

    @Test
    void tokensThatShareALabelCannotUseOrEndEachOthersSessions() throws Exception {
        Raw server = start(SessionLimits.defaults());
        String session = server.open(TEAM_ONE);
        assertThat(server.ping(TEAM_TWO, session).statusCode()).isEqualTo(403);
        assertThat(server.delete(TEAM_TWO, session).statusCode()).isEqualTo(403);
        assertThat(server.ping(TEAM_ONE, session).statusCode()).isEqualTo(200);
    }

    @Test
    void anIdleSessionIsClosedAndItsClientToldToStartAgainWhileAUsedOneLives() throws Exception {
        Raw server = start(new SessionLimits(Duration.ofMinutes(30), 100, 10, SessionLimits.INITIALIZE_BYTES));
        String idle = server.open(OTHER);
        String used = server.open(OTHER);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(server.ping(OTHER, used).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> expired = server.ping(OTHER, idle);
        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(expired.body()).contains("Session not found").contains("Send initialize to start a new one");
        assertThat(server.ping(OTHER, idle).statusCode()).as("closed, not only hidden").isEqualTo(404);
    }

    @Test
    void oneTokensFloodOfSessionsClosesOnlyItsOwnOldestAndNeverLocksOutAnother() throws Exception {
        Raw server = start(new SessionLimits(Duration.ofMinutes(30), 50, 20, SessionLimits.INITIALIZE_BYTES));
        String others = server.open(OTHER);
        List<String> flood = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            flood.add(server.open(TEAM_ONE));
        }
        assertThat(server.ping(TEAM_ONE, flood.get(0)).statusCode()).as("the flood's oldest session").isEqualTo(404);
        assertThat(server.ping(TEAM_ONE, flood.get(199)).statusCode()).isEqualTo(200);
        long live = flood.stream().filter(id -> server.ping(TEAM_ONE, id).statusCode() == 200).count();
        assertThat(live).as("the flooding token's live sessions").isEqualTo(20);
        assertThat(server.ping(OTHER, others).statusCode()).isEqualTo(200);
        assertThat(server.post(TEAM_TWO, null, Raw.INITIALIZE).statusCode()).isEqualTo(200);
    }

    @Test
    void overTheTotalCapANewSessionIs503UntilOneEnds() throws Exception {
        // Four in all: the in-process server's own test client holds one.
        Raw server = start(new SessionLimits(Duration.ofMinutes(30), 4, 2, SessionLimits.INITIALIZE_BYTES));
        String one = server.open(OTHER);
        server.open(OTHER);
        server.open(TEAM_ONE);
        HttpResponse<String> full = server.post(TEAM_TWO, null, Raw.INITIALIZE);
        assertThat(full.statusCode()).isEqualTo(503);
        assertThat(full.headers().firstValue("Retry-After")).isPresent();
        assertThat(full.body()).contains("Too many open sessions");
        assertThat(server.delete(OTHER, one).statusCode()).isEqualTo(200);
        assertThat(server.post(TEAM_TWO, null, Raw.INITIALIZE).statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionlessPingIsNotANewSession() throws Exception {
        Raw server = start(SessionLimits.defaults(), 2, clock, List.of(AcceptedToken.of(OTHER, "other")));
        for (int i = 0; i < 10; i++) {
            assertThat(server.ping(OTHER, null).statusCode()).as("monitoring ping " + i).isEqualTo(200);
        }
        assertThat(server.post(OTHER, null, Raw.INITIALIZE).statusCode()).isEqualTo(200);
        assertThat(server.post(OTHER, null, Raw.INITIALIZE).statusCode()).isEqualTo(200);
        assertThat(server.post(OTHER, null, Raw.INITIALIZE).statusCode()).as("the third session this minute").isEqualTo(429);
    }

    @Test
    void hugeInitializeRequestsAreRefusedAndKeepNothing() throws Exception {
        Raw server = start(new SessionLimits(Duration.ofMinutes(30), 1_000, 1_000, SessionLimits.INITIALIZE_BYTES));
        String padding = "x".repeat(900 * 1024);
        String huge = Raw.INITIALIZE.replace("\"capabilities\":{}", "\"capabilities\":{\"experimental\":{\"pad\":{\"v\":\""
                + padding + "\"}}}");
        long before = usedHeap();
        for (int i = 0; i < 120; i++) {
            HttpResponse<String> refused = server.post(OTHER, null, huge);
            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(refused.body()).contains("an initialize request may be at most 16 KiB");
        }
        long grown = usedHeap() - before;
        // 120 kept initialize requests of 900 KB would hold over 100 MB; what is left is the server's own churn.
        assertThat(grown).as("heap growth after the flood, bytes").isLessThan(32L * 1024 * 1024);
        assertThat(server.ping(OTHER, server.open(OTHER)).statusCode()).isEqualTo(200);
    }

    @Test
    void aFloodOfPlainSessionsLeavesMemoryFlat() throws Exception {
        Raw server = start(new SessionLimits(Duration.ofMinutes(30), 1_000, 50, SessionLimits.INITIALIZE_BYTES));
        String padded = Raw.INITIALIZE.replace("\"capabilities\":{}", "\"capabilities\":{\"experimental\":{\"pad\":{\"v\":\""
                + "y".repeat(15 * 1024) + "\"}}}");
        for (int i = 0; i < 200; i++) {
            server.post(OTHER, null, padded); // warm up: the server's own first-use allocations
        }
        long before = usedHeap();
        for (int i = 0; i < 2_000; i++) {
            assertThat(server.post(OTHER, null, padded).statusCode()).isEqualTo(200);
        }
        long grown = usedHeap() - before;
        // Without the caps, 2,000 sessions keeping 15 KiB capabilities each would hold some 30 MB or more.
        assertThat(grown).as("heap growth after 2,000 sessions, bytes").isLessThan(16L * 1024 * 1024);
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
