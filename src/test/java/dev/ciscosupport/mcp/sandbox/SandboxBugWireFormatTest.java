package dev.ciscosupport.mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.cisco.TestCisco;
import dev.ciscosupport.mcp.json.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The sandbox answers the Bug API exactly as Cisco's recordings (SPEC.md §3, examples/bug) show. */
class SandboxBugWireFormatTest {
    private static SandboxServer sandbox;
    private static SandboxClient client;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.startOnLoopback();
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static JsonNode example(String name) throws IOException {
        return TestCisco.example("bug/" + name);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.properties().forEach(e -> keys.add(e.getKey()));
        return keys;
    }

    @Test
    void keywordSearchHasCiscosFieldsInCiscosOrder() throws IOException {
        JsonNode body = client.getJson("/bug/v2.0/bugs/keyword/Catalyst?modified_date=5");
        JsonNode recorded = example("keyword.200.json");
        assertThat(keys(body)).isEqualTo(keys(recorded));
        assertThat(keys(body.path("bugs").path(0))).isEqualTo(keys(recorded.path("bugs").path(0)));
        assertThat(keys(body.path("pagination_response_record"))).isEqualTo(keys(recorded.path("pagination_response_record")));
    }

    @Test
    void eachEndpointAddsItsOwnFieldAfterId() throws IOException {
        JsonNode byPid = client.getJson("/bug/v2.0/bugs/products/product_id/C9300-24T?modified_date=5");
        assertThat(keys(byPid.path("bugs").path(0))).isEqualTo(keys(example("product_id.200.json").path("bugs").path(0)));
        assertThat(byPid.path("bugs").path(0).path("base_pid").asString()).isEqualTo("C9300-24T");

        JsonNode byName = client.getJson("/bug/v2.0/bugs/product_name/Cisco%20Unified%20Communications%20Manager%20"
                + "(CallManager)/affected_releases/14.0(1)SU2,12.5(1)SU7?modified_date=5");
        assertThat(keys(byName.path("bugs").path(0)))
                .isEqualTo(keys(example("product_name_affected_releases.200.json").path("bugs").path(0)));

        JsonNode bySeries = client.getJson("/bug/v2.0/bugs/product_series/Cisco%20Nexus%209000%20Series%20Switches"
                + "/fixed_in_releases/10.4(2),10.3(3)?modified_date=5");
        assertThat(keys(bySeries.path("bugs").path(0)))
                .isEqualTo(keys(example("product_series_affected_releases.200.synthesized.json").path("bugs").path(0)));
    }

    @Test
    void bugIdLookupHasDuplicateAndCreatedDateAndNoPaging() throws IOException {
        List<String> ids = firstIds("/bug/v2.0/bugs/keyword/BGP?modified_date=5", 3);
        JsonNode body = client.getJson("/bug/v2.0/bugs/bug_ids/" + String.join(",", ids) + ",CSCzz99999");
        JsonNode recorded = example("bug_ids.200.json");
        assertThat(keys(body)).isEqualTo(keys(recorded)).containsExactly("bugs");
        assertThat(keys(body.path("bugs").path(0))).isEqualTo(keys(recorded.path("bugs").path(0)));
        assertThat(body.path("bugs").size()).isEqualTo(3); // the unknown ID is left out
    }

    @Test
    void pagesHoldTenWithARunningIdAndConsistentCounters() {
        JsonNode first = client.getJson("/bug/v2.0/bugs/keyword/Catalyst?modified_date=5");
        JsonNode paging = first.path("pagination_response_record");
        int total = paging.path("total_records").asInt();
        assertThat(total).isGreaterThan(200);
        assertThat(paging.path("last_index").asInt()).isEqualTo((total + 9) / 10);
        assertThat(paging.path("page_records").asInt()).isEqualTo(10);
        JsonNode third = client.getJson("/bug/v2.0/bugs/keyword/Catalyst?modified_date=5&page_index=3");
        assertThat(third.path("bugs").path(0).path("id").asString()).isEqualTo("21");
        assertThat(third.path("pagination_response_record").path("self_link").asString())
                .isEqualTo("https://api.cisco.com/bug/v2.0/bugs/keyword/Catalyst?page_index=3&modified_date=5&sort_by=modified_date");
        JsonNode last = client.getJson("/bug/v2.0/bugs/keyword/Catalyst?modified_date=5&page_index=" + paging.path("last_index").asInt());
        assertThat(last.path("pagination_response_record").path("page_records").asInt()).isEqualTo(total - (total - 1) / 10 * 10);
        JsonNode beyond = client.getJson("/bug/v2.0/bugs/keyword/Catalyst?modified_date=5&page_index=999");
        assertThat(beyond.path("bugs").size()).isZero();
        assertThat(beyond.path("pagination_response_record").path("total_records").asInt()).isEqualTo(total);
    }

