package dev.ciscosupport.mcp.cisco.psirt;

import dev.ciscosupport.mcp.cisco.CiscoGateway;
import dev.ciscosupport.mcp.cisco.TestCisco;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.sandbox.Fault;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import tools.jackson.databind.JsonNode;

/** openVuln answers read from Cisco's examples and from the sandbox: empty answers, errors, paging. */
class PsirtApiTest {
    private TestCisco cisco;
    private SandboxServer sandbox;
    private CiscoGateway gateway;
    private PsirtApi api;

    @BeforeEach
    void start() {
        cisco = TestCisco.start();
        sandbox = cisco.sandbox;
        gateway = cisco.gateway;
        api = new PsirtApi(gateway);
    }

    @AfterEach
    void stop() {
        cisco.close();
    }

    static JsonNode example(String name) throws IOException {
        return TestCisco.example("psirt/" + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cve.200.json", "advisory.200.synthesized.json", "all.200.synthesized.json",
        "all_firstpublished.200.synthesized.json", "all_lastpublished.200.synthesized.json", "bugid.200.synthesized.json",
        "latest.200.synthesized.json", "severity.200.synthesized.json", "severity_firstpublished.200.synthesized.json",
        "severity_lastpublished.200.synthesized.json", "year.200.synthesized.json", "product.200.synthesized.json",
        "OSType_iosxe.200.synthesized.json", "OSType_nxos.200.synthesized.json"})
    void everyExampleReadsWithCvssCweFixesAndUrls(String file) throws IOException {
        JsonNode body = example(file);
        AdvisoryPage page = PsirtApi.read(body, 1, 10);
        assertThat(page.advisories()).hasSize(body.path("advisories").size());
        for (int i = 0; i < page.advisories().size(); i++) {
            JsonNode raw = body.path("advisories").path(i);
            SecurityAdvisory a = page.advisories().get(i);
            assertThat(a.advisoryId()).isEqualTo(raw.path("advisoryId").asString());
            assertThat(a.cvssBaseScore()).isEqualTo(raw.path("cvssBaseScore").asString());
            assertThat(a.cwe()).hasSize(raw.path("cwe").size());
            assertThat(a.publicationUrl()).startsWith("https://");
            assertThat(a.csafUrl()).isEqualTo(raw.path("csafUrl").asString());
            assertThat(a.firstFixed()).hasSize(raw.path("firstFixed").size());
            assertThat(a.productNames()).allMatch(p -> p.equals(p.strip()));
        }
        if (body.has("paging")) {
            assertThat(page.total()).isEqualTo(body.path("paging").path("count").asInt());
            assertThat(page.hasNext()).isEqualTo(!body.path("paging").path("next").asString().equals("NA"));
        }
    }

    @Test
    void nxosFixesArePerPlatform() throws IOException {
        SecurityAdvisory a = PsirtApi.read(example("OSType_nxos.200.synthesized.json"), 1, 10).advisories().get(0);
        assertThat(a.platforms()).first().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Cisco Nexus 9000 Series Switches");
            assertThat(p.firstFixes()).containsExactly("9.3(9)");
            assertThat(p.state()).isEqualTo("VULNERABLE");
        });
    }

    @Test
    void noDataFoundIsAnEmptyAnswerNotAFailure() {
        assertThat(api.byCve("CVE-1999-0001").advisories()).isEmpty();
        assertThat(api.byOsVersion("iosxe", "99.1.1", null, new PsirtApi.Paging(1, 10)).advisories()).isEmpty();
    }

    /** A wrong advisory ID or product name is not "no advisories": nothing was searched, and the user must know. */
    @Test
    void anUnknownIdOrProductNameIsARefusalThatSaysSo() {
        assertThatThrownBy(() -> api.byId("cisco-sa-nothing-here")).isInstanceOf(CiscoException.Rejected.class)
                .hasMessageContaining("no advisory with the ID cisco-sa-nothing-here");
        assertThatThrownBy(() -> api.byProduct("No Such Product", new PsirtApi.Paging(1, 10)))
                .isInstanceOf(CiscoException.Rejected.class).hasMessageContaining("PSIRT knows no product named")
                .hasMessageNotContaining("get_"); // what to do instead is the tool's to say: it knows its siblings
    }

    @Test
    void pagingFollowsCiscosCounts() {
        AdvisoryPage first = api.all(new PsirtApi.Paging(1, 100));
        assertThat(first.total()).isGreaterThan(300);
        assertThat(first.advisories()).hasSize(100);
        assertThat(first.hasNext()).isTrue();
        AdvisoryPage last = api.all(new PsirtApi.Paging(4, 100));
        assertThat(last.hasNext()).isFalse();
        assertThat(last.advisories()).hasSize(first.total() - 300);
        assertThat(sandbox.requests().recentPaths()).contains("/security/advisories/v2/all?pageIndex=1&pageSize=100");
    }

    @Test
    void ciscosValidationErrorsAreSentencesWithTheirCode() {
        assertThatThrownBy(() -> gateway.get(CallContext.background(), dev.ciscosupport.mcp.config.SupportApi.PSIRT,
                "/security/advisories/v2/all/firstpublished", Map.of("startDate", "2020-13-01", "endDate", "2020-12-01")))
                .isInstanceOf(CiscoException.Rejected.class)
                .hasMessage("Cisco's PSIRT openVuln API rejected the request: INVALID_DATE_FORMAT (Invalid date format,"
                        + " please enter date in yyyy-mm-dd format).");
        assertThatThrownBy(() -> gateway.get(CallContext.background(), dev.ciscosupport.mcp.config.SupportApi.PSIRT,
                "/security/advisories/v2/cvrf/cisco-sa-x", Map.of())).hasMessageContaining("URI_NOT_AVAILABLE");
    }

    @Test
    void inputIsCheckedBeforeTheCall() {
        assertThatThrownBy(() -> api.byProduct("Cisco & Co", new PsirtApi.Paging(1, 10))).hasMessageStartingWith("product:");
        assertThatThrownBy(() -> api.byOsVersion("junos", "1.0", null, new PsirtApi.Paging(1, 10)))
                .hasMessageStartingWith("os_type must be one of aci, asa");
        assertThatThrownBy(() -> api.byPublication(true, LocalDate.of(2020, 2, 1), LocalDate.of(2020, 1, 1),
                new PsirtApi.Paging(1, 10))).hasMessageContaining("before start_date");
        assertThatThrownBy(() -> new PsirtApi.Paging(101, 10)).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> api.latest(0)).hasMessageContaining("1 to 100");
        assertThat(sandbox.requests().apiRequests()).isZero();
    }

    @Test
    void psirtOverRateIs429AndRateLimiting() {
        sandbox.faults().inject(Fault.TOO_MANY_REQUESTS, 1);
        assertThatThrownBy(() -> api.latest(5)).isInstanceOf(CiscoException.RateLimited.class)
                .hasMessageContaining("PSIRT openVuln API").hasMessageContaining("Retry after 7 s");
    }
}
