package dev.ciscosupport.mcp.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bugs of one version, as a comparison of versions gathers them: severity by severity, within three pages. */
class AffectedBugsTest {
    private final CallContext call = new CallContext("stdio", CallContext.Listener.NONE);

    @Test
    void eachSeverityIsReadPageByPageUpToThreePagesAndEachBugIsKeptOnce() {
        FakeBugs bugs = new FakeBugs(call).with("product C9300-24T in 17.9.4", 1, 0, 25)
                .with("product C9300-24T in 17.9.4", 2, 100, 45);
        Budget budget = new Budget(call, 40);

        var found = AffectedBugs.of(bugs, "C9300-24T", "17.9.4", 3, budget);

        assertThat(found).hasSize(25 + 30);
        assertThat(bugs.asked()).containsExactly(
                "product C9300-24T in 17.9.4, severity 1, page 1", "product C9300-24T in 17.9.4, severity 1, page 2",
                "product C9300-24T in 17.9.4, severity 1, page 3", "product C9300-24T in 17.9.4, severity 2, page 1",
                "product C9300-24T in 17.9.4, severity 2, page 2", "product C9300-24T in 17.9.4, severity 2, page 3",
                "product C9300-24T in 17.9.4, severity 3, page 1");
        assertThat(budget.used()).isEqualTo(7);
        assertThat(budget.exhausted()).isFalse();
    }

    @Test
    void whenTheBudgetRunsOutWhatWasFoundIsKeptAndTheBudgetSaysSo() {
        FakeBugs bugs = new FakeBugs(call).with("product C9300-24T in 17.9.4", 1, 0, 25);
        Budget budget = new Budget(call, 2);

        var found = AffectedBugs.of(bugs, "C9300-24T", "17.9.4", 3, budget);

        assertThat(found).hasSize(20);
        assertThat(bugs.asked()).hasSize(2);
        assertThat(budget.exhausted()).isTrue();
        budget.end();
    }

    @Test
    void aProductNameIsSearchedAsASeries() {
        FakeBugs bugs = new FakeBugs(call).with("series Cisco Catalyst 9300 Series Switches in 17.9.4", 2, 0, 3);

        var found = AffectedBugs.of(bugs, "Cisco Catalyst 9300 Series Switches", "17.9.4", 2, new Budget(call, 40));

        assertThat(found).hasSize(3);
        assertThat(bugs.asked()).allMatch(search -> search.startsWith("series "));
    }

    @Test
    void twoSetsAreSetAgainstEachOtherSorted() {
        AffectedBugs.Difference difference = AffectedBugs.Difference.of(Set.of("b", "a", "c"), Set.of("d", "c", "a"));
        assertThat(difference.onlyInA()).isEqualTo(List.of("b"));
        assertThat(difference.onlyInB()).isEqualTo(List.of("d"));
        assertThat(difference.inBoth()).isEqualTo(List.of("a", "c"));
    }
}
