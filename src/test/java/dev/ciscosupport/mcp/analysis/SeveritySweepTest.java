package dev.ciscosupport.mcp.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cisco takes one severity per search: a sweep asks each, keeps each total, and merges the bugs. */
class SeveritySweepTest {
    @Test
    void eachSeverityIsAskedOnceWithItsTotalAndTheBugsMerged() {
        FakeBugs bugs = new FakeBugs(new CallContext("stdio", CallContext.Listener.NONE))
                .with("keyword crash", 1, 0, 2).with("keyword crash", 3, 10, 14);

        SeveritySweep.Result sweep = SeveritySweep.run(filters -> bugs.byKeyword("crash", filters), 3, "O", "5");

        assertThat(sweep.totals()).isEqualTo(Map.of(1, 2, 2, 0, 3, 14));
        assertThat(sweep.merged()).hasSize(2 + FakeBugs.PAGE_SIZE);
        assertThat(bugs.asked()).containsExactly("keyword crash, severity 1, page 1", "keyword crash, severity 2, page 1",
                "keyword crash, severity 3, page 1");
    }
}
