package dev.ciscosupport.mcp.analysis;

import dev.ciscosupport.mcp.cisco.Page;
import dev.ciscosupport.mcp.cisco.bug.Bug;
import dev.ciscosupport.mcp.cisco.bug.BugFilters;
import dev.ciscosupport.mcp.cisco.bug.BugPage;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bug searches answered from lists the test gives, ten bugs a page as Cisco pages them, each search charged to the
 * call as the gateway charges it; every search asked is recorded.
 */
final class FakeBugs implements BugSearches {
    static final int PAGE_SIZE = 10;
    private final CallContext call;
    private final Map<String, List<Bug>> answers = new HashMap<>();
    private final List<String> asked = new ArrayList<>();

    FakeBugs(CallContext call) {
        this.call = call;
    }

    /** {@code count} bugs of {@code severity} answer {@code search}, IDs from {@code firstId} up. */
    FakeBugs with(String search, int severity, int firstId, int count) {
        List<Bug> bugs = answers.computeIfAbsent(search, s -> new ArrayList<>());
        for (int n = firstId; n < firstId + count; n++) {
            bugs.add(bug(String.format("CSCfk%05d", n), severity));
        }
        return this;
    }

    static Bug bug(String id, int severity) {
        return new Bug(id, "headline of " + id, "", severity, "O", "", "", "", "", "", List.of(), List.of(), 0);
    }

    /** Each search asked, as "search, severity N, page P". */
    List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public BugPage byKeyword(String keyword, BugFilters filters) {
        return answer("keyword " + keyword, filters);
    }

    @Override
    public BugPage byProductId(String basePid, BugFilters filters) {
        return answer("product " + basePid, filters);
    }

    @Override
    public BugPage byProductIdAndRelease(String basePid, String release, BugFilters filters) {
        return answer("product " + basePid + " in " + release, filters);
    }

    @Override
    public BugPage bySeriesAffecting(String series, String release, BugFilters filters) {
        return answer("series " + series + " in " + release, filters);
    }

    private BugPage answer(String search, BugFilters filters) {
        if (!call.charge()) {
            throw new CiscoException.OverBudget("Bug API", call.charged());
        }
        asked.add(search + ", severity " + filters.severity() + ", page " + filters.page());
        List<Bug> matching = answers.getOrDefault(search, List.of()).stream()
                .filter(b -> filters.severity() == null || String.valueOf(b.severity()).equals(filters.severity())).toList();
        int from = Math.min(matching.size(), (filters.page() - 1) * PAGE_SIZE);
        List<Bug> page = matching.subList(from, Math.min(matching.size(), from + PAGE_SIZE));
        int last = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        return new BugPage(page, new Page(filters.page(), last, page.size(), matching.size()));
    }
}
