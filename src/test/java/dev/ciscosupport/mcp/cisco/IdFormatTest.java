package dev.ciscosupport.mcp.cisco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciscosupport.mcp.cisco.call.CiscoException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdFormatTest {
    @Test
    void bugIdsAreNormalisedToCiscosSpelling() {
        assertThat(IdFormat.BUG_ID.check("bug_ids", " cscVT43974 ")).isEqualTo("CSCvt43974");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CSCvt4397/../x", "CSCvt43974/", "CSCvt43974%2F", "CSCvt43974?x=1", "CSCvt43974#x",
        "CSCvt\r\n43974", "CSC vt43974", "CSCvt4397ä", "CSCvt439741", "", "../CSCvt43974"})
    void badBugIdsAreRefusedWithTheParameterAndTheExpectedForm(String id) {
        assertThatThrownBy(() -> IdFormat.BUG_ID.check("bug_ids", id)).isInstanceOf(CiscoException.InvalidInput.class)
                .hasMessageStartingWith("bug_ids").hasMessageContaining("CSCvt43974");
    }

    /** Cisco takes any keyword up to 50 characters; these are what engineers search for. */
    @ParameterizedTest
    @ValueSource(strings = {"%SYS-2-MALLOCFAIL", "%LINEPROTO-5-UPDOWN flapping", "can't ping", "\"BGP flap\"",
        "memory leak; crash", "ASA 9.16(4) #show crash", "IOS-XE 17.9.4a [SNMP]"})
    void everydayKeywordsPass(String keyword) {
        assertThat(IdFormat.KEYWORD.check("keyword", keyword)).isEqualTo(keyword);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/../case/v3", "x\\y", "bell\u0007"})
    void keywordsThatCouldLeaveThePathSegmentAreRefused(String keyword) {
        assertThatThrownBy(() -> IdFormat.KEYWORD.check("keyword", keyword)).isInstanceOf(CiscoException.InvalidInput.class)
                .hasMessageStartingWith("keyword");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISR4431/K9", "WS-C3560-48PS-S", "WIC-1T=", "C9300-24T", "A9K-RSP880-SE"})
    void realProductIdsPass(String pid) {
        assertThat(IdFormat.PRODUCT_ID.check("base_pid", pid)).isEqualTo(pid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../case", "ISR4431/../K9", "ISR4431//K9", "ISR%2F4431", "ISR4431?x", "ISR 4431", "ISR4431\nK9",
        "/ISR4431", "ISR4431/"})
    void productIdsThatCouldChangeThePathAreRefused(String pid) {
        assertThatThrownBy(() -> IdFormat.PRODUCT_ID.check("base_pid", pid)).isInstanceOf(CiscoException.InvalidInput.class)
                .hasMessageStartingWith("base_pid");
    }

    @Test
    void overLongValuesAreRefusedWithTheLimit() {
        assertThatThrownBy(() -> IdFormat.KEYWORD.check("keyword", "a".repeat(51)))
                .hasMessageContaining("longer than 50 characters");
    }

    @Test
    void productNamesKeepSpacesAndParentheses() {
        assertThat(IdFormat.PRODUCT_NAME.check("product_name", "Cisco Unified Communications Manager  (CallManager)"))
                .isEqualTo("Cisco Unified Communications Manager (CallManager)");
    }

    @Test
    void messagesShowOnlyPrintableText() {
        assertThatThrownBy(() -> IdFormat.RELEASE.check("software_releases", "17.9\u0000\u001b[31m"))
                .hasMessageContaining("\"17.9??[31m\"");
    }

    @Test
    void pathValuesArePercentEncodedOneByOneAndCommasKept() {
        String path = CiscoPath.of("/bug/v2.0/bugs/products/product_id").value("ISR4431/K9").then("software_releases")
                .values(List.of("15.2(7)E8", "17.9.4a")).build();
        assertThat(path).isEqualTo("/bug/v2.0/bugs/products/product_id/ISR4431%2FK9/software_releases/15.2%287%29E8,17.9.4a");
        assertThat(CiscoPath.of("/x").value("Cisco 4000 Series =+").build()).isEqualTo("/x/Cisco%204000%20Series%20%3D%2B");
    }
}
