package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** Paging through hundreds of hits, and a 12-ID lookup split over Cisco's 5-per-call limit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingIT {
    private final CiscoSandbox cisco = new CiscoSandbox();

    @AfterAll
    void stop() {
        cisco.close();
    }

    @Test
    void pagingThroughAKeywordWithHundredsOfHitsReturnsEveryBugOnce() {
        String path = "/bug/v2.0/bugs/keyword/Catalyst?modified_date=5";
        int total = cisco.totalRecords(path);
        assertThat(total).isGreaterThanOrEqualTo(200);
        int pages = (total + 9) / 10;
        Scenario scenario = Scenario.stdio(cisco.env());
        for (int page = 1; page <= pages + 1; page++) {
            scenario.call("search_bugs_by_keyword", Map.of("keyword", "Catalyst", "modified_date", "5", "page_index", page));
        }
        JsonNode results = scenario.run();

        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            JsonNode result = results.path(page - 1);
            JsonNode answer = BugToolsContract.structured(result);
            JsonNode paging = answer.path("page");
            assertThat(paging.path("page_index").asInt()).isEqualTo(page);
            assertThat(paging.path("last_page").asInt()).isEqualTo(pages);
            assertThat(paging.path("total_records").asInt()).isEqualTo(total);
            String text = BugToolsContract.text(result);
            assertThat(text).contains("Page " + page + " of " + pages);
            if (page < pages) {
                assertThat(paging.path("next_page_index").asInt()).isEqualTo(page + 1);
                assertThat(text).contains("page_index=" + (page + 1));
            } else {
                assertThat(paging.has("next_page_index")).isFalse();
                assertThat(text).doesNotContain("More: call");
            }
            seen.addAll(CiscoSandbox.ids(answer));
        }
        assertThat(seen).hasSize(total);
        assertThat(new HashSet<>(seen)).hasSize(total);
        JsonNode beyond = results.path(pages);
        assertThat(BugToolsContract.structured(beyond).path("bugs").size()).isZero();
        assertThat(BugToolsContract.text(beyond)).contains("past the last page");
    }

    @Test
    void twelveBugIdsComeBackFromThreeCiscoCalls() {
        List<String> ids = new ArrayList<>();
        for (int page = 1; ids.size() < 12; page++) {
            ids.addAll(cisco.bugIds("/bug/v2.0/bugs/keyword/Catalyst?modified_date=5&page_index=" + page));
        }
        List<String> twelve = ids.subList(0, 12);
        cisco.resetCounts();
        JsonNode result = Scenario.stdio(cisco.env())
                .call("get_bug_details", Map.of("bug_ids", String.join(",", twelve))).run().path(0);
        JsonNode answer = BugToolsContract.structured(result);
        assertThat(CiscoSandbox.ids(answer)).containsExactlyElementsOf(twelve);
        assertThat(answer.path("cisco_calls").asInt()).isEqualTo(3);
        assertThat(cisco.apiRequests()).isEqualTo(3);
        assertThat(BugToolsContract.text(result)).startsWith("12 bugs found.");
    }
}
