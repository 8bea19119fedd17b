package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The PSIRT openVuln tools through the official MCP TypeScript client, compared with the sandbox's own answers. */
class PsirtToolsIT extends SandboxToolsIT {
    private static final String BASE = "/security/advisories/v2";
    private Scenario scenario() {
        return scenario("psirt");
    }

    private static List<String> ids(JsonNode withAdvisories, String field) {
        List<String> ids = new ArrayList<>();
        withAdvisories.path(field).forEach(a -> ids.add(a.path(field.equals("advisories") && a.has("advisoryId")
                ? "advisoryId" : "advisory_id").asString()));
        return ids;
    }

    @Test
    void theSoftwareCheckerAnswersWhatCiscoAnswersWithFirstFixes() {
        JsonNode direct = cisco.direct.getJson(BASE + "/OSType/iosxe?version=17.9.4&pageIndex=1&pageSize=20");
        cisco.resetCounts();
        JsonNode result = scenario().call("get_security_advisories_by_software_version",
                Map.of("os_type", "iosxe", "version", "17.9.4")).run().path(0);
        JsonNode answer = BugToolsContract.structured(result);
        assertThat(ids(answer, "advisories")).isNotEmpty().containsExactlyElementsOf(ids(direct, "advisories"));
        assertThat(answer.path("advisories")).allMatch(a -> a.path("first_fixed").size() > 0
                && a.path("cvss_base_score").asString().matches("\\d+\\.\\d") && a.path("cwe").size() > 0);
        assertThat(BugToolsContract.text(result)).contains("first fixed:").contains("CVSS");
        assertThat(cisco.server.requests().recentPaths())
                .containsExactly("/security/advisories/v2/OSType/iosxe?version=17.9.4&pageIndex=1&pageSize=20");
    }

    @Test
    void everyLookupFindsWhatCiscoLists() {
        JsonNode latest = cisco.direct.getJson(BASE + "/latest/1").path("advisories").path(0);
        String id = latest.path("advisoryId").asString();
        String cve = latest.path("cves").path(0).asString();
        String bug = latest.path("bugIDs").path(0).asString();
        int year = Integer.parseInt(latest.path("firstPublished").asString().substring(0, 4));
        String day = latest.path("firstPublished").asString().substring(0, 10);
        cisco.resetCounts();
        JsonNode results = scenario()
                .call("get_security_advisory_by_id", Map.of("advisory_id", id))
                .call("get_security_advisory_by_cve", Map.of("cve_id", cve.toLowerCase()))
                .call("get_security_advisory_by_bug_id", Map.of("bug_id", bug))
                .call("get_latest_security_advisories", Map.of("number", 3))
                .call("get_security_advisories_by_year", Map.of("year", year, "page_size", 100))
                .call("get_security_advisories_by_first_published", Map.of("start_date", day, "end_date", day))
                .call("get_security_advisories_by_last_published", Map.of("start_date", "2015-01-01", "end_date", day))
                .call("get_security_advisories_by_severity", Map.of("severity", "critical", "page_size", 5, "page_index", 2))
                .call("get_all_security_advisories", Map.of("page_size", 5))
                .call("get_security_advisories_by_product", Map.of("product", "Cisco NX-OS Software", "product_names", true))
                .run();
        for (int i = 0; i < 3; i++) {
            assertThat(ids(BugToolsContract.structured(results.path(i)), "advisories")).as("lookup %d", i).contains(id);
        }
        assertThat(BugToolsContract.structured(results.path(3)).path("advisories").size()).isEqualTo(3);
        assertThat(ids(BugToolsContract.structured(results.path(4)), "advisories")).contains(id);
        assertThat(ids(BugToolsContract.structured(results.path(5)), "advisories")).contains(id);
        JsonNode critical = BugToolsContract.structured(results.path(7));
        assertThat(critical.path("advisories")).hasSize(5).allMatch(a -> a.path("severity").asString().equals("Critical"));
        assertThat(critical.path("page").path("page_index").asInt()).isEqualTo(2);
        JsonNode all = BugToolsContract.structured(results.path(8));
        assertThat(all.path("page").path("next_page_index").asInt()).isEqualTo(2);
        assertThat(BugToolsContract.text(results.path(8))).contains("page_index=2");
        assertThat(BugToolsContract.text(results.path(9))).contains("products: Cisco NX-OS Software");
    }

    @Test
    void nothingFoundSaysItIsNotProofOfSafety() {
        JsonNode results = scenario()
                .call("get_security_advisory_by_cve", Map.of("cve_id", "CVE-1999-0001"))
                .call("get_security_advisories_by_software_version", Map.of("os_type", "nxos", "version", "99.9(9)"))
                .run();
        for (JsonNode result : results) {
            JsonNode answer = BugToolsContract.structured(result);
            assertThat(answer.path("none_matched").asBoolean()).isTrue();
            assertThat(BugToolsContract.text(result)).contains("not proof of safety");
        }
    }

    /** Not "no advisories": the user learns that nothing was searched, and what to ask instead. */
    @Test
    void aProductNamePsirtDoesNotKnowIsARefusalWithTheWayOut() {
        JsonNode result = scenario().call("get_security_advisories_by_product", Map.of("product", "Cisco Toaster 9000"))
                .run().path(0);
        assertThat(BugToolsContract.errorText(result)).startsWith("PSIRT knows no product named \"Cisco Toaster 9000\"")
                .contains("no advisory was searched").endsWith("check a release with"
                        + " get_security_advisories_by_software_version.");
    }

    @Test
    void badInputIsRefusedBeforeCisco() {
        JsonNode results = scenario()
                .call("get_security_advisory_by_id", Map.of("advisory_id", "cisco-sa-../../bug/v2.0"))
                .call("get_security_advisory_by_cve", Map.of("cve_id", "CVE-2018"))
                .call("get_security_advisories_by_severity", Map.of("severity", "urgent"))
                .call("get_latest_security_advisories", Map.of("number", 101))
                .call("get_security_advisories_by_year", Map.of("year", 2999))
                .call("get_security_advisories_by_product", Map.of("product", "Cisco & Co"))
                .call("get_security_advisories_by_software_version", Map.of("os_type", "junos", "version", "1"))
                .call("get_security_advisories_by_software_version", Map.of("os_type", "iosxe", "version", "17.9/../x"))
                .call("get_security_advisories_by_first_published", Map.of("start_date", "2020-02-01", "end_date", "2020-01-01"))
                .call("get_all_security_advisories", Map.of("page_size", 500))
                .call("get_all_security_advisories", Map.of("summary_details", "yes"))
                .run();
        for (int i = 0; i < results.size(); i++) {
            assertThat(BugToolsContract.errorText(results.path(i))).as("call %d", i).isNotBlank();
        }
        assertThat(cisco.apiRequests()).isZero();
    }
}
