package dev.ciscosupport.mcp.replay;

import static dev.ciscosupport.mcp.replay.InProcessServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a user with real Cisco credentials got wrong before the replay (issue 11), each on a recorded answer,
 * edited only where the recording is too short to show it (a case with many notes, an answer with more pages).
 */
class RecordedDefectsTest extends OnRecordedCisco {

    /** Cisco sends notes newest first; a case with 14 notes shows its 10 newest, newest first, and says so. */
    @Test
    void caseNotesAreNewestFirstAndTheNewestAreShown() {
        ObjectNode answer = (ObjectNode) Json.MAPPER.readTree(RecordedCisco.example("case/details.200.json"));
        ArrayNode notes = ((ObjectNode) answer.path("caseDetail")).putArray("notes");
        for (int day = 28; day >= 15; day--) { // newest first, as recorded
            notes.addObject().put("note", "Note of day " + day).put("note_detail", "Detail " + day)
                    .put("created_by", "Sam").put("creation_date", "2022-02-" + day + "T10:00:00.000Z");
        }
        cisco.answerWithBody(answer.toString());
        String text = text(server.call("get_case_details", Map.of("case_id", "692277140")));
        assertThat(text).contains("newest first, the newest 10 of 14").doesNotContain("newest last");
        assertThat(text.indexOf("Note of day 28")).isPositive().isLessThan(text.indexOf("Note of day 27"));
        assertThat(text).contains("Note of day 19").doesNotContain("Note of day 18");
    }

    /** A record-level error about a product bulletin, beside valid records for the same input, is not "no EoX". */
    @Test
    void aBulletinErrorBesideRecordsDoesNotContradictThem() {
        cisco.answerWith("eox/EOXBySWReleaseString.200.trimmed.json");
        McpSchema.CallToolResult result = server.call("get_eox_by_software_release", Map.of("input1", "12.2,IOS"));
        String text = text(result);
        assertThat(text).contains("S17Q7V8K8-12208T").doesNotContain("No EoX information for input1=12.2,IOS");
        assertThat(text).contains("product bulletin PB3511").contains("SSA_ERR_022");
        JsonNode notFound = Json.MAPPER.valueToTree(result.structuredContent()).path("not_found").path(0);
        assertThat(notFound.path("bulletin_number").asString()).isEqualTo("PB3511");
        assertThat(notFound.path("about").asString()).isEqualTo("PRODUCT_BULLETIN");
    }

    /** Cisco's {@code lastIndex: 3}: the answer says there are more pages, and page 2 is asked for with pageIndex. */
    @Test
    void softwareSuggestionsPage() {
        ObjectNode answer = (ObjectNode) Json.MAPPER.readTree(
                RecordedCisco.example("software_suggestion/releases_productIds.200.synthesized.json"));
        ((ObjectNode) answer.path("paginationResponseRecord")).put("lastIndex", 3).put("totalRecords", 25);
        cisco.answerWithBody(answer.toString());
        String first = text(server.call("get_software_releases_by_product_ids", Map.of("product_ids", "WS-C3560-48PS-S")));
        assertThat(first).contains("page 1 of 3").contains("page_index=2");
        ((ObjectNode) answer.path("paginationResponseRecord")).put("pageIndex", 2);
        cisco.answerWithBody(answer.toString());
        String second = text(server.call("get_software_releases_by_product_ids",
                Map.of("product_ids", "WS-C3560-48PS-S", "page_index", 2)));
        assertThat(cisco.requests()).containsExactly(RecordedAnswers.SOFTWARE + "/releases/productIds/WS-C3560-48PS-S?pageIndex=2");
        assertThat(second).contains("page 2 of 3").contains("page_index=3");
    }

    @Test
    void productInformationPages() {
        ObjectNode answer = (ObjectNode) Json.MAPPER.readTree(RecordedCisco.example("product_info/product_ids.200.synthesized.json"));
        ((ObjectNode) answer.path("pagination_response_record")).put("last_index", 2).put("page_index", 2);
        cisco.answerWithBody(answer.toString());
        String text = text(server.call("get_product_info_by_product_ids", Map.of("product_ids", "WS-C6509-E", "page_index", 2)));
        assertThat(cisco.requests()).containsExactly(RecordedAnswers.PRODUCT + "/product_ids/WS-C6509-E?page_index=2");
        assertThat(text).contains("page 2 of 2");
    }

    /** Cisco's error inside {@code suggestions[]} is the product's answer, with Cisco's reason. */
    @Test
    void aSuggestionThatIsAnErrorSaysCiscosReason() {
        cisco.answerWith("software_suggestion/productIds.200.item_error.synthesized.json");
        McpSchema.CallToolResult result = server.call("get_software_suggestions_by_product_ids", Map.of("product_ids", "NOT-A-PID"));
        assertThat(text(result)).contains("S3_BASEPID_NO_SUPPORT").contains("This basePID is currently not supported")
                .doesNotContain("releases: \n").doesNotContain("releases:\n");
        assertThat(Json.MAPPER.valueToTree(result.structuredContent()).path("products").path(0).path("found").asBoolean())
                .isFalse();
    }

    /** By instance number, Cisco's item also names the serial; the answer is matched on the instance number. */
    @Test
    void coverageByInstanceNumberIsFound() {
        cisco.answerWith("sn2info/coverage_summary_instance_numbers.200.synthesized.json");
        String text = text(server.call("get_coverage_summary_by_instance", Map.of("instance_numbers", "917280220")));
        assertThat(text).contains("1 of 1 found").contains("917280220 | serial FXS2130Q286");
    }

    /** Many notes at Cisco can be hundreds of kilobytes; the text stays bounded while the structure keeps them. */
    @Test
    void caseNotesKeepCiscosOrderInStructuredContent() {
        cisco.answerWith("case/details.200.json");
        McpSchema.CallToolResult result = server.call("get_case_details", Map.of("case_id", "692277140"));
        List<String> dates = new ArrayList<>();
        Json.MAPPER.valueToTree(result.structuredContent()).path("cases").path(0).path("notes")
                .forEach(n -> dates.add(n.path("created").asString()));
        List<String> recorded = new ArrayList<>();
        Json.MAPPER.readTree(RecordedCisco.example("case/details.200.json")).path("caseDetail").path("notes")
                .forEach(n -> recorded.add(n.path("creation_date").asString()));
        assertThat(dates).isEqualTo(recorded);
    }
}
