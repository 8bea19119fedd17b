package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * A network engineer's journey through the tools: from a serial number to its product, its coverage,
 * its end-of-life dates, its open bugs and the advisories for its release, with every answer agreeing
 * with the others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SerialJourneyIT {
    private static final List<String> IOS_XE_PIDS = List.of("C9300-24T", "C9300-48P", "C9300-48U", "C9200-24T",
            "C9200L-48P-4X", "ISR4331/K9", "ISR4431/K9", "ISR4451-X/K9", "ASR1001-X", "ASR1002-HX");
    private final CiscoSandbox cisco = new CiscoSandbox();

    @AfterAll
    void stop() {
        cisco.close();
    }

    /** A serial of an IOS XE product that has end-of-life dates: the inputs are picked, never the answers. */
    private String pickSerial() {
        for (Map.Entry<String, String> e : cisco.server.serialNumbers().entrySet()) {
            if (IOS_XE_PIDS.contains(e.getValue())) {
                JsonNode eox = cisco.direct.getJson("/supporttools/eox/rest/5/EOXBySerialNumber/1/" + e.getKey());
                if (!eox.path("EOXRecord").path(0).has("EOXError")) {
                    return e.getKey();
                }
            }
        }
        throw new AssertionError("the sandbox has no IOS XE serial with EoX dates");
    }

    @Test
    void fromASerialNumberToProductCoverageEndOfLifeBugsAndAdvisories() {
        String serial = pickSerial();
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("SUPPORT_API", "all");
        JsonNode first = Scenario.stdio(env)
                .call("get_product_info_by_serial_numbers", Map.of("serial_numbers", serial))
                .call("get_coverage_summary_by_serial", Map.of("serial_numbers", serial))
                .call("get_eox_by_serial_number", Map.of("serial_numbers", serial))
                .run();
        String pid = BugToolsContract.structured(first.path(0)).path("items").path(0).path("product_id").asString();
        assertThat(pid).isEqualTo(cisco.server.serialNumbers().get(serial));
        JsonNode coverage = BugToolsContract.structured(first.path(1)).path("items").path(0);
        assertThat(coverage.path("base_product_ids").path(0).asString()).isEqualTo(pid);
        JsonNode eox = BugToolsContract.structured(first.path(2));
        assertThat(eox.path("product_by_input").path(serial).asString()).isEqualTo(pid);
        assertThat(eox.path("records").path(0).path("milestones").path("last_date_of_support").asString()).isNotEmpty();

        JsonNode bugs = Scenario.stdio(env)
                .call("search_bugs_by_product_id", Map.of("base_pid", pid, "modified_date", "5", "status", "O"))
                .run().path(0);
        JsonNode openBugs = BugToolsContract.structured(bugs).path("bugs");
        assertThat(openBugs.size()).isPositive();
        assertThat(openBugs).allMatch(b -> b.path("status").asString().equals("O"));
        JsonNode bug = openBugs.path(0);
        String release = bug.path("affected_releases").path(0).asString();

        JsonNode second = Scenario.stdio(env)
                .call("search_bugs_by_product_and_release", Map.of("base_pid", pid, "software_releases", release,
                        "modified_date", "5", "status", "O"))
                .call("get_security_advisories_by_software_version", Map.of("os_type", "iosxe", "version", release,
                        "page_size", 100))
                .run();
        List<String> inRelease = new ArrayList<>();
        BugToolsContract.structured(second.path(0)).path("bugs").forEach(b -> inRelease.add(b.path("bug_id").asString()));
        assertThat(inRelease).contains(bug.path("bug_id").asString());
        JsonNode advisories = BugToolsContract.structured(second.path(1));
        List<String> advisoryBugs = new ArrayList<>();
        advisories.path("advisories").forEach(a -> {
            assertThat(a.path("first_fixed").path(0).asString()).isNotEqualTo(release);
            a.path("bug_ids").forEach(b -> advisoryBugs.add(b.asString()));
        });
        if (!advisoryBugs.isEmpty()) {
            JsonNode details = BugToolsContract.structured(Scenario.stdio(env).call("get_bug_details",
                    Map.of("bug_ids", String.join(",", advisoryBugs.subList(0, Math.min(10, advisoryBugs.size()))))).run().path(0));
            assertThat(details.path("not_found").size()).isZero();
        } else {
            assertThat(BugToolsContract.text(second.path(1))).contains("not proof of safety");
        }
    }
}
