package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.bug.Bug;
import dev.ciscosupport.mcp.cisco.bug.BugApi.ReleaseKind;
import dev.ciscosupport.mcp.cisco.bug.BugApi;
import dev.ciscosupport.mcp.cisco.bug.BugDetails;
import dev.ciscosupport.mcp.cisco.bug.BugFilters;
import dev.ciscosupport.mcp.cisco.bug.BugPage;
import dev.ciscosupport.mcp.cisco.bug.Releases;
import dev.ciscosupport.mcp.format.BugFormat;
import dev.ciscosupport.mcp.format.PageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The eight Bug API tools, with the names and parameters of the TypeScript server so existing prompts
 * keep working. Unlike that server, searches keep Cisco's own defaults (bugs modified in the last 30
 * days) unless the caller asks otherwise, and every result says which period it covers.
 */
final class BugTools {
    /** Cisco's path says fixed_in_releases; these tools' parameter (the TypeScript server's) is fixed_releases. */
    private static final Map<String, String> FIXED_RELEASES = Map.of("fixed_in_releases", "fixed_releases");
    private static final String FILTERS_NOTE = " Cisco searches the last 30 days unless modified_date=5.";

    private final BugApi api;
    private final ToolContext context;

    BugTools(BugApi api, ToolContext context) {
        this.api = api;
        this.context = context;
    }

    private static final String SEVERITY = "1 (highest) to 6; one per call.";
    private static final String MODIFIED = "1 week, 2 month (default), 3 half year, 4 year, 5 all.";
    private static final String PID = "Base product ID, e.g. C9300-24T or ISR4431/K9.";
    private static final String RELEASES = "Releases, comma-separated (up to 75), e.g. 17.9.4a,15.2(7)E8.";
    private static final String SERIES = "Product series name, as Cisco spells it.";
    private static final String NAME = "Full product name, as Cisco spells it.";

    /** {@code get_bug_details}' arguments. */
    record Details(
            @Arg(value = "Comma-separated Cisco bug IDs (CSC, two letters, five digits), e.g. CSCvt43974,CSCvx27079.",
                    required = true) String bugIds) {
    }

    /** The filters every search takes (Cisco's own defaults apply to those not given). */
    interface Filtered {
        Integer pageIndex();

        BugFilters.Status status();

        String severity();

        String modifiedDate();

        BugFilters.Sort sortBy();

        default BugFilters filters() {
            return new BugFilters(pageIndex(), status() == null ? null : status().name(), severity(), modifiedDate(),
                    sortBy() == null ? null : sortBy().toString());
        }
    }

    /** A search in releases: the releases, whatever their argument is called. */
    interface InReleases extends Filtered {
        /** The comma-separated releases. */
        String releases();
    }

    /** {@code search_bugs_by_keyword}'s arguments. */
    record ByKeyword(
            @Arg(value = "Search words, up to 50 characters (Cisco's limit).", required = true, maxLength = 50) String keyword,
            @Arg(value = "10 a page.", minimum = 1, maximum = 10_000) Integer pageIndex,
            BugFilters.Status status,
            @Arg(value = SEVERITY, orWholeNumber = true) String severity,
            @Arg(value = MODIFIED, orWholeNumber = true) String modifiedDate,
            BugFilters.Sort sortBy) implements Filtered {
    }

    /** {@code search_bugs_by_product_id}'s arguments. */
    record ByProductId(
            @Arg(value = PID, required = true, maxLength = 50) String basePid,
            @Arg(value = "10 a page.", minimum = 1, maximum = 10_000) Integer pageIndex,
            BugFilters.Status status,
            @Arg(value = SEVERITY, orWholeNumber = true) String severity,
            @Arg(value = MODIFIED, orWholeNumber = true) String modifiedDate,
            BugFilters.Sort sortBy) implements Filtered {
    }

