package dev.ciscosupport.mcp.analysis;

import dev.ciscosupport.mcp.cisco.bug.Bug;
import dev.ciscosupport.mcp.cisco.bug.BugFilters;
import dev.ciscosupport.mcp.cisco.bug.BugPage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bugs Cisco files against one version of a product, and two versions' sets side by side: what a comparison
 * of versions rests on.
 */
public final class AffectedBugs {
    /** Pages read per severity: the first pages hold what matters, and the budget is shared by both versions. */
    public static final int PAGES_PER_SEARCH = 3;

    private AffectedBugs() {
    }

    /**
     * Every bug filed against {@code version} of the product (or series), severity 1 to {@code maxSeverity}, all
     * dates, page by page up to {@link #PAGES_PER_SEARCH}, until the budget runs out (then what was found so far).
     */
    public static Map<String, Bug> of(BugSearches bugs, String product, String version, int maxSeverity, Budget budget) {
        Map<String, Bug> found = new LinkedHashMap<>();
        for (int severity = 1; severity <= maxSeverity; severity++) {
            for (int page = 1; page <= PAGES_PER_SEARCH; page++) {
                BugFilters filters = new BugFilters(page, null, String.valueOf(severity), "5", null);
                Optional<BugPage> answer = budget.spend(() -> Products.isName(product)
                        ? bugs.bySeriesAffecting(product, version, filters)
                        : bugs.byProductIdAndRelease(product, version, filters));
                if (answer.isEmpty()) {
                    return found;
                }
                answer.get().bugs().forEach(bug -> found.putIfAbsent(bug.bugId(), bug));
                if (!answer.get().page().hasNext()) {
                    break;
                }
            }
        }
        return found;
    }

    /** Two sets of IDs (bugs, advisories) set against each other, each list sorted. */
    public record Difference(List<String> onlyInA, List<String> onlyInB, List<String> inBoth) {
        public static Difference of(Set<String> a, Set<String> b) {
            return new Difference(a.stream().filter(id -> !b.contains(id)).sorted().toList(),
                    b.stream().filter(id -> !a.contains(id)).sorted().toList(),
                    a.stream().filter(b::contains).sorted().toList());
        }
    }
}
