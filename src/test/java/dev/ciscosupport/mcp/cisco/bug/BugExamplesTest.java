package dev.ciscosupport.mcp.cisco.bug;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.cisco.TestCisco;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Every recorded Bug API answer reads into our records without losing a field we show. */
class BugExamplesTest {
    @ParameterizedTest
    @ValueSource(strings = {"bug_ids.200.json", "keyword.200.json", "product_id.200.json",
        "product_name_affected_releases.200.json", "product_name_affected_releases.200.last_page.json",
        "product_series_affected_releases.200.synthesized.json"})
    void recordedAnswersRead(String file) {
        JsonNode body = TestCisco.example("bug/" + file);
        var bugs = BugApi.bugs(body);
        assertThat(bugs).hasSize(body.path("bugs").size());
        for (int i = 0; i < bugs.size(); i++) {
            JsonNode raw = body.path("bugs").path(i);
            Bug bug = bugs.get(i);
            assertThat(bug.bugId()).isEqualTo(raw.path("bug_id").asString());
            assertThat(bug.headline()).isEqualTo(raw.path("headline").asString());
            assertThat(String.valueOf(bug.severity())).isEqualTo(raw.path("severity").asString());
            assertThat(bug.supportCaseCount()).isEqualTo(Integer.parseInt(raw.path("support_case_count").asString()));
            String fixed = raw.path("known_fixed_releases").asString();
            assertThat(bug.fixedReleases()).isEqualTo(fixed.isBlank() ? java.util.List.of()
                    : Arrays.asList(fixed.strip().split("\\s+")));
        }
    }
}
