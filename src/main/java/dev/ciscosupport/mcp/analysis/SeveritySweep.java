package dev.ciscosupport.mcp.analysis;

import dev.ciscosupport.mcp.cisco.bug.Bug;
import dev.ciscosupport.mcp.cisco.bug.BugFilters;
import dev.ciscosupport.mcp.cisco.bug.BugPage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One search asked severity by severity: Cisco's Bug API takes one severity per request, so "severity 1 to 3" is
 * three requests, their totals kept apart and their bugs merged.
 */
public final class SeveritySweep {
    private SeveritySweep() {
    }

    /** Each severity's total (Cisco's count, all pages), and the first page of each, merged without repeats. */
    public record Result(Map<Integer, Integer> totals, List<Bug> merged) {
    }

    /**
     * @param search       the search, given the filters of one severity
     * @param status       O, F or T, or null for every status
     * @param modifiedDate Cisco's period code (5: all dates)
     */
    public static Result run(Function<BugFilters, BugPage> search, int maxSeverity, String status, String modifiedDate) {
        Map<Integer, Integer> totals = new LinkedHashMap<>();
        Map<String, Bug> merged = new LinkedHashMap<>();
        for (int severity = 1; severity <= maxSeverity; severity++) {
            BugPage page = search.apply(new BugFilters(1, status, String.valueOf(severity), modifiedDate, null));
            totals.put(severity, page.page().total());
            page.bugs().forEach(b -> merged.putIfAbsent(b.bugId(), b));
        }
        return new Result(totals, List.copyOf(merged.values()));
    }
}
