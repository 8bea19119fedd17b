package dev.ciscosupport.mcp.analysis;

import dev.ciscosupport.mcp.cisco.bug.Bug;
import dev.ciscosupport.mcp.cisco.bug.BugFilters;
import dev.ciscosupport.mcp.cisco.bug.BugPage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Bug searches from the most specific to the broadest (a product ID with the version, the product ID, its family,
 * the words), each over a range of severities, stopping at the first that brings enough bugs or when the budget
 * runs out.
 */
public final class BroadeningSearch {
    /** Bugs that are enough: the search stops broadening once it has found this many. */
    public static final int ENOUGH = 5;

    private BroadeningSearch() {
    }

    /** One search, described for the person reading the result. */
    public record Attempt(String description, Function<BugFilters, BugPage> search) {
    }

    /** A search made, and how many bugs it added to those found before. */
    public record Tried(String description, int newBugs) {
    }

    /** What was searched, the bugs found (in the order found), and whether every search wanted was made. */
    public record Outcome(List<Tried> tried, List<Bug> found, boolean complete) {
    }

    /** The searches for {@code term} (a product ID or words) and an optional version, most specific first. */
    public static List<Attempt> attempts(BugSearches bugs, String term, String version) {
        List<Attempt> out = new ArrayList<>();
        boolean productId = term.matches("(?i)[A-Z][A-Z0-9]*[-/][A-Z0-9/-]+") && term.matches(".*\\d.*");
        if (productId) {
            String pid = term.toUpperCase(Locale.ROOT);
            if (version != null) {
                out.add(new Attempt("product ID " + pid + " in " + version,
                        f -> bugs.byProductIdAndRelease(pid, version, f)));
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
            String shorter = Keywords.essential(term);
            if (!shorter.isEmpty() && !shorter.equals(term)) {
                out.add(new Attempt("keyword \"" + shorter + "\"", f -> bugs.byKeyword(shorter, f)));
            }
        }
        return out;
    }

    /**
     * Makes the searches in order, each for severities {@code from} to {@code to} (first page, all dates, optionally
     * one status), until {@link #ENOUGH} bugs are found or the budget runs out.
     */
    public static Outcome run(List<Attempt> attempts, int from, int to, String status, Budget budget) {
        Map<String, Bug> found = new LinkedHashMap<>();
        List<Tried> tried = new ArrayList<>();
        for (Attempt attempt : attempts) {
            int before = found.size();
            for (int severity = from; severity <= to && !budget.exhausted(); severity++) {
                BugFilters filters = new BugFilters(1, status, String.valueOf(severity), "5", null);
                budget.spend(() -> attempt.search().apply(filters))
                        .ifPresent(page -> page.bugs().forEach(b -> found.putIfAbsent(b.bugId(), b)));
            }
            tried.add(new Tried(attempt.description(), found.size() - before));
            if (found.size() >= ENOUGH || budget.exhausted()) {
                break;
            }
        }
        return new Outcome(tried, List.copyOf(found.values()), !budget.exhausted());
    }
}
