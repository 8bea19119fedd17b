package dev.ciscosupport.mcp.cisco.bug;

import dev.ciscosupport.mcp.cisco.CiscoGateway;
import dev.ciscosupport.mcp.cisco.TestCisco;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.sandbox.Fault;
import dev.ciscosupport.mcp.sandbox.SandboxClient;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import tools.jackson.databind.JsonNode;

/** BugApi against the sandbox: paths, splitting, paging and Cisco's error shapes. */
class BugApiTest {
    private TestCisco cisco;
    private SandboxServer sandbox;
    private BugApi api;
    private CiscoGateway gateway;

    @BeforeEach
    void start() {
        cisco = TestCisco.start();
        sandbox = cisco.sandbox;
        gateway = cisco.gateway;
        api = new BugApi(gateway);
    }

    @AfterEach
    void stop() {
        cisco.close();
    }

    private List<String> knownIds(int n) {
        List<String> ids = new ArrayList<>();
        SandboxClient client = new SandboxClient(sandbox);
        for (int page = 1; ids.size() < n; page++) {
            for (JsonNode bug : client.getJson("/bug/v2.0/bugs/keyword/on?modified_date=5&page_index=" + page).path("bugs")) {
                ids.add(bug.path("bug_id").asString());
            }
        }
        sandbox.requests().reset();
        return ids.subList(0, n);
    }

    @Test
    void twelveIdsTakeThreeCallsAndComeBackInTheOrderAsked() {
        List<String> ids = knownIds(12);
        List<String> asked = new ArrayList<>(ids);
        java.util.Collections.reverse(asked);
        BugDetails details = api.details(asked);
        assertThat(details.bugs()).extracting(Bug::bugId).containsExactlyElementsOf(asked);
        assertThat(details.ciscoCalls()).isEqualTo(3);
        assertThat(sandbox.requests().apiRequests()).isEqualTo(3);
        assertThat(sandbox.requests().recentPaths()).allMatch(p -> p.startsWith("/bug/v2.0/bugs/bug_ids/"))
                .allMatch(p -> p.split(",").length <= 5);
    }

    @Test
    void unknownIdsAreReportedNotLost() {
        List<String> ids = new ArrayList<>(knownIds(2));
        ids.add("CSCzz99999");
        BugDetails details = api.details(ids);
        assertThat(details.bugs()).hasSize(2);
        assertThat(details.notFound()).containsExactly("CSCzz99999");
    }

    @Test
    void moreThanFiftyIdsAreRefusedBeforeAnyCall() {
        List<String> ids = IntStream.range(0, 51).mapToObj(i -> String.format("CSCvx%05d", i)).toList();
        assertThatThrownBy(() -> api.details(ids)).isInstanceOf(CiscoException.InvalidInput.class)
                .hasMessageContaining("at most 50");
        assertThat(sandbox.requests().apiRequests()).isZero();
    }

    @Test
    void searchReadsCiscosPagingRecord() {
        BugPage page = api.byKeyword("Catalyst", new BugFilters(2, null, null, "5", null));
        assertThat(page.page().index()).isEqualTo(2);
        assertThat(page.page().total()).isGreaterThan(200);
        assertThat(page.page().last()).isEqualTo((page.page().total() + 9) / 10);
        assertThat(page.bugs()).hasSize(10);
        assertThat(sandbox.requests().recentPaths())
                .containsExactly("/bug/v2.0/bugs/keyword/Catalyst?page_index=2&modified_date=5");
    }

    @Test
    void defaultsAreCiscosAndNotSent() {
        api.byKeyword("BGP  route", BugFilters.NONE);
        assertThat(sandbox.requests().recentPaths()).containsExactly("/bug/v2.0/bugs/keyword/BGP%20route");
    }

    @Test
    void requestsIntroduceUsAndAskForJson() {
        api.byKeyword("crash", BugFilters.NONE);
        var seen = sandbox.requests().recent().get(0);
        assertThat(seen.userAgent()).startsWith("cisco-support-mcp/");
        assertThat(seen.accept()).isEqualTo("application/json");
        assertThat(seen.authorization()).startsWith("Bearer sbx.");
    }

