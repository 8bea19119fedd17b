package dev.ciscosupport.mcp.tools;

import static dev.ciscosupport.mcp.tools.Schemas.arrayOf;
import static dev.ciscosupport.mcp.tools.Schemas.enumOf;
import static dev.ciscosupport.mcp.tools.Schemas.integer;
import static dev.ciscosupport.mcp.tools.Schemas.listPattern;
import static dev.ciscosupport.mcp.tools.Schemas.object;
import static dev.ciscosupport.mcp.tools.Schemas.orInteger;
import static dev.ciscosupport.mcp.tools.Schemas.strictObject;
import static dev.ciscosupport.mcp.tools.Schemas.string;
import static dev.ciscosupport.mcp.tools.Schemas.type;

import dev.ciscosupport.mcp.cisco.IdFormat;
import dev.ciscosupport.mcp.cisco.bug.Bug;
import dev.ciscosupport.mcp.cisco.bug.BugApi.ReleaseKind;
import dev.ciscosupport.mcp.cisco.bug.BugApi;
import dev.ciscosupport.mcp.cisco.bug.BugDetails;
import dev.ciscosupport.mcp.cisco.bug.BugFilters;
import dev.ciscosupport.mcp.cisco.bug.BugPage;
import dev.ciscosupport.mcp.cisco.bug.Releases;
import dev.ciscosupport.mcp.format.BugFormat;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
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
    private static final String FILTERS_NOTE = " Cisco searches the last 30 days unless modified_date=5.";

    private final BugApi api;
    private final ToolContext context;

    BugTools(BugApi api, ToolContext context) {
        this.api = api;
        this.context = context;
    }

    List<SyncToolSpecification> specifications() {
        return List.of(
                tool("get_bug_details", "Get Bug Details",
                        "Cisco bugs by ID (e.g. CSCvt43974): symptom, conditions, workaround, severity, status,"
                                + " affected and fixed releases. Up to " + BugApi.MAX_IDS + " IDs.",
                        strictObject(Schemas.properties(Map.entry("bug_ids", string(
                                "Comma-separated Cisco bug IDs (CSC, two letters, five digits), e.g. CSCvt43974,CSCvx27079.",
                                listPattern(IdFormat.BUG_ID.regex()), BugApi.MAX_IDS * 12))), List.of("bug_ids")),
                        detailsOutputSchema(), this::details),
                tool("search_bugs_by_keyword", "Search Bugs by Keyword",
                        "Cisco bugs whose text has every word, e.g. \"memory leak BGP\" (product IDs: by_product_id)."
                                + FILTERS_NOTE,
                        searchSchema(Map.of("keyword", string("Search words, up to 50 characters (Cisco's limit).",
                                "^" + IdFormat.KEYWORD.regex() + "$", IdFormat.KEYWORD.maxLength())), List.of("keyword")),
                        searchOutputSchema(),
                        args -> search("search_bugs_by_keyword", "keyword \"" + args.required("keyword").strip() + "\"",
                                args, f -> api.in(args.call()).byKeyword(args.required("keyword"), f))),
                tool("search_bugs_by_product_id", "Search Bugs by Product ID",
                        "Cisco bugs of a base product ID, e.g. C9300-24T." + FILTERS_NOTE,
                        searchSchema(Map.of("base_pid", pid()), List.of("base_pid")), searchOutputSchema(),
                        args -> search("search_bugs_by_product_id", "product ID " + args.required("base_pid").strip(),
                                args, f -> api.in(args.call()).byProductId(args.required("base_pid"), f))),
                tool("search_bugs_by_product_and_release", "Search Bugs by Product ID and Releases",
                        "Cisco bugs of a base product ID in releases (all in one call)." + FILTERS_NOTE,
                        searchSchema(Map.of("base_pid", pid(), "software_releases", releases("software_releases")),
                                List.of("base_pid", "software_releases")),
                        searchOutputSchema(),
                        args -> releaseSearch("search_bugs_by_product_and_release", "product ID "
                                + args.required("base_pid").strip(), "software_releases", args,
                                (rels, f) -> api.in(args.call()).byProductIdAndReleases(args.required("base_pid"), "software_releases",
                                        rels, f))),
                namedTool("search_bugs_by_product_series_affected", "Search Bugs by Product Series (Affected)",
                        "product_series", "affected_releases", ReleaseKind.AFFECTED,
                        "Cisco bugs of a product series (e.g. Cisco Catalyst 9300 Series Switches) affecting releases."),
                namedTool("search_bugs_by_product_series_fixed", "Search Bugs by Product Series (Fixed)",
                        "product_series", "fixed_releases", ReleaseKind.FIXED,
                        "Cisco bugs of a product series (e.g. Cisco Catalyst 9300 Series Switches) fixed in releases."),
                namedTool("search_bugs_by_product_name_affected", "Search Bugs by Product Name (Affected)",
                        "product_name", "affected_releases", ReleaseKind.AFFECTED,
                        "Cisco bugs of a full product name (e.g. Cisco Unified Communications Manager (CallManager))"
                                + " affecting releases."),
                namedTool("search_bugs_by_product_name_fixed", "Search Bugs by Product Name (Fixed)",
                        "product_name", "fixed_releases", ReleaseKind.FIXED,
                        "Cisco bugs of a full product name (e.g. Cisco Unified Communications Manager (CallManager))"
                                + " fixed in releases."));
    }

    private SyncToolSpecification namedTool(String name, String title, String nameParameter, String releaseParameter,
            ReleaseKind kind, String description) {
        boolean series = nameParameter.equals("product_series");
        return tool(name, title, description + FILTERS_NOTE,
                searchSchema(Map.of(nameParameter, string(series ? "Product series name, as Cisco spells it."
                        : "Full product name, as Cisco spells it.", "^" + IdFormat.PRODUCT_NAME.regex() + "$",
                        IdFormat.PRODUCT_NAME.maxLength()), releaseParameter, releases(releaseParameter)),
                        List.of(nameParameter, releaseParameter)),
                searchOutputSchema(),
                args -> releaseSearch(name, (series ? "product series \"" : "product name \"")
                        + args.required(nameParameter).strip() + "\"", releaseParameter, args,
                        (rels, f) -> series
                                ? api.in(args.call()).byProductSeries(args.required(nameParameter), kind, releaseParameter, rels, f)
                                : api.in(args.call()).byProductName(args.required(nameParameter), kind, releaseParameter, rels, f)));
    }

    private SyncToolSpecification tool(String name, String title, String description, Map<String, Object> input,
            Map<String, Object> output, Function<ToolArguments, ToolOutput> body) {
        return ToolHandlers.readOnly(name, title, description, input, output, context, body);
    }

    private ToolOutput details(ToolArguments args) {
        BugDetails found = api.in(args.call()).details("bug_ids", args.requiredList("bug_ids"));
        StringBuilder text = new StringBuilder();
        text.append(found.bugs().size()).append(found.bugs().size() == 1 ? " bug" : " bugs").append(" found");
        if (!found.notFound().isEmpty()) {
            text.append("; not found: ").append(String.join(", ", found.notFound()));
        }
        text.append('.');
        for (Bug bug : found.bugs()) {
            text.append("\n\n").append(BugFormat.detail(bug));
        }
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("bugs", found.bugs().stream().map(BugFormat::structured).toList());
        structured.put("not_found", found.notFound());
        structured.put("cisco_calls", found.ciscoCalls());
        return new ToolOutput(text.toString(), structured);
    }

    private interface ReleaseSearch {
        BugPage run(List<String> releases, BugFilters filters);
    }

    private ToolOutput releaseSearch(String tool, String subject, String releaseParameter, ToolArguments args,
            ReleaseSearch search) {
        List<String> asked = args.requiredList(releaseParameter);
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

    private ToolOutput search(String tool, String subject, ToolArguments args, Function<BugFilters, BugPage> search) {
        BugFilters filters = new BugFilters(args.optionalInteger("page_index"), args.optional("status"),
                args.optional("severity"), args.optional("modified_date"), args.optional("sort_by"));
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
        if (result.page().hasNext()) {
            text.append("\nMore: call ").append(tool).append(" with the same arguments and page_index=")
                    .append(result.page().index() + 1).append('.');
        }
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
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("search", searchInfo);
        structured.put("page", BugFormat.structuredPage(result.page()));
        structured.put("bugs", result.bugs().stream().map(BugFormat::structured).toList());
        return new ToolOutput(text.toString(), structured);
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

    private static Map<String, Object> pid() {
        return string("Base product ID, e.g. C9300-24T or ISR4431/K9.", "^" + IdFormat.PRODUCT_ID.regex() + "$",
                IdFormat.PRODUCT_ID.maxLength());
    }

    private static Map<String, Object> releases(String name) {
        return string("Releases, comma-separated (up to 75), e.g. 17.9.4a,15.2(7)E8.",
                listPattern(IdFormat.RELEASE.regex()), BugApi.MAX_RELEASES * 42);
    }

    private static Map<String, Object> searchSchema(Map<String, Object> specific, List<String> required) {
        Map<String, Object> properties = new LinkedHashMap<>();
        required.forEach(name -> properties.put(name, specific.get(name)));
        properties.put("page_index", integer("10 a page.", 1, 10_000));
        properties.put("status", enumOf(null, BugFilters.STATUSES));
        properties.put("severity", orInteger(enumOf("1 (highest) to 6; one per call.", BugFilters.SEVERITIES)));
        properties.put("modified_date", orInteger(enumOf("1 week, 2 month (default), 3 half year, 4 year, 5 all.", BugFilters.MODIFIED_DATES)));
        properties.put("sort_by", enumOf(null, BugFilters.SORTS));
        return strictObject(properties, required);
    }

    private static Map<String, Object> bugItemSchema(boolean withDescription) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (String s : List.of("bug_id", "headline", "status", "last_modified_date", "product", "url")) {
            props.put(s, type("string"));
        }
        props.put("severity", type("integer"));
        props.put("support_case_count", type("integer"));
        props.put("affected_releases", arrayOf(type("string")));
        props.put("fixed_releases", arrayOf(type("string")));
        if (withDescription) {
            for (String s : List.of("description", "created_date", "duplicate_of", "behavior_changed")) {
                props.put(s, type("string"));
            }
        }
        return object(props, List.of("bug_id", "headline", "severity", "status", "url"));
    }

    private static Map<String, Object> searchOutputSchema() {
        Map<String, Object> page = object(Schemas.properties(
                Map.entry("page_index", type("integer")), Map.entry("last_page", type("integer")),
                Map.entry("on_this_page", type("integer")), Map.entry("total_records", type("integer")),
                Map.entry("next_page_index", type("integer"))),
                List.of("page_index", "last_page", "on_this_page", "total_records"));
        Map<String, Object> search = object(Schemas.properties(
                Map.entry("subject", type("string")), Map.entry("modified_date", type("string")),
                Map.entry("period", type("string")), Map.entry("status", type("string")),
                Map.entry("severity", type("string")), Map.entry("sort_by", type("string"))),
                List.of("subject", "modified_date", "period"));
        return object(Schemas.properties(Schemas.source(), Schemas.cache(), Map.entry("search", search), Map.entry("page", page),
                Map.entry("bugs", arrayOf(bugItemSchema(false)))), List.of("source", "search", "page", "bugs"));
    }

    private static Map<String, Object> detailsOutputSchema() {
        return object(Schemas.properties(Schemas.source(), Schemas.cache(), Map.entry("bugs", arrayOf(bugItemSchema(true))),
                Map.entry("not_found", arrayOf(type("string"))), Map.entry("cisco_calls", type("integer"))),
                List.of("source", "bugs", "not_found", "cisco_calls"));
    }
}
