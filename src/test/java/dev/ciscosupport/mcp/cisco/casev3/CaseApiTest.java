package dev.ciscosupport.mcp.cisco.casev3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciscosupport.mcp.cisco.TestCisco;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Cisco's recorded case answers read into sparse records without losing what we show. */
class CaseApiTest {
    private static JsonNode example(String name) throws IOException {
        return TestCisco.example("case/" + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"case_ids.200.json", "contracts.200.json", "users.200.synthesized.json", "users.200.empty.json"})
    void listsRead(String file) throws IOException {
        for (JsonNode raw : example(file).path("cases")) {
            SupportCase c = CaseApi.read(raw);
            assertThat(c.caseId()).isEqualTo(raw.path("case_id").asString());
            assertThat(c.status()).isEqualTo(raw.path("status").asString());
            assertThat(c.technology()).isEqualTo(raw.path("technology_name").asString(""));
            assertThat(c.bugs()).hasSize(raw.path("bugs").size());
        }
    }

    @Test
    void detailsKeepNotesAndOwner() throws IOException {
        JsonNode raw = example("details.200.json").path("caseDetail");
        SupportCase c = CaseApi.read(raw);
        assertThat(c.owner()).isEqualTo(raw.path("owner_name").asString());
        assertThat(c.notes()).hasSize(raw.path("notes").size());
        assertThat(c.closed()).isEqualTo(raw.path("close_date").asString());
    }

    @Test
    void datesBecomeCiscosTimestampsAndWindowsAreChecked() {
        assertThat(CaseApi.timestamp("date_created_from", "2024-03-01", false).toString()).isEqualTo("2024-03-01T00:00Z");
        assertThat(CaseApi.timestamp("date_created_to", "2024-03-01", true).toString()).isEqualTo("2024-03-01T23:59:59Z");
        assertThatThrownBy(() -> CaseApi.timestamp("date_created_from", "03/01/2024", false))
                .hasMessageStartingWith("date_created_from must be a date");
    }
}