    @Test
    void ciscosDefaultIsTheLastThirtyDays() {
        JsonNode recent = client.getJson("/bug/v2.0/bugs/keyword/Catalyst");
        JsonNode all = client.getJson("/bug/v2.0/bugs/keyword/Catalyst?modified_date=5");
        int recentTotal = recent.path("pagination_response_record").path("total_records").asInt();
        assertThat(recentTotal).isPositive().isLessThan(all.path("pagination_response_record").path("total_records").asInt());
        assertThat(recent.path("pagination_response_record").path("self_link").asString()).contains("modified_date=2");
    }

    @Test
    void anEmptyResultHasCiscosZeroCounters() {
        JsonNode body = client.getJson("/bug/v2.0/bugs/keyword/nothingmatchesthis");
        assertThat(body.path("bugs").size()).isZero();
        JsonNode paging = body.path("pagination_response_record");
        assertThat(paging.path("last_index").asInt()).isZero();
        assertThat(paging.path("page_index").asInt()).isEqualTo(1);
        assertThat(paging.path("page_records").asInt()).isZero();
        assertThat(paging.path("total_records").asInt()).isZero();
    }

    @Test
    void aMissingReleaseSegmentIsCiscosRecorded400() throws IOException {
        HttpResponse<String> response = client.get("/bug/v2.0/bugs/product_name/Cisco%20ISE/fixed_in_releases");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualToIgnoringCase("application/json;charset=UTF-8");
        assertThat(Json.MAPPER.readTree(response.body())).isEqualTo(example("error.400.missing_parameters.json"));
    }

    @Test
    void tooManyInputsIsExceededInputs() {
        HttpResponse<String> ids = client.get("/bug/v2.0/bugs/bug_ids/CSCvx00001,CSCvx00002,CSCvx00003,CSCvx00004,CSCvx00005,CSCvx00006");
        assertThat(ids.statusCode()).isEqualTo(403);
        assertThat(ids.body()).contains("EXCEEDED_INPUTS");
        String releases = java.util.stream.IntStream.rangeClosed(1, 76).mapToObj(i -> "1." + i).collect(Collectors.joining(","));
        assertThat(client.get("/bug/v2.0/bugs/products/product_id/C9300-24T/software_releases/" + releases).statusCode())
                .isEqualTo(403);
        assertThat(client.get("/bug/v2.0/bugs/keyword/" + "a".repeat(51)).body()).contains("API_INVALID_INPUT");
    }

    @Test
    void productIdsWithASlashTravelEncoded() {
        JsonNode body = client.getJson("/bug/v2.0/bugs/products/product_id/ISR4431%2FK9?modified_date=5");
        assertThat(body.path("pagination_response_record").path("total_records").asInt()).isEqualTo(BugCatalog.BUGS_PER_FAMILY);
        assertThat(body.path("bugs").path(0).path("base_pid").asString()).isEqualTo("ISR4431/K9");
    }

    @Test
    void theGatewayRefusesMissingAndUnknownTokensLikeMashery() {
        HttpResponse<String> none = client.getWithoutToken("/bug/v2.0/bugs/keyword/crash");
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.headers().firstValue("X-Mashery-Error-Code")).hasValue("ERR_403_NOT_AUTHORIZED");
        assertThat(none.body()).isEqualTo("Authorization Header is either empty or not found in request");
        assertThat(sandbox.requests().recentPaths()).contains("/bug/v2.0/bugs/keyword/crash");
    }

    @Test
    void everyStatusAndSeverityAndAFewHundredBugsAreSeeded() {
        Set<String> statuses = new java.util.HashSet<>();
        Set<String> severities = new java.util.HashSet<>();
        for (int page = 1; page <= 5; page++) {
            for (JsonNode bug : client.getJson("/bug/v2.0/bugs/keyword/on?modified_date=5&page_index=" + page).path("bugs")) {
                statuses.add(bug.path("status").asString());
                severities.add(bug.path("severity").asString());
            }
        }
        assertThat(statuses).contains("O", "F", "T");
        assertThat(severities).contains("1", "2", "3", "4");
        assertThat(ProductFamily.ALL).hasSizeGreaterThanOrEqualTo(12);
    }

    private static List<String> firstIds(String path, int n) {
        List<String> ids = new ArrayList<>();
        for (JsonNode bug : client.getJson(path).path("bugs")) {
            if (ids.size() < n) {
                ids.add(bug.path("bug_id").asString());
            }
        }
        return ids;
    }
}
