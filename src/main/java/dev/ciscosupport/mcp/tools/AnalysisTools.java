package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.analysis.BroadeningSearch;
import dev.ciscosupport.mcp.analysis.BugSearches;
import dev.ciscosupport.mcp.analysis.Keywords;
import dev.ciscosupport.mcp.analysis.SeveritySweep;
import dev.ciscosupport.mcp.cisco.bug.Bug;
import dev.ciscosupport.mcp.cisco.bug.BugApi;
import dev.ciscosupport.mcp.cisco.bug.BugFilters;
import dev.ciscosupport.mcp.cisco.bug.BugPage;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.eox.EoxApi;
import dev.ciscosupport.mcp.cisco.product.ProductInfoApi;
import dev.ciscosupport.mcp.cisco.psirt.PsirtApi;
import dev.ciscosupport.mcp.cisco.software.SoftwareApi;
import dev.ciscosupport.mcp.config.ToolSelection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The TypeScript server's analysis tools, made real (anchor §3.2): each is built on Cisco calls, with a
 * bounded fan-out stated in its result, and progress sent after each Cisco answer.
 */
final class AnalysisTools {
    /** What the Bug API calls the inputs multi_severity_search passes on, and what the tool calls them. */
    private static final Map<String, String> SEARCH_TERM_AND_VERSION = Map.of("keyword", "search_term",
            "base_pid", "search_term", "product_series", "search_term", "software_releases", "version",
            "affected_releases", "version");
    private final BugApi bugs;
    private final VersionComparison comparison;
    private final ProductNames names;
    private final ProgressiveSearch progressive;
    private final ComprehensiveAnalysis comprehensive;
    private final ToolContext context;

    AnalysisTools(BugApi bugs, Optional<PsirtApi> psirt, Optional<EoxApi> eox, Optional<SoftwareApi> software,
            Optional<ProductInfoApi> products, ToolContext context) {
        this.bugs = bugs;
        this.comparison = new VersionComparison(bugs, psirt, eox, software);
        this.names = new ProductNames(products, eox);
        this.progressive = new ProgressiveSearch(bugs);
        this.comprehensive = new ComprehensiveAnalysis(names, progressive, comparison);
        this.context = context;
    }

    /** The analysis tools, the sampling tools, or both, as {@code SUPPORT_API} selects. */
    List<ToolDefinition> definitions(Set<ToolSelection.BugTools> groups) {
        List<ToolDefinition> out = new java.util.ArrayList<>();
        if (groups.contains(ToolSelection.BugTools.ANALYSIS)) {
            out.addAll(analysis());
        }
        if (groups.contains(ToolSelection.BugTools.SAMPLING)) {
            out.addAll(new SamplingTools(bugs, comparison, context).definitions());
        }
        return out;
    }

    private List<ToolDefinition> analysis() {
        List<ToolDefinition> all = new java.util.ArrayList<>(List.of(
                TypedTool.readOnly("compare_software_versions", "Compare Software Versions",
                        "Two versions of one product: bugs (severity 1 to max_severity) in only A, only B or both;"
                                + " advisories for each; EoX dates; suggested release. At most " + VersionComparison.CALL_BUDGET
                                + " Cisco calls.",
                        VersionComparison.Versions.class, VersionComparison.Comparison.class, context, comparison::compare),
                TypedTool.readOnly("multi_severity_search", "Multi-Severity Search",
                        "Bugs of severity 1 to max_severity, one Cisco call per severity, merged, with each total.",
                        MultiSeverity.class, Breakdown.class, context, this::multiSeverity),
                TypedTool.readOnly("smart_search_strategy", "Smart Search Strategy",
                        "Plans the tool calls (with arguments) that answer a question from the IDs, versions and"
                                + " severities in it. No Cisco call.",
                        SearchPlanner.Question.class, SearchPlanner.Plan.class, context,
                        (args, call) -> SearchPlanner.plan(args)),
                TypedTool.readOnly("comprehensive_analysis", "Comprehensive Analysis",
                        "One product (and version) from every enabled API: what it is, its bugs, the advisories for the"
                                + " version, EoX dates, suggested release. At most " + ComprehensiveAnalysis.CALL_BUDGET
                                + " Cisco calls.",
                        ComprehensiveAnalysis.Subject.class, ComprehensiveAnalysis.Analysis.class, context,
                        comprehensive::analyze),
                TypedTool.readOnly("progressive_bug_search", "Progressive Bug Search",
                        "Bug searches from the most specific to the broadest (product ID and version, product ID, family,"
                                + " words), stopping at " + BroadeningSearch.ENOUGH + " bugs. At most "
                                + ProgressiveSearch.CALL_BUDGET + " Cisco calls.",
                        ProgressiveSearch.Terms.class, ProgressiveSearch.Progress.class, context, progressive::search),
                TypedTool.readOnlyWithClient("product_name_resolver", "Product Name Resolver",
                        "Name, series and support page of a product ID, and the calls to make next. A partial ID"
                                + " (C9300-24) is matched; the user picks when several match (elicitation).",
                        ProductNames.Product.class, ProductNames.Resolved.class, context, names::resolve)));
        return all;
    }