    @Test
    void releasesAndNamesAreEncodedPerItem() {
        BugPage page = api.byProductName("Cisco Unified Communications Manager (CallManager)", BugApi.ReleaseKind.AFFECTED,
                List.of("14.0(1)SU2", "12.5(1)SU7"), new BugFilters(null, null, null, "5", null));
        assertThat(page.bugs()).isNotEmpty().allMatch(b -> b.affectedReleases().contains("14.0(1)SU2")
                || b.affectedReleases().contains("12.5(1)SU7"));
        assertThat(sandbox.requests().recentPaths()).containsExactly("/bug/v2.0/bugs/product_name/"
                + "Cisco%20Unified%20Communications%20Manager%20%28CallManager%29/affected_releases/"
                + "14.0%281%29SU2,12.5%281%29SU7?modified_date=5");
    }

    @Test
    void moreThanSeventyFiveReleasesAreRefused() {
        List<String> releases = IntStream.rangeClosed(1, 76).mapToObj(i -> "17." + i).toList();
        assertThatThrownBy(() -> api.byProductIdAndReleases("C9300-24T", releases, BugFilters.NONE))
                .hasMessage("software_releases: Cisco accepts at most 75 releases per call (got 76).");
        assertThat(sandbox.requests().apiRequests()).isZero();
    }

    @Test
    void ciscoFailuresBecomeSentences() {
        sandbox.faults().inject(Fault.GATEWAY_TIMEOUT, 1).inject(Fault.MALFORMED_JSON, 1).inject(Fault.SERVER_ERROR, 1)
                .inject(Fault.TOO_MANY_REQUESTS, 1).inject(Fault.DEVELOPER_INACTIVE, 1);
        assertThatThrownBy(() -> api.byKeyword("crash", BugFilters.NONE)).isInstanceOf(CiscoException.Unavailable.class)
                .hasMessage("Cisco's Bug API is unavailable right now (HTTP 504 Gateway Timeout); try again in a minute.");
        assertThatThrownBy(() -> api.byKeyword("crash", BugFilters.NONE)).isInstanceOf(CiscoException.Unavailable.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> api.byKeyword("crash", BugFilters.NONE)).isInstanceOf(CiscoException.Unavailable.class)
                .hasMessageContaining("HTTP 500");
        assertThatThrownBy(() -> api.byKeyword("crash", BugFilters.NONE)).isInstanceOf(CiscoException.RateLimited.class)
                .hasMessageContaining("Retry after 7 s")
                .satisfies(e -> assertThat(((CiscoException.RateLimited) e).retryAfterSeconds()).isEqualTo(7));
        assertThatThrownBy(() -> api.byKeyword("crash", BugFilters.NONE)).isInstanceOf(CiscoException.NotEntitled.class)
                .hasMessageContaining("inactive");
        assertThat(api.byKeyword("crash", BugFilters.NONE).bugs()).isNotEmpty();
    }

    @Test
    void ciscosJsonErrorsKeepCodeAndDescriptionOnly() {
        assertThatThrownBy(() -> gateway.get(CallContext.background(), dev.ciscosupport.mcp.config.SupportApi.BUG,
                "/bug/v2.0/bugs/product_name/Cisco%20ISE/fixed_in_releases", java.util.Map.of()))
                .isInstanceOf(CiscoException.Rejected.class)
                .hasMessage("Cisco's Bug API rejected the request: API_MISSING_PARAMETERS (A required parameter is missing).");
    }

    @Test
    void listsWhereCiscoTakesOneValueAreRefusedBeforeTheCall() {
        assertThatThrownBy(() -> new BugFilters(null, "O,F", null, null, null))
                .isInstanceOf(CiscoException.InvalidInput.class).hasMessageContaining("one value");
    }
}
