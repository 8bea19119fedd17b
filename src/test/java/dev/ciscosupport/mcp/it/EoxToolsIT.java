package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.sandbox.Fault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The four EoX tools through the official MCP TypeScript client over stdio, compared with the sandbox's own answers. */
class EoxToolsIT extends SandboxToolsIT {
    private static final String BASE = "/supporttools/eox/rest/5";
    private Scenario scenario() {
        return scenario("eox");
    }

    /** Product IDs with and without EoX information, as Cisco (the sandbox) itself reports them. */
    private List<String> pids(boolean withEox, int n) {
        List<String> out = new ArrayList<>();
        for (JsonNode record : cisco.direct.getJson(BASE + "/EOXByProductID/1/WS-C2960X*,C1111*,ASR-920*").path("EOXRecord")) {
            if (withEox && out.size() < n) {
                out.add(record.path("EOLProductID").asString());
            }
        }
        if (!withEox) {
            for (String pid : List.of("C9300-24T", "C9300-48P", "C9300-48U", "ISR4331/K9", "ASR1001-X", "N9K-C93180YC-EX")) {
                JsonNode r = cisco.direct.getJson(BASE + "/EOXByProductID/1/" + pid.replace("/", "%2F")).path("EOXRecord").path(0);
                if (r.has("EOXError") && out.size() < n) {
                    out.add(pid);
                }
            }
        }
        cisco.resetCounts();
        return out;
    }

    @Test
    void listsTheFourEoxToolsAndTheFleetCheck() {
        JsonNode tools = scenario().listTools().run().path(0).path("value").path("tools");
        assertThat(tools).extracting(t -> t.path("name").asString()).containsExactly("get_eox_by_date",
                "get_eox_by_product_id", "get_eox_by_serial_number", "get_eox_by_software_release", "check_fleet");
        JsonNode software = tools.path(3).path("inputSchema").path("properties");
        assertThat(software.has("input20")).isTrue();
        assertThat(software.has("input21")).isFalse();
    }

    @Test
    void productIdsAnswerWithMilestonesAndNoEoxIsANormalAnswer() {
        List<String> with = pids(true, 2);
        List<String> without = pids(false, 1);
        assertThat(without).isNotEmpty();
        JsonNode result = scenario().call("get_eox_by_product_id", Map.of("product_ids",
                String.join(",", with) + "," + without.get(0))).run().path(0);
        JsonNode answer = BugToolsContract.structured(result);
        assertThat(answer.path("records")).extracting(r -> r.path("product_id").asString())
                .containsExactlyInAnyOrderElementsOf(with);
        JsonNode first = answer.path("records").path(0);
        JsonNode direct = cisco.direct.getJson(BASE + "/EOXByProductID/1/" + first.path("product_id").asString())
                .path("EOXRecord").path(0);
        assertThat(first.path("milestones").path("end_of_sale").asString())
                .isEqualTo(direct.path("EndOfSaleDate").path("value").asString());
        assertThat(first.path("milestones").path("last_date_of_support").asString())
                .isEqualTo(direct.path("LastDateOfSupport").path("value").asString());
        assertThat(answer.path("not_found").path(0).path("inputs").path(0).asString()).isEqualTo(without.get(0));
        String text = BugToolsContract.text(result);
        assertThat(text).contains("end of sale " + first.path("milestones").path("end_of_sale").asString())
                .contains("No EoX information for " + without.get(0));
    }

    @Test
    void fortyFiveProductIdsTakeThreeCiscoCalls() {
        String pids = IntStream.range(0, 45).mapToObj(i -> "UNKNOWN-" + i).collect(Collectors.joining(","));
        JsonNode answer = BugToolsContract.structured(scenario().call("get_eox_by_product_id", Map.of("product_ids", pids))
                .run().path(0));
        assertThat(answer.path("cisco_calls").asInt()).isEqualTo(3);
        assertThat(cisco.apiRequests()).isEqualTo(3);
        assertThat(answer.path("not_found").size()).isEqualTo(45);
    }

    @Test
    void oneRecordForTwoSerialsIsSplitBackPerSerial() {
        Map<String, List<String>> byProduct = new LinkedHashMap<>();
        cisco.server.serialNumbers().forEach((serial, pid) -> byProduct.computeIfAbsent(pid, k -> new ArrayList<>()).add(serial));
        List<String> pair = null;
        for (Map.Entry<String, List<String>> e : byProduct.entrySet()) {
            JsonNode r = cisco.direct.getJson(BASE + "/EOXByProductID/1/" + e.getKey().replace("/", "%2F")).path("EOXRecord").path(0);
            if (!r.has("EOXError")) {
                pair = e.getValue().subList(0, 2);
                break;
            }
        }
        cisco.resetCounts();
        JsonNode answer = BugToolsContract.structured(scenario().call("get_eox_by_serial_number",
                Map.of("serial_numbers", pair.get(0) + ", " + pair.get(1).toLowerCase())).run().path(0));
        assertThat(answer.path("records").size()).isEqualTo(1);
        String pid = answer.path("records").path(0).path("product_id").asString();
        assertThat(answer.path("product_by_input").path(pair.get(0)).asString()).isEqualTo(pid);
        assertThat(answer.path("product_by_input").path(pair.get(1)).asString()).isEqualTo(pid);
        assertThat(cisco.server.serialNumbers().get(pair.get(0))).isEqualTo(pid);
    }