    /** {@code search_bugs_by_product_and_release}'s arguments. */
    record ByProductAndRelease(
            @Arg(value = PID, required = true, maxLength = 50) String basePid,
            @Arg(value = RELEASES, required = true) String softwareReleases,
            @Arg(value = "10 a page.", minimum = 1, maximum = 10_000) Integer pageIndex,
            BugFilters.Status status,
            @Arg(value = SEVERITY, orWholeNumber = true) String severity,
            @Arg(value = MODIFIED, orWholeNumber = true) String modifiedDate,
            BugFilters.Sort sortBy) implements InReleases {
        @Override
        public String releases() {
            return softwareReleases;
        }
    }

    /** {@code search_bugs_by_product_series_affected}'s arguments. */
    record BySeriesAffected(
            @Arg(value = SERIES, required = true, maxLength = 100) String productSeries,
            @Arg(value = RELEASES, required = true) String affectedReleases,
            @Arg(value = "10 a page.", minimum = 1, maximum = 10_000) Integer pageIndex,
            BugFilters.Status status,
            @Arg(value = SEVERITY, orWholeNumber = true) String severity,
            @Arg(value = MODIFIED, orWholeNumber = true) String modifiedDate,
            BugFilters.Sort sortBy) implements InReleases {
        @Override
        public String releases() {
            return affectedReleases;
        }
    }

    /** {@code search_bugs_by_product_series_fixed}'s arguments. */
    record BySeriesFixed(
            @Arg(value = SERIES, required = true, maxLength = 100) String productSeries,
            @Arg(value = RELEASES, required = true) String fixedReleases,
            @Arg(value = "10 a page.", minimum = 1, maximum = 10_000) Integer pageIndex,
            BugFilters.Status status,
            @Arg(value = SEVERITY, orWholeNumber = true) String severity,
            @Arg(value = MODIFIED, orWholeNumber = true) String modifiedDate,
            BugFilters.Sort sortBy) implements InReleases {
        @Override
        public String releases() {
            return fixedReleases;
        }
    }

    /** {@code search_bugs_by_product_name_affected}'s arguments. */
    record ByNameAffected(
            @Arg(value = NAME, required = true, maxLength = 100) String productName,
            @Arg(value = RELEASES, required = true) String affectedReleases,
            @Arg(value = "10 a page.", minimum = 1, maximum = 10_000) Integer pageIndex,
            BugFilters.Status status,
            @Arg(value = SEVERITY, orWholeNumber = true) String severity,
            @Arg(value = MODIFIED, orWholeNumber = true) String modifiedDate,
            BugFilters.Sort sortBy) implements InReleases {
        @Override
        public String releases() {
            return affectedReleases;
        }
    }

    /** {@code search_bugs_by_product_name_fixed}'s arguments. */
    record ByNameFixed(
            @Arg(value = NAME, required = true, maxLength = 100) String productName,
            @Arg(value = RELEASES, required = true) String fixedReleases,
            @Arg(value = "10 a page.", minimum = 1, maximum = 10_000) Integer pageIndex,
            BugFilters.Status status,
            @Arg(value = SEVERITY, orWholeNumber = true) String severity,
            @Arg(value = MODIFIED, orWholeNumber = true) String modifiedDate,
            BugFilters.Sort sortBy) implements InReleases {
        @Override
        public String releases() {
            return fixedReleases;
        }
    }

    /** What {@code get_bug_details} answers. */
    record Found(List<Map<String, Object>> bugs, List<String> notFound, int ciscoCalls) {
    }

    /** What every search answers: what was searched, the page, the bugs. */
    record Searched(Map<String, Object> search, Map<String, Object> page, List<Map<String, Object>> bugs) {
    }

