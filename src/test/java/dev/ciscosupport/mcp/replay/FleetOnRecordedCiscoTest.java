package dev.ciscosupport.mcp.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * check_fleet reading Cisco's recorded answers, verbatim: the EoX milestones of two product IDs, the coverage summary of
 * a serial (contract, service level, coverage end), and Cisco's whole-request EoX error, which leaves the check not
 * done with Cisco's words rather than reading as "no EoX record".
 */
class FleetOnRecordedCiscoTest extends OnRecordedCisco {
    private final LocalDate horizon = LocalDate.now(ZoneOffset.UTC).plusMonths(12);

    private List<CSVRecord> rows(McpSchema.CallToolResult result) throws Exception {
        McpSchema.ResourceLink csv = result.content().stream().filter(McpSchema.ResourceLink.class::isInstance)
                .map(McpSchema.ResourceLink.class::cast).filter(l -> l.mimeType().equals("text/csv")).findFirst().orElseThrow();
        String text = ((McpSchema.TextResourceContents) server.client().readResource(
                McpSchema.ReadResourceRequest.builder(csv.uri()).build()).contents().get(0)).text();
        return CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(text)).getRecords();
    }

    @Test
    void endOfLifeMilestonesAsCiscoRecordedThem() throws Exception {
        cisco.answerWith("eox/EOXByProductID.200.json");
        McpSchema.CallToolResult result = server.call("check_fleet", Map.of("inventory",
                "pid\nWS-C3850-48XS-E\nWS-C3850-48XS-E-RF\n", "checks", "lifecycle"));
        assertThat(result.isError()).as(InProcessServer.text(result)).isFalse();
        assertThat(cisco.requests()).singleElement().asString()
                .contains("/supporttools/eox/rest/5/EOXByProductID/1/WS-C3850-48XS-E,WS-C3850-48XS-E-RF");
        String expected = LocalDate.parse("2027-04-30").isAfter(horizon) ? "end of life announced" : "end of support soon";
        assertThat(rows(result)).extracting(r -> r.get("product_id"), r -> r.get("lifecycle"),
                r -> r.get("last_date_of_support")).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("WS-C3850-48XS-E", expected, "2027-04-30"),
                        org.assertj.core.groups.Tuple.tuple("WS-C3850-48XS-E-RF", expected, "2027-04-30"));
    }

    @Test
    void coverageAsCiscoRecordedIt() throws Exception {
        cisco.answerWith("sn2info/coverage_summary_serial_numbers.200.json");
        McpSchema.CallToolResult result = server.call("check_fleet", Map.of("inventory", "FXS2130Q286",
                "checks", "coverage"));
        assertThat(result.isError()).as(InProcessServer.text(result)).isFalse();
        assertThat(cisco.requests()).singleElement().asString()
                .contains("/sn2info/v2/coverage/summary/serial_numbers/FXS2130Q286");
        CSVRecord row = rows(result).get(0);
        assertThat(row.get("coverage")).isEqualTo("covered");
        assertThat(row.get("coverage_end")).isEqualTo("2023-12-31");
        assertThat(row.get("service_level")).isEqualTo("CX LEVEL 2 8X5XNBD");
        assertThat(row.get("contract")).isEqualTo("203371074");
        assertThat(row.get("warranty_end")).isEqualTo("2029-04-09");
        JsonNode summary = Json.MAPPER.valueToTree(result.structuredContent()).path("summary");
        assertThat(summary.path("coverage").path("contracts_ending_soon").asInt()).isEqualTo(1);
    }

    @Test
    void ciscosWholeRequestErrorLeavesTheCheckNotDoneWithItsWords() throws Exception {
        cisco.answerWith("eox/error.200.top_level_EOXError.json");
        McpSchema.CallToolResult result = server.call("check_fleet", Map.of("inventory", "pid\nC9300-24T\n",
                "checks", "lifecycle"));
        assertThat(result.isError()).isFalse();
        assertThat(rows(result).get(0).get("lifecycle")).startsWith("not checked: Cisco's EoX API failed:")
                .contains("SSA_ERR_010");
        JsonNode summary = Json.MAPPER.valueToTree(result.structuredContent()).path("summary");
        assertThat(summary.path("lifecycle").path("no_eox_record").asInt()).isZero();
        assertThat(summary.path("not_checked").path("lifecycle").asInt()).isEqualTo(1);
    }
}