    @Test
    void softwareReleasesAndDatesAnswerLikeCisco() {
        JsonNode results = scenario()
                .call("get_eox_by_software_release", Map.of("input1", "17.9,IOS-XE", "input2", "9.3,NX-OS"))
                .call("get_eox_by_date", Map.of("start_date", "2019-01-01", "end_date", "2020-12-31",
                        "eox_attrib", "EO_LAST_SUPPORT_DATE"))
                .call("get_eox_by_date", Map.of("start_date", "2000-01-01", "end_date", "2040-12-31", "page_index", 2))
                .run();
        JsonNode software = BugToolsContract.structured(results.path(0));
        JsonNode direct = cisco.direct.getJson(BASE + "/EOXBySWReleaseString/1?input1=17.9,IOS-XE&input2=9.3,NX-OS");
        assertThat(software.path("records").size() + software.path("not_found").size())
                .isEqualTo(direct.path("EOXRecord").size());
        JsonNode dates = BugToolsContract.structured(results.path(1));
        assertThat(dates.path("records").size()).isEqualTo(cisco.direct.getJson(BASE
                + "/EOXByDates/1/2019-01-01/2020-12-31?eoxAttrib=EO_LAST_SUPPORT_DATE").path("EOXRecord").size());
        assertThat(dates.path("records")).allMatch(r -> r.path("milestones").path("last_date_of_support").asString()
                .compareTo("2019-01-01") >= 0 && r.path("milestones").path("last_date_of_support").asString().compareTo("2020-12-31") <= 0);
        JsonNode second = BugToolsContract.structured(results.path(2));
        assertThat(second.path("page").path("page_index").asInt()).isEqualTo(2);
        assertThat(second.path("page").path("last_page").asInt()).isEqualTo(2);
        assertThat(BugToolsContract.text(results.path(2))).contains("page 2 of 2");
    }

    @Test
    void badInputIsRefusedBeforeCiscoAndCiscosOwnRefusalsAreSentences() {
        String pids101 = IntStream.range(0, 101).mapToObj(i -> "P" + i).collect(Collectors.joining(","));
        JsonNode results = scenario()
                .call("get_eox_by_product_id", Map.of("product_ids", "W*"))
                .call("get_eox_by_product_id", Map.of("product_ids", "ISR4431/../case"))
                .call("get_eox_by_product_id", Map.of("product_ids", pids101))
                .call("get_eox_by_serial_number", Map.of("serial_numbers", "FOC-123"))
                .call("get_eox_by_serial_number", Map.of("serial_numbers", "FOC123%2F"))
                .call("get_eox_by_software_release", Map.of("input1", "17.9,FOO"))
                .call("get_eox_by_software_release", Map.of("input1", "17.9"))
                .call("get_eox_by_software_release", Map.of("input2", "17.9,IOS-XE"))
                .call("get_eox_by_date", Map.of("start_date", "2020-02-30", "end_date", "2020-03-01"))
                .call("get_eox_by_date", Map.of("start_date", "2020-03-01", "end_date", "2020-02-01"))
                .call("get_eox_by_date", Map.of("start_date", "2020-01-01", "end_date", "2020-02-01", "eox_attrib", "EOL"))
                .call("get_eox_by_date", Map.of("start_date", "2020/01/01", "end_date", "2020-02-01"))
                .run();
        for (int i = 0; i < results.size(); i++) {
            assertThat(BugToolsContract.errorText(results.path(i))).as("call %d", i).isNotBlank();
        }
        assertThat(cisco.apiRequests()).isZero();
        assertThat(BugToolsContract.errorText(results.path(0))).contains("at least 3");
        assertThat(BugToolsContract.errorText(results.path(5))).contains("is not an OS type");
        assertThat(BugToolsContract.errorText(results.path(9))).contains("before start_date");

        cisco.server.faults().inject(Fault.OVER_RATE, 1);
        JsonNode limited = scenario().call("get_eox_by_product_id", Map.of("product_ids", "C9300-24T")).run().path(0);
        assertThat(BugToolsContract.errorText(limited)).contains("rate limiting").contains("EoX API");
    }
}