    /** The TypeScript server's way to pass the other bug filters; taken as it did. */
    record MoreFilters(
            @Arg(value = "1 = last 7 days ... 5 = all dates (default here: 5).", orWholeNumber = true) String modifiedDate,
            @Arg("O, F or T.") BugFilters.Status status) {
    }

    /** {@code multi_severity_search}'s arguments. */
    record MultiSeverity(
            @Arg(value = "Keyword, base product ID or product series, per search_type.", required = true,
                    pattern = "^.{1,200}$", maxLength = 200) String searchTerm,
            @Arg(value = "How to search: keyword, product_id or product_series.", required = true,
                    choices = {"keyword", "product_id", "product_series"}) String searchType,
            @Arg(value = "Highest severity to include, 1-6 (default 3).", minimum = 1, maximum = 6) Integer maxSeverity,
            @Arg(value = "Software version (required for product_series), e.g. 17.9.4.", maxLength = 40) String version,
            MoreFilters additionalParams) {
    }

    /** Each severity's total, the bugs merged, and the calls (one per severity). */
    record Breakdown(Map<String, Object> severityBreakdown, List<Map<String, Object>> bugs, int ciscoCalls) {
    }

    private TypedTool.Answer<Breakdown> multiSeverity(MultiSeverity args, CallContext call) {
        String term = args.searchTerm().strip();
        String type = args.searchType();
        int maxSeverity = args.maxSeverity() == null ? 3 : args.maxSeverity();
        String version = args.version();
        if (type.equals("product_series") && version == null) {
            throw new CiscoException.InvalidInput("search_type product_series needs version (the release the bugs affect).");
        }
        MoreFilters more = args.additionalParams() == null ? new MoreFilters(null, null) : args.additionalParams();
        String modified = more.modifiedDate() == null ? "5" : more.modifiedDate();
        String status = more.status() == null ? null : more.status().name();
        String keyword = type.equals("keyword") ? Keywords.fit(version == null ? term : term + " " + version) : term;
        StringBuilder text = new StringBuilder("Bugs for " + type.replace('_', ' ') + " \"" + term + "\""
                + (version == null ? "" : " in " + version) + ", severity 1 to " + maxSeverity
                + (modified.equals("5") ? " (all dates)" : " (modified_date " + modified + ")")
                + (status == null ? "" : ", status " + status) + ":\n");
        if (type.equals("keyword") && !keyword.equals(version == null ? term : term + " " + version)) {
            text.append("Cisco takes keywords of up to 50 characters; searched for \"").append(keyword).append("\".\n");
        }
        BugSearches bugs = BugSearches.of(this.bugs.in(call));
        Function<BugFilters, BugPage> search = switch (type) {
            case "keyword" -> filters -> bugs.byKeyword(keyword, filters);
            case "product_id" -> version == null ? filters -> bugs.byProductId(term, filters)
                    : filters -> bugs.byProductIdAndRelease(term, version, filters);
            default -> filters -> bugs.bySeriesAffecting(term, version, filters);
        };
        SeveritySweep.Result sweep = Renamed.call(SEARCH_TERM_AND_VERSION,
                () -> SeveritySweep.run(search, maxSeverity, status, modified));
        Map<String, Object> breakdown = new LinkedHashMap<>();
        sweep.totals().forEach((severity, total) -> {
            breakdown.put(String.valueOf(severity), total);
            text.append("  severity ").append(severity).append(": ").append(total).append(" bugs\n");
        });
        List<Map<String, Object>> items = sweep.merged().stream().map(b -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("bug_id", b.bugId());
            item.put("severity", b.severity());
            item.put("status", b.status());
            item.put("headline", b.headline());
            item.put("fixed_releases", b.fixedReleases());
            return item;
        }).toList();
        sweep.merged().forEach(b -> text.append(b.bugId()).append(" | sev ").append(b.severity()).append(" | ")
                .append(b.headline()).append('\n'));
        return new TypedTool.Answer<>(text.append("Cisco calls: ").append(maxSeverity).append(" (one per severity).")
                .toString(), new Breakdown(breakdown, items, maxSeverity));
    }
}
