package dev.ciscosupport.mcp.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import dev.ciscosupport.mcp.sandbox.SandboxClient;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox answers in Cisco's shape: for every recorded (or documented) answer, the same request to the
 * sandbox, with IDs the sandbox knows, gets the same status and an answer of the same shape (field names,
 * nesting, JSON types, and key order where the answer was recorded). This keeps the sandbox honest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxContractTest {
    private static final String PAGE = "pageIndex=1&pageSize=1";
    private static final String NAME = "Cisco%20Catalyst%209300%20Series%20Switches";
    private SandboxServer sandbox;
    private SandboxClient client;
    private final Map<String, String> requests = new LinkedHashMap<>();

    @BeforeAll
    void start() {
        sandbox = SandboxServer.startOnLoopback();
        client = new SandboxClient(sandbox);
        List<String> serials = new ArrayList<>(sandbox.serialNumbers().keySet());
        String serial = serials.get(0);
        String pid = sandbox.serialNumbers().get(serial);
        String bug = sandbox.bugHeadlines().keySet().iterator().next();
        String word = sandbox.bugHeadlines().get(bug).split(" ")[0];
        JsonNode caseDetail = client.getJson(RecordedAnswers.CASE + "/details/case_id/694000000").path("caseDetail");
        JsonNode advisory = client.getJson(RecordedAnswers.PSIRT + "/latest/1").path("advisories").path(0);
        String advisoryBug = advisory.path("bugIDs").path(0).asString();
        String mdf = client.getJson(RecordedAnswers.SOFTWARE + "/software/productIds/" + pid).path("productList").path(0)
                .path("product").path("mdfId").asString();
        String year = advisory.path("firstPublished").asString().substring(0, 4);
        String psirtProduct = advisory.path("productNames").path(0).asString().strip().replace(" ", "%20");

        String bugs = RecordedAnswers.BUG;
        sandboxAsks("bug/bug_ids.200.json", bugs + "/bug_ids/" + bug);
        sandboxAsks("bug/keyword.200.json", bugs + "/keyword/" + word + "?modified_date=5");
        sandboxAsks("bug/product_id.200.json", bugs + "/products/product_id/C9300-24T?modified_date=5");
        sandboxAsks("bug/product_id_software_releases.200.empty.json", bugs + "/products/product_id/C9300-24T/software_releases/1.1.1");
        sandboxAsks("bug/product_id_software_releases.200.synthesized.json",
                bugs + "/products/product_id/C9300-24T/software_releases/17.9.4?modified_date=5");
        for (String kind : List.of("product_name", "product_series")) {
            sandboxAsks("bug/" + kind + "_affected_releases.200." + (kind.equals("product_name") ? "json" : "synthesized.json"),
                    bugs + "/" + kind + "/" + NAME + "/affected_releases/17.9.4?modified_date=5");
            sandboxAsks("bug/" + kind + "_fixed_in_releases.200.synthesized.json",
                    bugs + "/" + kind + "/" + NAME + "/fixed_in_releases/17.12.2?modified_date=5");
            sandboxAsks("bug/" + kind + "_fixed_in_releases.200.empty.json", bugs + "/" + kind + "/" + NAME + "/fixed_in_releases/1.1.1");
        }
        sandboxAsks("bug/product_name_affected_releases.200.last_page.json",
                bugs + "/product_name/" + NAME + "/affected_releases/17.9.4?modified_date=5&page_index=2");
        sandboxAsks("bug/product_series_affected_releases.200.empty.json", bugs + "/product_series/" + NAME + "/affected_releases/1.1.1");
        sandboxAsks("bug/error.400.missing_parameters.json", bugs + "/product_name/" + NAME + "/fixed_in_releases");

        String cases = RecordedAnswers.CASE;
        sandboxAsks("case/case_ids.200.json", cases + "/case_ids/694000000");
        sandboxAsks("case/details.200.json", cases + "/details/case_id/694000000");
        sandboxAsks("case/contracts.200.json", cases + "/contracts/contract_ids/" + caseDetail.path("contract_id").asString());
        sandboxAsks("case/users.200.synthesized.json", cases + "/users/user_ids/" + caseDetail.path("user_id").asString());
        sandboxAsks("case/users.200.empty.json", cases + "/users/user_ids/nobodyatall");

        String eox = RecordedAnswers.EOX;
        sandboxAsks("eox/EOXByDates.200.trimmed.json",
                eox + "/EOXByDates/1/2010-01-01/2030-12-31?responseencoding=json&eoxAttrib=EO_LAST_SUPPORT_DATE");
        sandboxAsks("eox/EOXByProductID.200.json", eox + "/EOXByProductID/1/" + pid + "?responseencoding=json");
        sandboxAsks("eox/EOXByProductID.200.record_level_error.json", eox + "/EOXByProductID/1/NOTHING?responseencoding=json");
        sandboxAsks("eox/EOXBySWReleaseString.200.trimmed.json", eox + "/EOXBySWReleaseString/1?responseencoding=json&input1=17,IOS-XE");
        sandboxAsks("eox/EOXBySerialNumber.200.json", eox + "/EOXBySerialNumber/1/" + serial + "?responseencoding=json");
        sandboxAsks("eox/error.200.top_level_EOXError.json", eox + "/EOXBySerialNumber/1/BAD%7CSERIAL?responseencoding=json");

        String psirt = RecordedAnswers.PSIRT;
        String id = advisory.path("advisoryId").asString();
        sandboxAsks("psirt/advisory.200.synthesized.json", psirt + "/advisory/" + id);
        sandboxAsks("psirt/cve.200.json", psirt + "/cve/" + advisory.path("cves").path(0).asString());
        sandboxAsks("psirt/bugid.200.synthesized.json", psirt + "/bugid/" + advisoryBug);
        sandboxAsks("psirt/latest.200.synthesized.json", psirt + "/latest/2");
        sandboxAsks("psirt/all.200.synthesized.json", psirt + "/all?" + PAGE);
        String range = "startDate=2000-01-01&endDate=2030-12-31&" + PAGE;
        sandboxAsks("psirt/all_firstpublished.200.synthesized.json", psirt + "/all/firstpublished?" + range);
        sandboxAsks("psirt/all_lastpublished.200.synthesized.json", psirt + "/all/lastpublished?" + range);
        sandboxAsks("psirt/severity.200.synthesized.json", psirt + "/severity/critical?" + PAGE);
        sandboxAsks("psirt/severity_firstpublished.200.synthesized.json", psirt + "/severity/critical/firstpublished?" + range);
        sandboxAsks("psirt/severity_lastpublished.200.synthesized.json", psirt + "/severity/critical/lastpublished?" + range);
        sandboxAsks("psirt/year.200.synthesized.json", psirt + "/year/" + year + "?" + PAGE);
        sandboxAsks("psirt/product.200.synthesized.json", psirt + "/product?product=" + psirtProduct + "&" + PAGE);
        // The OSType examples show an answer without paging, as to a request without pageIndex/pageSize.
        sandboxAsks("psirt/OSType_iosxe.200.synthesized.json", psirt + "/OSType/iosxe?version=17.9.4");
        sandboxAsks("psirt/OSType_nxos.200.synthesized.json", psirt + "/OSType/nxos?version=9.3(9)&platformAlias=NEXUS9000");
        sandboxAsks("psirt/OS_version_OS_data.200.synthesized.json", psirt + "/OS_version/OS_data?OSType=nxos");
        sandboxAsks("psirt/platforms.200.synthesized.json", psirt + "/platforms?OSType=nxos");
        sandboxAsks("psirt/error.404.advisoryid_not_found.documented.json", psirt + "/advisory/cisco-sa-nothing-here");
        sandboxAsks("psirt/error.404.no_data_found.documented.json", psirt + "/cve/CVE-1999-0001");
        sandboxAsks("psirt/error.404.product_not_found.documented.json", psirt + "/product?product=No%20Such%20Box&" + PAGE);
        sandboxAsks("psirt/error.406.invalid_date_format.documented.json",
                psirt + "/all/firstpublished?startDate=2020-13-45&endDate=2030-12-31&" + PAGE);
        sandboxAsks("psirt/error.406.invalid_pageindex.documented.json", psirt + "/all?pageIndex=101&pageSize=10");
        sandboxAsks("psirt/error.410.cvrf_obsolete.documented.json", psirt + "/cvrf/advisory/" + id);

        String product = RecordedAnswers.PRODUCT;
        sandboxAsks("product_info/serial_numbers.200.synthesized.json", product + "/serial_numbers/" + serial + "," + serials.get(1)
                + "?page_index=1");
        sandboxAsks("product_info/serial_numbers.200.item_error.synthesized.json", product + "/serial_numbers/XYZ0000BAD?page_index=1");
        sandboxAsks("product_info/product_ids.200.synthesized.json", product + "/product_ids/" + pid + "?page_index=1");
        sandboxAsks("product_info/product_ids_mdf.200.synthesized.json", product + "/product_ids_mdf/" + pid + "?page_index=1");

        String sn2info = RecordedAnswers.SN2INFO;
        sandboxAsks("sn2info/coverage_status.200.json", sn2info + "/coverage/status/serial_numbers/" + serial);
        sandboxAsks("sn2info/coverage_owner_status.200.json", sn2info + "/coverage/owner_status/serial_numbers/" + serial);
        sandboxAsks("sn2info/coverage_summary_serial_numbers.200.json", sn2info + "/coverage/summary/serial_numbers/" + serial);
        sandboxAsks("sn2info/coverage_summary_serial_numbers.200.item_error.synthesized.json",
                sn2info + "/coverage/summary/serial_numbers/" + serial + ",BADSERIAL1");
        sandboxAsks("sn2info/coverage_summary_instance_numbers.200.synthesized.json",
                sn2info + "/coverage/summary/instance_numbers/917280000");
        sandboxAsks("sn2info/orderable_serial_numbers.200.json", sn2info + "/identifiers/orderable/serial_numbers/"
                + String.join(",", serials.subList(0, 3)));
        sandboxAsks("sn2info/error.400.api_error.synthesized.json", sn2info + "/coverage/status/serial_numbers/"
                + IntStream.range(0, 76).mapToObj(i -> "FOC0000X" + (100 + i)).collect(Collectors.joining(",")));

        String software = RecordedAnswers.SOFTWARE;
        sandboxAsks("software_suggestion/software_productIds.200.synthesized.json", software + "/software/productIds/" + pid);
        sandboxAsks("software_suggestion/releases_productIds.200.synthesized.json", software + "/releases/productIds/" + pid);
        sandboxAsks("software_suggestion/compatible_productId.200.synthesized.json", software + "/compatible/productId/" + pid
                + "?currentRelease=16.12.4");
        sandboxAsks("software_suggestion/software_mdfIds.200.synthesized.json", software + "/software/mdfIds/" + mdf);
        sandboxAsks("software_suggestion/releases_mdfIds.200.synthesized.json", software + "/releases/mdfIds/" + mdf);
        sandboxAsks("software_suggestion/compatible_mdfId.200.synthesized.json", software + "/compatible/mdfId/" + mdf
                + "?currentRelease=16.12.4");
        sandboxAsks("software_suggestion/productIds.200.item_error.synthesized.json", software + "/software/productIds/NOT-A-PID");

        String rma = RecordedAnswers.RMA;
        sandboxAsks("rma/rma_numbers.200.json", rma + "/rma_numbers/" + caseDetail.path("rmas").path(0).asString());
        sandboxAsks("rma/rma_numbers.200.error_no_records.json", rma + "/rma_numbers/84894022");
        sandboxAsks("rma/users.200.synthesized.json", rma + "/users/user_ids/" + caseDetail.path("user_id").asString()
                + "?fromDate=2000-01-01");
        sandboxAsks("rma/users.200.error_no_records.json", rma + "/users/user_ids/nobodyatall");
    }

    private void sandboxAsks(String example, String request) {
        requests.put(example, request);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    Stream<String> examples() {
        return requests.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theSandboxAnswersInCiscosShape(String example) {
        String request = requests.get(example);
        HttpResponse<String> answer = client.get(request);
        assertThat(answer.statusCode()).as("status of %s", request).isEqualTo(RecordedCisco.statusOf(example));
        JsonNode recorded = Json.MAPPER.readTree(RecordedCisco.example(example));
        JsonNode simulated = Json.MAPPER.readTree(answer.body());
        // Key order is Cisco's only where the answer was recorded; synthesized and documented files chose one.
        boolean recordedOrder = !example.contains(".synthesized") && !example.contains(".documented")
                && !example.contains("record_level_error");
        assertThat(JsonShape.differences(recorded, simulated, recordedOrder)).as("%s vs %s", example, request).isEmpty();
    }

    /** Every Cisco answer a tool replays has its sandbox counterpart here. */
    @Test
    void everyReplayedExampleHasASandboxRequest() {
        assertThat(requests.keySet()).containsAll(RecordedAnswers.all().stream().map(Replay::example).toList());
    }
}
