package dev.ciscosupport.mcp.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the TypeScript server took that Cisco does not, mapped to the Cisco call that means the same. */
class TypeScriptMappingsTest extends OnTheSandbox {

    @BeforeEach
    void forget() {
        sandbox.requests().reset();
    }

    private String text(McpSchema.CallToolResult result) {
        assertThat(result.isError()).as(((McpSchema.TextContent) result.content().get(0)).text()).isFalse();
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    @Test
    void caseSummariesSortedBySeverityAreOrderedHere() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(String.valueOf(694_000_000 + i * 3_517));
        }
        McpSchema.CallToolResult result = server.call("get_case_summary", Map.of("case_ids", String.join(",", ids),
                "sort_by", "SEVERITY"));
        assertThat(text(result)).contains("Ordered by severity here: Cisco sorts cases only by UPDATED_DATE or STATUS.");
        List<String> severities = new ArrayList<>();
        Json.MAPPER.valueToTree(result.structuredContent()).path("cases").forEach(c -> severities.add(c.path("severity").asString()));
        assertThat(severities).hasSize(12).isSorted();
        assertThat(sandbox.requests().recentPaths()).allMatch(p -> p.contains("sort_by=UPDATED_DATE"));
    }

    @Test
    void rmaStatusWordsAndDateTimesAreCiscos() {
        String answer = text(server.call("get_rmas_by_user", Map.of("user_id", "jdoe", "status", "In Progress",
                "from_date", "2020-01-01T23:30:00-02:00", "to_date", "2026-06-30T10:00:00Z")));
        assertThat(answer).contains("status In Progress asked as Cisco's booked");
        assertThat(sandbox.requests().recentPaths()).singleElement().asString()
                .contains("status=booked").contains("fromDate=2020-01-02").contains("toDate=2026-06-30");
    }

    @Test
    void aLongMultiSeverityKeywordIsShortenedAsAPersonWouldAndAdditionalParamsAreTaken() {
        String answer = text(server.call("multi_severity_search", Map.of("search_term",
                "Cisco Unified Communications Manager (CallManager)", "search_type", "keyword", "max_severity", 1,
                "version", "12.5", "additional_params", Map.of("modified_date", "3", "status", "O"))));
        assertThat(answer).contains("searched for \"Cisco Unified Communications Manager 12.5\"");
        assertThat(sandbox.requests().recentPaths()).singleElement().asString()
                .contains("/keyword/Cisco%20Unified%20Communications%20Manager%2012.5").contains("modified_date=3")
                .contains("status=O");
    }

    @Test
    void aProductSeriesNameComparesBugsBySeriesAndSaysWhatNeedsAnId() {
        McpSchema.CallToolResult result = server.call("compare_software_versions", Map.of("product_id",
                "Cisco Catalyst 9300 Series Switches", "version_a", "17.6.4", "version_b", "17.9.4", "max_severity", 1));
        String answer = text(result);
        assertThat(sandbox.requests().recentPaths()).anyMatch(p -> p.contains("/product_series/Cisco%20Catalyst%209300"));
        assertThat(answer).contains("it needs a product ID such as C9300-24T, not a product name");
        JsonNode notDone = Json.MAPPER.valueToTree(result.structuredContent()).path("not_done");
        assertThat(notDone.has("end_of_life")).isTrue();
    }

    @Test
    void coverageStatusTakesPageIndexAndIsOnePage() {
        String answer = text(server.call("get_coverage_status_by_serial", Map.of("serial_numbers", "FOC0000A000", "page_index", 2)));
        assertThat(answer).contains("Page 2 is past the last page (1)");
        assertThat(sandbox.requests().apiRequests()).isZero();
    }

    @Test
    void rmasBySerialSaysWhatCiscoHasInstead() {
        McpSchema.CallToolResult result = server.call("search_rmas_by_serial", Map.of("serial_numbers", "FOC1234X0AB"));
        assertThat(text(result)).contains("has no search by serial number").contains("get_rmas_by_user");
        assertThat(Json.MAPPER.valueToTree(result.structuredContent()).path("searched").asBoolean()).isFalse();
        assertThat(sandbox.requests().apiRequests()).isZero();
    }

    @Test
    void advisoryProductNamesGivenAsTextCountAsTrue() {
        String without = text(server.call("get_latest_security_advisories", Map.of("number", 2)));
        assertThat(without).doesNotContain("products:");
        String with = text(server.call("get_latest_security_advisories", Map.of("number", 2, "product_names", "Cisco IOS XE")));
        assertThat(with).contains("products:");
    }
}
