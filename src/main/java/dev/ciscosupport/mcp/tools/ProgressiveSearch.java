package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.bug.Bug;
import dev.ciscosupport.mcp.cisco.bug.BugApi;
import dev.ciscosupport.mcp.cisco.bug.BugFilters;
import dev.ciscosupport.mcp.cisco.bug.BugPage;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * progressive_bug_search: tries searches from the most specific to the broadest (the product ID with the
 * version, the product ID, its family, the words) over a severity range, and stops at the first that
 * finds enough bugs. Bounded in Cisco calls; the result lists every search tried and what it found.
 */
final class ProgressiveSearch {
    /** What the Bug API calls the inputs each search passes on, and what this tool calls them. */
    private static final Map<String, String> TERM_AND_VERSION = Map.of("keyword", "primary_search_term",
            "base_pid", "primary_search_term", "software_releases", "version");
    static final int CALL_BUDGET = 24;
    static final int ENOUGH = 5;

    private final BugApi bugs;

    ProgressiveSearch(BugApi bugs) {
        this.bugs = bugs;
    }

    private record Attempt(String description, Function<BugFilters, BugPage> search) {
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
        return new ProgressiveSearch(bugs.in(call)).searching(terms);
    }

    /** The search, this object's API being bound to the call. */
    private TypedTool.Answer<Progress> searching(Terms terms) {
        String term = terms.primarySearchTerm().strip();
        String version = terms.version();
        String range = terms.severityRange() == null ? "high" : terms.severityRange().toString();
        String status = terms.status() == null ? null : terms.status().name();
        int from = range.equals("medium") ? 3 : 1;
        int to = range.equals("medium") ? 4 : range.equals("all") ? 6 : 3;
        List<Attempt> attempts = attempts(term, version);
        Map<String, Bug> found = new LinkedHashMap<>();
        List<Map<String, Object>> tried = new ArrayList<>();
        int calls = 0;
        boolean budgetSpent = false;
        for (Attempt attempt : attempts) {
            int before = found.size();
            for (int severity = from; severity <= to; severity++) {
                if (calls >= CALL_BUDGET) {
                    budgetSpent = true;
                    break;
                }
                calls++;
                BugFilters filters = new BugFilters(1, status, String.valueOf(severity), "5", null);
                BugPage page = Renamed.call(TERM_AND_VERSION, () -> attempt.search().apply(filters));
                page.bugs().forEach(b -> found.putIfAbsent(b.bugId(), b));
            }
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("search", attempt.description());
            t.put("new_bugs", found.size() - before);
            tried.add(t);
            if (found.size() >= ENOUGH || budgetSpent) {
                break;
            }
        }
        StringBuilder text = new StringBuilder("Progressive search for \"" + term + "\"" + (version == null ? "" : " " + version)
                + ", severity " + from + " to " + to + ":\n");
        tried.forEach(t -> text.append("- ").append(t.get("search")).append(": ").append(t.get("new_bugs")).append(" new bugs\n"));
        found.values().stream().limit(20).forEach(b -> text.append(b.bugId()).append(" | sev ").append(b.severity())
                .append(" | ").append(b.status()).append(" | ").append(b.headline()).append('\n'));
        text.append(found.size()).append(" bugs from ").append(calls).append(" Cisco calls (at most ").append(CALL_BUDGET)
                .append(")").append(budgetSpent ? "; the budget ran out before every search was tried" : "").append('.');
        return new TypedTool.Answer<>(text.toString(), new Progress(tried, found.values().stream().map(b -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("bug_id", b.bugId());
            item.put("severity", b.severity());
            item.put("status", b.status());
            item.put("headline", b.headline());
            return item;
        }).toList(), calls, !budgetSpent));
    }

    /** From the most specific search to the broadest, without repeats. */
    private List<Attempt> attempts(String term, String version) {
        List<Attempt> out = new ArrayList<>();
        boolean productId = term.matches("(?i)[A-Z][A-Z0-9]*[-/][A-Z0-9/-]+") && term.matches(".*\\d.*");
        if (productId) {
            String pid = term.toUpperCase(Locale.ROOT);
            if (version != null) {
                out.add(new Attempt("product ID " + pid + " in " + version,
                        f -> bugs.byProductIdAndReleases(pid, List.of(version), f)));
            }
            out.add(new Attempt("product ID " + pid, f -> bugs.byProductId(pid, f)));
            Set<String> words = new LinkedHashSet<>();
            words.add(pid.replaceFirst("/K9$", ""));
            words.add(pid.replaceFirst("[-/].*$", "")); // the family: C9300 from C9300-24T
            for (String w : words) {
                String keyword = version == null ? w : w + " " + version;
                out.add(new Attempt("keyword \"" + keyword + "\"", f -> bugs.byKeyword(keyword, f)));
            }
        } else {
            if (version != null) {
                out.add(new Attempt("keyword \"" + term + " " + version + "\"", f -> bugs.byKeyword(term + " " + version, f)));
            }
            out.add(new Attempt("keyword \"" + term + "\"", f -> bugs.byKeyword(term, f)));
            String shorter = SearchPlanner.keywords(term);
            if (!shorter.isEmpty() && !shorter.equals(term)) {
                out.add(new Attempt("keyword \"" + shorter + "\"", f -> bugs.byKeyword(shorter, f)));
            }
        }
        if (out.isEmpty()) {
            throw new CiscoException.InvalidInput("primary_search_term gives nothing to search for.");
        }
        return out;
    }
}