    List<ToolDefinition> definitions() {
        return List.of(
                TypedTool.readOnly("get_bug_details", "Get Bug Details",
                        "Cisco bugs by ID (e.g. CSCvt43974): symptom, conditions, workaround, severity, status,"
                                + " affected and fixed releases. Up to " + BugApi.MAX_IDS + " IDs.",
                        Details.class, Found.class, context, (args, call) -> details(args, api.in(call))),
                search("search_bugs_by_keyword", "Search Bugs by Keyword",
                        "Cisco bugs whose text has every word, e.g. \"memory leak BGP\" (product IDs: by_product_id)."
                                + FILTERS_NOTE, ByKeyword.class,
                        (args, api) -> search("search_bugs_by_keyword", "keyword \"" + args.keyword().strip() + "\"",
                                args, f -> api.byKeyword(args.keyword(), f))),
                search("search_bugs_by_product_id", "Search Bugs by Product ID",
                        "Cisco bugs of a base product ID, e.g. C9300-24T." + FILTERS_NOTE, ByProductId.class,
                        (args, api) -> search("search_bugs_by_product_id", "product ID " + args.basePid().strip(),
                                args, f -> api.byProductId(args.basePid(), f))),
                search("search_bugs_by_product_and_release", "Search Bugs by Product ID and Releases",
                        "Cisco bugs of a base product ID in releases (all in one call)." + FILTERS_NOTE,
                        ByProductAndRelease.class, (args, api) -> releaseSearch("search_bugs_by_product_and_release",
                                "product ID " + args.basePid().strip(), args, (rels, f) -> api.byProductIdAndReleases(
                                        args.basePid(), rels, f))),
                search("search_bugs_by_product_series_affected", "Search Bugs by Product Series (Affected)",
                        "Cisco bugs of a product series (e.g. Cisco Catalyst 9300 Series Switches) affecting releases."
                                + FILTERS_NOTE, BySeriesAffected.class, (args, api) -> releaseSearch(
                                "search_bugs_by_product_series_affected", "product series \"" + args.productSeries().strip()
                                        + "\"", args, (rels, f) -> api.byProductSeries(args.productSeries(),
                                        ReleaseKind.AFFECTED, rels, f))),
                search("search_bugs_by_product_series_fixed", "Search Bugs by Product Series (Fixed)",
                        "Cisco bugs of a product series (e.g. Cisco Catalyst 9300 Series Switches) fixed in releases."
                                + FILTERS_NOTE, BySeriesFixed.class, (args, api) -> releaseSearch(
                                "search_bugs_by_product_series_fixed", "product series \"" + args.productSeries().strip()
                                        + "\"", args, (rels, f) -> Renamed.call(FIXED_RELEASES,
                                        () -> api.byProductSeries(args.productSeries(), ReleaseKind.FIXED, rels, f)))),
                search("search_bugs_by_product_name_affected", "Search Bugs by Product Name (Affected)",
                        "Cisco bugs of a full product name (e.g. Cisco Unified Communications Manager (CallManager))"
                                + " affecting releases." + FILTERS_NOTE, ByNameAffected.class, (args, api) -> releaseSearch(
                                "search_bugs_by_product_name_affected", "product name \"" + args.productName().strip()
                                        + "\"", args, (rels, f) -> api.byProductName(args.productName(),
                                        ReleaseKind.AFFECTED, rels, f))),
                search("search_bugs_by_product_name_fixed", "Search Bugs by Product Name (Fixed)",
                        "Cisco bugs of a full product name (e.g. Cisco Unified Communications Manager (CallManager))"
                                + " fixed in releases." + FILTERS_NOTE, ByNameFixed.class, (args, api) -> releaseSearch(
                                "search_bugs_by_product_name_fixed", "product name \"" + args.productName().strip()
                                        + "\"", args, (rels, f) -> Renamed.call(FIXED_RELEASES,
                                        () -> api.byProductName(args.productName(), ReleaseKind.FIXED, rels, f)))));
    }

    /** A search's work, with the API already bound to its call. */
    @FunctionalInterface
    private interface Body<A extends Record> {
        TypedTool.Answer<Searched> answer(A arguments, BugApi api);
    }

    private <A extends Record & Filtered> ToolDefinition search(String name, String title, String description,
            Class<A> arguments, Body<A> body) {
        return TypedTool.readOnly(name, title, description, arguments, Searched.class, context,
                (args, call) -> body.answer(args, api.in(call)));
    }

