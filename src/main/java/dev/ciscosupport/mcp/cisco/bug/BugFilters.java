package dev.ciscosupport.mcp.cisco.bug;

import dev.ciscosupport.mcp.cisco.call.CiscoException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional filters every Bug API search takes. A null field is not sent, so Cisco's own default
 * applies: all statuses and severities, {@code modified_date=2} (last 30 days), sorted by
 * {@code modified_date}, page 1.
 */
public record BugFilters(Integer pageIndex, String status, String severity, String modifiedDate, String sortBy) {
    /** Open, fixed, terminated. */
    public enum Status {
        O, F, T
    }

    /** The orders Cisco sorts search results in. */
    public enum Sort {
        STATUS, MODIFIED_DATE, SEVERITY, SUPPORT_CASE_COUNT, MODIFIED_DATE_EARLIEST;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final List<String> STATUSES = java.util.Arrays.stream(Status.values()).map(Enum::name).toList();
    public static final List<String> SEVERITIES = List.of("1", "2", "3", "4", "5", "6");
    public static final List<String> MODIFIED_DATES = List.of("1", "2", "3", "4", "5");
    public static final List<String> SORTS = java.util.Arrays.stream(Sort.values()).map(String::valueOf).toList();
    /** Cisco's default for {@code modified_date}: bugs modified in the last 30 days. */
    public static final String CISCO_DEFAULT_MODIFIED_DATE = "2";
    public static final BugFilters NONE = new BugFilters(null, null, null, null, null);

    public BugFilters {
        if (pageIndex != null && pageIndex < 1) {
            throw CiscoException.InvalidInput.of("page_index", name -> name + " must be 1 or more (got " + pageIndex + ").");
        }
        checkOneOf("status", status, STATUSES);
        checkOneOf("severity", severity, SEVERITIES);
        checkOneOf("modified_date", modifiedDate, MODIFIED_DATES);
        checkOneOf("sort_by", sortBy, SORTS);
    }

    /** The page to ask for: Cisco's pages start at 1. */
    public int page() {
        return pageIndex == null ? 1 : pageIndex;
    }

    /** The period the search covers, as Cisco applies it. */
    public String effectiveModifiedDate() {
        return modifiedDate == null ? CISCO_DEFAULT_MODIFIED_DATE : modifiedDate;
    }

    public BugFilters withPage(int page) {
        return new BugFilters(page, status, severity, modifiedDate, sortBy);
    }

    Map<String, String> query() {
        Map<String, String> q = new LinkedHashMap<>();
        if (pageIndex != null) {
            q.put("page_index", pageIndex.toString());
        }
        putIfSet(q, "status", status);
        putIfSet(q, "severity", severity);
        putIfSet(q, "modified_date", modifiedDate);
        putIfSet(q, "sort_by", sortBy);
        return q;
    }

    private static void putIfSet(Map<String, String> q, String name, String value) {
        if (value != null) {
            q.put(name, value);
        }
    }

    private static void checkOneOf(String input, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw CiscoException.InvalidInput.of(input, name -> name + " must be one of " + String.join(", ", allowed)
                    + " (one value; Cisco does not take lists here).");
        }
    }
}
