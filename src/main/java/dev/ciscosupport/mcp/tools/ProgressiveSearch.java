package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.analysis.BroadeningSearch;
import dev.ciscosupport.mcp.analysis.Budget;
import dev.ciscosupport.mcp.analysis.BugSearches;
import dev.ciscosupport.mcp.cisco.bug.BugApi;
import dev.ciscosupport.mcp.cisco.bug.BugFilters;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * progressive_bug_search: the {@link BroadeningSearch} over a severity range, bounded in Cisco calls; the result
 * lists every search tried and what it found.
 */
final class ProgressiveSearch {
    /** What the Bug API calls the inputs each search passes on, and what this tool calls them. */
    private static final Map<String, String> TERM_AND_VERSION = Map.of("keyword", "primary_search_term",
            "base_pid", "primary_search_term", "software_releases", "version");
    static final int CALL_BUDGET = 24;

    private final BugApi bugs;

    ProgressiveSearch(BugApi bugs) {
        this.bugs = bugs;
    }

    /** How wide a range of severities to search. */
    enum Range {
        HIGH, MEDIUM, ALL;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code progressive_bug_search}'s arguments. */
    record Terms(
            @Arg(value = "A product ID (C9300-24T) or words.", required = true, maxLength = 100) String primarySearchTerm,
            @Arg(value = "Software version, e.g. 17.9.4.", maxLength = 40) String version,
            @Arg("high (1-3, default), medium (3-4) or all (1-6).") Range severityRange,
            @Arg("O open, F fixed, T terminated.") BugFilters.Status status) {
    }

    /** What was searched (each search and the bugs it added), the bugs, and what it cost. */
    record Progress(List<Map<String, Object>> searchesTried, List<Map<String, Object>> bugs, int ciscoCalls,
            boolean complete) {
    }

    TypedTool.Answer<Progress> search(Terms terms, CallContext call) {
        Budget budget = new Budget(call, CALL_BUDGET);
        try {
            return new ProgressiveSearch(bugs.in(call)).searching(terms, budget);
        } finally {
            budget.end();
        }
    }

    /** The search, this object's API being bound to the call. */
    private TypedTool.Answer<Progress> searching(Terms terms, Budget budget) {
        String term = terms.primarySearchTerm().strip();
        String version = terms.version();
        String range = terms.severityRange() == null ? "high" : terms.severityRange().toString();
        String status = terms.status() == null ? null : terms.status().name();
        int from = range.equals("medium") ? 3 : 1;
        int to = range.equals("medium") ? 4 : range.equals("all") ? 6 : 3;
        List<BroadeningSearch.Attempt> attempts = BroadeningSearch.attempts(BugSearches.of(bugs), term, version);
        if (attempts.isEmpty()) {
            throw new CiscoException.InvalidInput("primary_search_term gives nothing to search for.");
        }
        BroadeningSearch.Outcome outcome = Renamed.call(TERM_AND_VERSION,
                () -> BroadeningSearch.run(attempts, from, to, status, budget));
        StringBuilder text = new StringBuilder("Progressive search for \"" + term + "\"" + (version == null ? "" : " " + version)
                + ", severity " + from + " to " + to + ":\n");
        outcome.tried().forEach(t -> text.append("- ").append(t.description()).append(": ").append(t.newBugs())
                .append(" new bugs\n"));
        outcome.found().stream().limit(20).forEach(b -> text.append(b.bugId()).append(" | sev ").append(b.severity())
                .append(" | ").append(b.status()).append(" | ").append(b.headline()).append('\n'));
        text.append(outcome.found().size()).append(" bugs from ").append(budget.used()).append(" Cisco calls (at most ")
                .append(CALL_BUDGET).append(")").append(outcome.complete() ? "" : "; the budget ran out before every search"
                        + " was tried").append('.');
        List<Map<String, Object>> tried = outcome.tried().stream().map(t -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("search", t.description());
            item.put("new_bugs", t.newBugs());
            return item;
        }).toList();
        return new TypedTool.Answer<>(text.toString(), new Progress(tried, outcome.found().stream().map(b -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("bug_id", b.bugId());
            item.put("severity", b.severity());
            item.put("status", b.status());
            item.put("headline", b.headline());
            return item;
        }).toList(), budget.used(), outcome.complete()));
    }
}
