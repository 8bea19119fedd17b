package dev.ciscosupport.mcp.cisco.bug;

import dev.ciscosupport.mcp.cisco.Batches;
import dev.ciscosupport.mcp.cisco.CiscoGateway;
import dev.ciscosupport.mcp.cisco.CiscoPath;
import dev.ciscosupport.mcp.cisco.ErrorTexts;
import dev.ciscosupport.mcp.cisco.IdFormat;
import dev.ciscosupport.mcp.cisco.Page;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.resilience.RecordCache;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Cisco's Bug API v2.0 ({@code /bug/v2.0/bugs}): its eight endpoints, its input limits (5 bug IDs per
 * call, 75 releases, 50-character keywords), and its answers read into {@link Bug} records.
 */
public final class BugApi {
    /** Cisco answers at most 5 bug IDs per call. */
    public static final int IDS_PER_CALL = 5;
    /** Our cap per tool call, so one call cannot turn into dozens of Cisco calls. */
    public static final int MAX_IDS = 50;
    /** Cisco's cap on releases per call. */
    public static final int MAX_RELEASES = 75;
    static final String BASE = "/bug/v2.0/bugs";

    /** Whether a release search matches the releases a bug affects or the ones that fix it. */
    public enum ReleaseKind {
        AFFECTED("affected_releases"), FIXED("fixed_in_releases");

        private final String pathPart;

        ReleaseKind(String pathPart) {
            this.pathPart = pathPart;
        }
    }

    private final CiscoGateway gateway;
    private final CallContext call;

    /** The API for the server's own calls (entitlement probes, completions); {@link #in} gives it for a tool call. */
    public BugApi(CiscoGateway gateway) {
        this(gateway, CallContext.background());
    }

    private BugApi(CiscoGateway gateway, CallContext call) {
        this.gateway = gateway;
        this.call = call;
    }

    /** This API for one tool call: its requests carry the call's caller, listener and cancellation. */
    public BugApi in(CallContext call) {
        return new BugApi(gateway, call);
    }

    /** One cheap call, to learn whether the Cisco app is entitled to this API. */
    public void probe() {
        gateway.getFresh(SupportApi.BUG, CiscoPath.of(BASE).then("bug_ids").value("CSCvt43974").build(), Map.of());
    }

