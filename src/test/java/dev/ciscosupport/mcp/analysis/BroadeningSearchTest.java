package dev.ciscosupport.mcp.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** From the most specific search to the broadest, and no further than needed or allowed. */
class BroadeningSearchTest {
    private final CallContext call = new CallContext("stdio", CallContext.Listener.NONE);

    private static List<String> described(List<BroadeningSearch.Attempt> attempts) {
        return attempts.stream().map(BroadeningSearch.Attempt::description).toList();
    }

    @Test
    void aProductIdIsSearchedWithTheVersionThenAloneThenAsWords() {
        assertThat(described(BroadeningSearch.attempts(new FakeBugs(call), "c9300-24t", "17.9.4"))).containsExactly(
                "product ID C9300-24T in 17.9.4", "product ID C9300-24T", "keyword \"C9300-24T 17.9.4\"",
                "keyword \"C9300 17.9.4\"");
    }

    @Test
    void wordsAreSearchedWholeThenWithoutTheLittleWords() {
        assertThat(described(BroadeningSearch.attempts(new FakeBugs(call), "memory leak in the BGP process", null)))
                .containsExactly("keyword \"memory leak in the BGP process\"", "keyword \"memory leak BGP process\"");
    }

    @Test
    void theFirstSearchThatFindsEnoughIsTheLast() {
        FakeBugs bugs = new FakeBugs(call).with("product C9300-24T in 17.9.4", 1, 0, 6);
        BroadeningSearch.Outcome outcome = BroadeningSearch.run(BroadeningSearch.attempts(bugs, "C9300-24T", "17.9.4"),
                1, 3, null, new Budget(call, 24));

        assertThat(outcome.tried()).containsExactly(new BroadeningSearch.Tried("product ID C9300-24T in 17.9.4", 6));
        assertThat(outcome.found()).hasSize(6);
        assertThat(outcome.complete()).isTrue();
        assertThat(bugs.asked()).hasSize(3);
    }

    @Test
    void aBroaderSearchAddsOnlyTheBugsNotFoundBefore() {
        FakeBugs bugs = new FakeBugs(call).with("product C9300-24T in 17.9.4", 2, 0, 2)
                .with("product C9300-24T", 2, 1, 4); // CSCfk00001 is in both
        BroadeningSearch.Outcome outcome = BroadeningSearch.run(BroadeningSearch.attempts(bugs, "C9300-24T", "17.9.4"),
                1, 3, null, new Budget(call, 24));

        assertThat(outcome.tried()).startsWith(new BroadeningSearch.Tried("product ID C9300-24T in 17.9.4", 2),
                new BroadeningSearch.Tried("product ID C9300-24T", 3));
        assertThat(outcome.found()).hasSize(5);
    }

    @Test
    void theBudgetEndsTheSearchAndTheOutcomeSaysItIsIncomplete() {
        FakeBugs bugs = new FakeBugs(call);
        BroadeningSearch.Outcome outcome = BroadeningSearch.run(BroadeningSearch.attempts(bugs, "C9300-24T", "17.9.4"),
                1, 3, null, new Budget(call, 4));

        assertThat(bugs.asked()).hasSize(4);
        assertThat(outcome.tried()).extracting(BroadeningSearch.Tried::description)
                .containsExactly("product ID C9300-24T in 17.9.4", "product ID C9300-24T");
        assertThat(outcome.complete()).isFalse();
    }
}
