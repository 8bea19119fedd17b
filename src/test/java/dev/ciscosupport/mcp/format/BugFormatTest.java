package dev.ciscosupport.mcp.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.cisco.Page;
import dev.ciscosupport.mcp.cisco.bug.Bug;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BugFormatTest {
    private static Bug bug(String description, List<String> fixed) {
        return new Bug("CSCvt43974", "Netconf SSH - fatal libcrypto error", description, 2, "F", "false", "", "",
                "2023-09-10", "ewlc", List.of("17.3.1"), fixed, 106);
    }

    @Test
    void descriptionsLoseMarkupAndAreSetApartAsCiscosText() {
        String text = BugFormat.detail(bug("<B>Symptom:</B>\nSSH fails &amp; drops\n\n\n<B>Conditions:</B>\nIOS-XE 16.X\n",
                List.of()));
        assertThat(text).contains("  | Symptom:\n  | SSH fails & drops\n  | Conditions:\n  | IOS-XE 16.X")
                .doesNotContain("<B>").contains("https://bst.cloudapps.cisco.com/bugsearch/bug/CSCvt43974");
    }

    @Test
    void longDescriptionsAreCapped() {
        String text = BugFormat.cleanDescription("x".repeat(5000));
        assertThat(text).hasSize(BugFormat.DESCRIPTION_CHARS + " [...]".length()).endsWith("[...]");
    }

    @Test
    void longReleaseListsAreShortenedInTextButKeptInStructuredContent() {
        List<String> fixed = IntStream.range(0, 56).mapToObj(i -> "17." + i).toList();
        assertThat(BugFormat.summary(bug("", fixed))).contains("17.0 17.1 17.2 17.3 17.4 17.5 17.6 17.7 (+48 more)");
        assertThat(BugFormat.structured(bug("", fixed)).get("fixed_releases")).isEqualTo(fixed);
    }

    @Test
    void pageLinesCountFromOne() {
        assertThat(BugFormat.pageLine(new Page(2, 25, 10, 248))).isEqualTo("Page 2 of 25: bugs 11-20 of 248.");
        assertThat(BugFormat.pageLine(new Page(25, 25, 8, 248))).isEqualTo("Page 25 of 25: bugs 241-248 of 248.");
        assertThat(BugFormat.pageLine(new Page(1, 0, 0, 0))).isEqualTo("No bugs matched.");
        assertThat(BugFormat.pageLine(new Page(30, 25, 0, 248))).contains("past the last page");
        assertThat(PageFormat.structured(new Page(2, 25, 10, 248))).containsEntry("next_page_index", 3);
        assertThat(PageFormat.structured(new Page(25, 25, 8, 248))).doesNotContainKey("next_page_index");
    }
}
