package dev.ciscosupport.mcp.cisco.bug;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleasesTest {
    @ParameterizedTest
    @CsvSource({"17.09.04a,17.9.4a", "17.09.06,17.9.6", "16.12.04,16.12.4", "17.10.1,17.10.1", "10.0.0,10.0.0",
        "15.2(03)E01,15.2(03)E01", "9.3(10),9.3(10)", "12.5(1)SU7,12.5(1)SU7", "7.0.5,7.0.5"})
    void paddedDottedReleasesLoseTheirLeadingZerosOnly(String asked, String searched) {
        assertThat(Releases.normalize(asked)).isEqualTo(searched);
    }
}