    private static TypedTool.Answer<Found> details(Details args, BugApi api) {
        BugDetails found = api.details(RecordArguments.items(args.bugIds()));
        StringBuilder text = new StringBuilder();
        text.append(found.bugs().size()).append(found.bugs().size() == 1 ? " bug" : " bugs").append(" found");
        if (!found.notFound().isEmpty()) {
            text.append("; not found: ").append(String.join(", ", found.notFound()));
        }
        text.append('.');
        for (Bug bug : found.bugs()) {
            text.append("\n\n").append(BugFormat.detail(bug));
        }
        return new TypedTool.Answer<>(text.toString(), new Found(found.bugs().stream().map(BugFormat::structured).toList(),
                found.notFound(), found.ciscoCalls()));
    }

    private interface ReleaseSearch {
        BugPage run(List<String> releases, BugFilters filters);
    }

    private static TypedTool.Answer<Searched> releaseSearch(String tool, String subject, InReleases args,
            ReleaseSearch search) {
        List<String> asked = RecordArguments.items(args.releases());
        List<String> searched = asked.stream().map(Releases::normalize).toList();
        List<String> rewritten = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            if (!asked.get(i).equals(searched.get(i))) {
                rewritten.add(asked.get(i) + " as " + searched.get(i));
            }
        }
        String releasesText = " in releases " + String.join(", ", searched)
                + (rewritten.isEmpty() ? "" : " (searched " + String.join(", ", rewritten)
                        + ": Cisco's bug database drops leading zeros)");
        return search(tool, subject + releasesText, args, f -> search.run(searched, f));
    }

    private static TypedTool.Answer<Searched> search(String tool, String subject, Filtered args,
            Function<BugFilters, BugPage> search) {
        BugFilters filters = args.filters();
        BugPage result = search.apply(filters);
        String period = period(filters);
        StringBuilder text = new StringBuilder("Bugs for ").append(subject).append(", ").append(period);
        if (filters.status() != null) {
            text.append(", status ").append(BugFormat.statusName(filters.status()));
        }
        if (filters.severity() != null) {
            text.append(", severity ").append(filters.severity());
        }
        text.append(".\n").append(BugFormat.pageLine(result.page()));
        for (Bug bug : result.bugs()) {
            text.append("\n").append(BugFormat.summary(bug));
            String symptom = BugFormat.symptom(bug);
            if (!symptom.isEmpty()) {
                text.append("\n  symptom: ").append(symptom);
            }
        }
        text.append(PageFormat.more(tool, result.page()));
        if (result.page().total() == 0 && filters.modifiedDate() == null) {
            text.append("\nOnly the last 30 days were searched; pass modified_date=5 to search all dates.");
        }
        Map<String, Object> searchInfo = new LinkedHashMap<>();
        searchInfo.put("subject", subject);
        searchInfo.put("modified_date", filters.effectiveModifiedDate());
        searchInfo.put("period", period);
        if (filters.status() != null) {
            searchInfo.put("status", filters.status());
        }
        if (filters.severity() != null) {
            searchInfo.put("severity", filters.severity());
        }
        if (filters.sortBy() != null) {
            searchInfo.put("sort_by", filters.sortBy());
        }
        return new TypedTool.Answer<>(text.toString(), new Searched(searchInfo, PageFormat.structured(result.page()),
                result.bugs().stream().map(BugFormat::structured).toList()));
    }

    private static String period(BugFilters filters) {
        String period = switch (filters.effectiveModifiedDate()) {
            case "1" -> "modified in the last 7 days";
            case "2" -> "modified in the last 30 days";
            case "3" -> "modified in the last 6 months";
            case "4" -> "modified in the last year";
            default -> "all modification dates";
        };
        return filters.modifiedDate() == null ? period + " (Cisco's default; modified_date=5 searches all dates)" : period;
    }
}
