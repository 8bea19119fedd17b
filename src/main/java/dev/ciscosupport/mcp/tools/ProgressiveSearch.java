package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.bug.Bug;
import dev.ciscosupport.mcp.cisco.bug.BugApi;
import dev.ciscosupport.mcp.cisco.bug.BugFilters;
import dev.ciscosupport.mcp.cisco.bug.BugPage;
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
    static final int CALL_BUDGET = 24;
    static final int ENOUGH = 5;

    private final BugApi bugs;

    ProgressiveSearch(BugApi bugs) {
        this.bugs = bugs;
    }

    private record Attempt(String description, Function<BugFilters, BugPage> search) {
    }

    ToolOutput search(ToolArguments args) {
        return new ProgressiveSearch(bugs.in(args.call())).searching(args);
    }

    /** The search, this object's API being bound to the call of {@code args}. */
    private ToolOutput searching(ToolArguments args) {
        String term = args.required("primary_search_term").strip();
        String version = args.optional("version");
        String range = args.optional("severity_range") == null ? "high" : args.optional("severity_range");
        String status = args.optional("status");
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
                BugPage page = attempt.search().apply(new BugFilters(1, status, String.valueOf(severity), "5", null));
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
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("searches_tried", tried);
        structured.put("bugs", found.values().stream().map(b -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("bug_id", b.bugId());
            item.put("severity", b.severity());
            item.put("status", b.status());
            item.put("headline", b.headline());
            return item;
        }).toList());
        structured.put("cisco_calls", calls);
        structured.put("complete", !budgetSpent);
        return new ToolOutput(text.toString(), structured);
    }

    /** From the most specific search to the broadest, without repeats. */
    private List<Attempt> attempts(String term, String version) {
        List<Attempt> out = new ArrayList<>();
        boolean productId = term.matches("(?i)[A-Z][A-Z0-9]*[-/][A-Z0-9/-]+") && term.matches(".*\\d.*");
        if (productId) {
            String pid = term.toUpperCase(Locale.ROOT);
            if (version != null) {
                out.add(new Attempt("product ID " + pid + " in " + version,
                        f -> bugs.byProductIdAndReleases(pid, "version", List.of(version), f)));
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
