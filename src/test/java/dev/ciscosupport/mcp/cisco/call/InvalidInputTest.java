package dev.ciscosupport.mcp.cisco.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A refusal names its inputs in the API's words until its caller names them in its own. */
class InvalidInputTest {
    @Test
    void aRefusalReadsInTheApisWordsUntilTheCallerRenamesIt() {
        CiscoException.InvalidInput refused = CiscoException.InvalidInput.of("software_releases",
                name -> name + ": \"17..9\" is not a software release.");
        assertThat(refused.inputs()).containsExactly("software_releases");
        assertThat(refused).hasMessage("software_releases: \"17..9\" is not a software release.");

        CiscoException.InvalidInput renamed = refused.naming(Map.of("software_releases", "version"));
        assertThat(renamed).hasMessage("version: \"17..9\" is not a software release.");
        assertThat(renamed.inputs()).containsExactly("version");
    }

    @Test
    void twoInputsAreRenamedEachInItsPlaceAndAnUnnamedOneKeepsTheApisName() {
        CiscoException.InvalidInput refused = CiscoException.InvalidInput.of("end_date", "start_date",
                (end, start) -> end + " (2024-01-01) is before " + start + " (2024-02-01).");
        assertThat(refused.naming(Map.of("start_date", "from"))).hasMessage(
                "end_date (2024-01-01) is before from (2024-02-01).");
    }

    @Test
    void aWholeSentenceHasNoInputsToRename() {
        CiscoException.InvalidInput refused = new CiscoException.InvalidInput("At most 20 software releases per call.");
        assertThat(refused.inputs()).isEmpty();
        assertThat(refused.naming(Map.of("input1", "x"))).hasMessage("At most 20 software releases per call.");
    }
}