    /** Looks up bugs by ID, 5 per Cisco call, merged in the order asked. Refuses bad IDs as {@code bug_ids}. */
    public BugDetails details(List<String> bugIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(
                bugIds.stream().map(id -> IdFormat.BUG_ID.check("bug_ids", id)).toList()));
        if (ids.isEmpty()) {
            throw CiscoException.InvalidInput.of("bug_ids", name -> name
                    + " is empty; give one or more Cisco bug IDs such as CSCvt43974.");
        }
        if (ids.size() > MAX_IDS) {
            throw CiscoException.InvalidInput.of("bug_ids", name -> name + ": at most " + MAX_IDS + " bug IDs per call"
                    + " (got " + ids.size() + "); split them over several calls.");
        }
        // Bugs fetched lately, alone or among others, are not asked again (the record cache).
        RecordCache.Found<Bug> known = gateway.records().find(call, SupportApi.BUG, "bug", ids, Bug.class);
        RecordCache.report(call, SupportApi.BUG, known);
        Map<String, Bug> found = new LinkedHashMap<>(known.records()); // by Batches.key, as the record cache files them
        List<String> unknown = ids.stream().filter(id -> !found.containsKey(Batches.key(id))).toList();
        int calls = 0;
        for (List<String> batch : Batches.of(unknown, IDS_PER_CALL)) {
            JsonNode body = gateway.get(call, SupportApi.BUG, CiscoPath.of(BASE).then("bug_ids").values(batch).build(), Map.of());
            calls++;
            for (Bug bug : bugs(body)) {
                found.put(Batches.key(bug.bugId()), bug);
                gateway.records().keep(call, SupportApi.BUG, "bug", bug.bugId(), bug);
            }
        }
        List<Bug> ordered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Bug bug = found.get(Batches.key(id));
            if (bug == null) {
                missing.add(id);
            } else {
                ordered.add(bug);
            }
        }
        return new BugDetails(ordered, missing, calls);
    }

    public BugPage byKeyword(String keyword, BugFilters filters) {
        String words = IdFormat.KEYWORD.check("keyword", keyword);
        return search(CiscoPath.of(BASE).then("keyword").value(words), filters);
    }

    public BugPage byProductId(String basePid, BugFilters filters) {
        String pid = IdFormat.PRODUCT_ID.check("base_pid", basePid);
        return search(CiscoPath.of(BASE).then("products").then("product_id").value(pid), filters);
    }

    /** Refuses bad releases as {@code software_releases}, Cisco's name for them here. */
    public BugPage byProductIdAndReleases(String basePid, List<String> releases, BugFilters filters) {
        String pid = IdFormat.PRODUCT_ID.check("base_pid", basePid);
        return search(CiscoPath.of(BASE).then("products").then("product_id").value(pid).then("software_releases")
                .values(releases("software_releases", releases)), filters);
    }

    /** Refuses bad releases as {@code affected_releases} or {@code fixed_releases}, Cisco's names for them. */
    public BugPage byProductSeries(String series, ReleaseKind kind, List<String> releases, BugFilters filters) {
        String name = IdFormat.PRODUCT_NAME.check("product_series", series);
        return search(CiscoPath.of(BASE).then("product_series").value(name).then(kind.pathPart)
                .values(releases(kind.pathPart, releases)), filters);
    }

    /** Refuses bad releases as {@code affected_releases} or {@code fixed_releases}, Cisco's names for them. */
    public BugPage byProductName(String productName, ReleaseKind kind, List<String> releases, BugFilters filters) {
        String name = IdFormat.PRODUCT_NAME.check("product_name", productName);
        return search(CiscoPath.of(BASE).then("product_name").value(name).then(kind.pathPart)
                .values(releases(kind.pathPart, releases)), filters);
    }

    private static List<String> releases(String input, List<String> releases) {
        List<String> checked = new ArrayList<>(new LinkedHashSet<>(
                releases.stream().map(r -> IdFormat.RELEASE.check(input, r)).toList()));
        if (checked.isEmpty()) {
            throw CiscoException.InvalidInput.of(input, name -> name
                    + " is empty; give one or more releases such as 17.9.4a.");
        }
        if (checked.size() > MAX_RELEASES) {
            throw CiscoException.InvalidInput.of(input, name -> name + ": Cisco accepts at most " + MAX_RELEASES
                    + " releases per call (got " + checked.size() + ").");
        }
        return checked;
    }

    private BugPage search(CiscoPath path, BugFilters filters) {
        JsonNode body = gateway.get(call, SupportApi.BUG, path.build(), filters.query());
        JsonNode paging = body.path("pagination_response_record");
        List<Bug> bugs = bugs(body);
        Page page = paging.isObject()
                ? new Page(Json.integer(paging, "page_index", filters.page()), Json.integer(paging, "last_index", 0),
                        Json.integer(paging, "page_records", bugs.size()), Json.integer(paging, "total_records", bugs.size()))
                : new Page(filters.page(), bugs.isEmpty() ? 0 : filters.page(), bugs.size(), bugs.size());
        return new BugPage(bugs, page);
    }

    /** The bugs of a 200 answer; Cisco's "No records found" error inside a 200 is an empty answer. */
    static List<Bug> bugs(JsonNode body) {
        Optional<ErrorTexts.ApiError> error = ErrorTexts.errorResponse(body);
        if (error.isPresent() && !body.path("bugs").isArray()) {
            String summary = error.get().summary();
            if (summary.toLowerCase(Locale.ROOT).contains("no records")) {
                return List.of();
            }
            if (error.get().code().equals("EXCEEDED_OUTPUT")) {
                throw new CiscoException.Rejected("Cisco's Bug API found too many bugs to return (EXCEEDED_OUTPUT);"
                        + " narrow the search with severity, status or modified_date.", "EXCEEDED_OUTPUT");
            }
            throw new CiscoException.Rejected("Cisco's Bug API rejected the request: " + summary + ".", error.get().code());
        }
        List<Bug> bugs = new ArrayList<>();
        for (JsonNode b : body.path("bugs")) {
            bugs.add(new Bug(
                    Json.text(b, "bug_id"),
                    Json.text(b, "headline"),
                    Json.text(b, "description"),
                    Json.integer(b, "severity", 0),
                    Json.text(b, "status"),
                    Json.text(b, "behavior_changed"),
                    Json.text(b, "duplicate_of"),
                    Json.text(b, "created_date"),
                    Json.text(b, "last_modified_date"),
                    Json.text(b, "product"),
                    words(Json.text(b, "known_affected_releases")),
                    words(Json.text(b, "known_fixed_releases")),
                    Json.integer(b, "support_case_count", 0)));
        }
        return bugs;
    }

    /** Cisco's release lists are space-separated. */
    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }
}
