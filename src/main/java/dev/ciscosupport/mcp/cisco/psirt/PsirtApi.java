package dev.ciscosupport.mcp.cisco.psirt;

import dev.ciscosupport.mcp.cisco.CiscoGateway;
import dev.ciscosupport.mcp.cisco.CiscoPath;
import dev.ciscosupport.mcp.cisco.ErrorTexts;
import dev.ciscosupport.mcp.cisco.IdFormat;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.json.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Cisco's PSIRT openVuln API v2 ({@code /security/advisories/v2}): advisories by ID, CVE, bug, severity,
 * year, product, publication dates, and the software checker by OS type and version. An empty answer
 * comes back from Cisco as 404 NO_DATA_FOUND; here it is an empty {@link AdvisoryPage}.
 */
public final class PsirtApi {
    static final String BASE = "/security/advisories/v2";
    /** Cisco's Security Impact Ratings, as openVuln spells them in its paths. */
    public enum Severity {
        CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The OS types of openVuln's software checker, as its paths spell them. */
    public enum OsType {
        ACI, ASA, FMC, FTD, FXOS, IOS, IOSXE, NXOS;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final List<String> SEVERITIES = java.util.Arrays.stream(Severity.values()).map(String::valueOf).toList();
    public static final List<String> OS_TYPES = java.util.Arrays.stream(OsType.values()).map(String::valueOf).toList();
    /** Cisco's codes for "nothing matched", which are answers. */
    private static final Set<String> NOTHING = Set.of("NO_DATA_FOUND", "NO_IOS_AFFECTING_ADVISORIES_FOUND");

    /** Paging as openVuln takes it: both 1 to 100. */
    public record Paging(int pageIndex, int pageSize) {
        public Paging {
            if (pageIndex < 1 || pageIndex > 100) {
                throw CiscoException.InvalidInput.of("page_index", name -> name + " must be from 1 to 100 (Cisco's limit).");
            }
            if (pageSize < 1 || pageSize > 100) {
                throw CiscoException.InvalidInput.of("page_size", name -> name + " must be from 1 to 100 (Cisco's limit).");
            }
        }
    }

    private final CiscoGateway gateway;
    private final CallContext call;

    /** The API for the server's own calls (entitlement probes, completions); {@link #in} gives it for a tool call. */
    public PsirtApi(CiscoGateway gateway) {
        this(gateway, CallContext.background());
    }

    private PsirtApi(CiscoGateway gateway, CallContext call) {
        this.gateway = gateway;
        this.call = call;
    }

    /** This API for one tool call: its requests carry the call's caller, listener and cancellation. */
    public PsirtApi in(CallContext call) {
        return new PsirtApi(gateway, call);
    }

    /** One cheap call, to learn whether the Cisco app is entitled to this API. */
    public void probe() {
        try {
            gateway.getFresh(SupportApi.PSIRT, CiscoPath.of(BASE).then("latest").value("1").build(), Map.of());
        } catch (CiscoException.Rejected e) {
            // "no data" still proves the API answers
        }
    }

    public AdvisoryPage all(Paging paging) {
        return paged(CiscoPath.of(BASE).then("all"), Map.of(), paging);
    }

    public AdvisoryPage byPublication(boolean firstPublished, LocalDate start, LocalDate end, Paging paging) {
        checkRange(start, end);
        return paged(CiscoPath.of(BASE).then("all").then(firstPublished ? "firstpublished" : "lastpublished"),
                Map.of("startDate", start.toString(), "endDate", end.toString()), paging);
    }

    public AdvisoryPage bySeverity(String severity, Paging paging) {
        String s = oneOf("severity", severity, SEVERITIES);
        return paged(CiscoPath.of(BASE).then("severity").value(s), Map.of(), paging);
    }

    /** Advisories of one severity first published ({@code firstPublished}) or last updated between two dates. */
    public AdvisoryPage bySeverity(String severity, boolean firstPublished, LocalDate start, LocalDate end, Paging paging) {
        String s = oneOf("severity", severity, SEVERITIES);
        checkRange(start, end);
        return paged(CiscoPath.of(BASE).then("severity").value(s).then(firstPublished ? "firstpublished" : "lastpublished"),
                Map.of("startDate", start.toString(), "endDate", end.toString()), paging);
    }

    public AdvisoryPage byYear(int year, int currentYear, Paging paging) {
        if (year < 1995 || year > currentYear) {
            throw CiscoException.InvalidInput.of("year", name -> name + " must be from 1995 to " + currentYear + " (got " + year + ").");
        }
        return paged(CiscoPath.of(BASE).then("year").value(String.valueOf(year)), Map.of(), paging);
    }

    public AdvisoryPage byProduct(String product, Paging paging) {
        String name = IdFormat.PSIRT_PRODUCT.check("product", product);
        try {
            return paged(CiscoPath.of(BASE).then("product"), Map.of("product", name), paging);
        } catch (CiscoException.Rejected e) {
            if (e.errorCode().equals("PRODUCT_NOT_FOUND")) {
                // Not "no advisories": the name is not one PSIRT knows, so nothing was searched.
                throw new CiscoException.Rejected("PSIRT knows no product named \"" + name + "\" (PRODUCT_NOT_FOUND), so no"
                        + " advisory was searched.", e.errorCode());
            }
            throw e;
        }
    }

    public AdvisoryPage byId(String advisoryId) {
        String id = IdFormat.ADVISORY_ID.check("advisory_id", advisoryId);
        try {
            return single(CiscoPath.of(BASE).then("advisory").value(id));
        } catch (CiscoException.Rejected e) {
            if (e.errorCode().equals("ADVISORYID_NOT_FOUND")) {
                throw new CiscoException.Rejected("Cisco has no advisory with the ID " + id + " (ADVISORYID_NOT_FOUND): check"
                        + " the ID, or search by CVE, bug ID or product.", e.errorCode());
            }
            throw e;
        }
    }

    public AdvisoryPage byCve(String cve) {
        return single(CiscoPath.of(BASE).then("cve").value(IdFormat.CVE_ID.check("cve_id", cve)));
    }

    public AdvisoryPage byBugId(String bugId) {
        return single(CiscoPath.of(BASE).then("bugid").value(IdFormat.BUG_ID.check("bug_id", bugId)));
    }

    public AdvisoryPage latest(int number) {
        if (number < 1 || number > 100) {
            throw CiscoException.InvalidInput.of("number", name -> name + " must be from 1 to 100 (got " + number + ").");
        }
        return single(CiscoPath.of(BASE).then("latest").value(String.valueOf(number)));
    }

    /** The software checker: advisories that affect {@code version} of {@code osType}. */
    public AdvisoryPage byOsVersion(String osType, String version, String platformAlias, Paging paging) {
        String os = oneOf("os_type", osType, OS_TYPES);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("version", IdFormat.OS_VERSION.check("version", version));
        if (platformAlias != null && !platformAlias.isBlank()) {
            if (!platformAlias.strip().matches("[A-Za-z0-9,]{1,200}")) {
                throw CiscoException.InvalidInput.of("platform_alias", name -> name + " must be Cisco platform aliases such as"
                        + " NEXUS9000 or ASA5500X, comma-separated.");
            }
            query.put("platformAlias", platformAlias.strip().toUpperCase(Locale.ROOT));
        }
        return paged(CiscoPath.of(BASE).then("OSType").value(os), query, paging);
    }

    private static String oneOf(String input, String value, List<String> allowed) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw CiscoException.InvalidInput.of(input, name -> name + " must be one of " + String.join(", ", allowed) + ".");
        }
        return v;
    }

    private static void checkRange(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw CiscoException.InvalidInput.of("end_date", "start_date",
                    (endName, startName) -> endName + " (" + end + ") is before " + startName + " (" + start + ").");
        }
    }

    private AdvisoryPage paged(CiscoPath path, Map<String, String> query, Paging paging) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put("pageIndex", String.valueOf(paging.pageIndex()));
        q.put("pageSize", String.valueOf(paging.pageSize()));
        return call(path, q, paging.pageIndex(), paging.pageSize());
    }

    private AdvisoryPage single(CiscoPath path) {
        return call(path, Map.of(), 1, 0);
    }

    private AdvisoryPage call(CiscoPath path, Map<String, String> query, int pageIndex, int pageSize) {
        JsonNode body;
        try {
            body = gateway.get(call, SupportApi.PSIRT, path.build(), query);
        } catch (CiscoException.Rejected e) {
            if (NOTHING.contains(e.errorCode())) {
                return new AdvisoryPage(List.of(), pageIndex, pageSize, 0, false);
            }
            throw e;
        }
        Optional<ErrorTexts.ApiError> error = ErrorTexts.errorCodeAndMessage(body); // the software checker's 200 errors
        if (error.isPresent() && !body.has("advisories")) {
            if (NOTHING.contains(error.get().code())) {
                return new AdvisoryPage(List.of(), pageIndex, pageSize, 0, false);
            }
            throw new CiscoException.Rejected("Cisco's PSIRT openVuln API rejected the request: " + error.get().summary() + ".",
                    error.get().code());
        }
        return read(body, pageIndex, pageSize);
    }

    static AdvisoryPage read(JsonNode body, int pageIndex, int pageSize) {
        List<SecurityAdvisory> advisories = new ArrayList<>();
        for (JsonNode a : body.path("advisories")) {
            advisories.add(advisory(a));
        }
        JsonNode paging = body.path("paging");
        int total = paging.isObject() ? Json.integer(paging, "count", advisories.size()) : advisories.size();
        boolean hasNext = paging.isObject() && !Json.text(paging, "next").isBlank() && !Json.text(paging, "next").equals("NA");
        return new AdvisoryPage(advisories, pageIndex, pageSize, total, hasNext);
    }

    private static SecurityAdvisory advisory(JsonNode a) {
        List<SecurityAdvisory.PlatformFix> platforms = new ArrayList<>();
        for (JsonNode p : a.path("platforms")) {
            List<String> fixes = new ArrayList<>();
            p.path("firstFixes").forEach(f -> fixes.add(f.isObject() ? Json.text(f, "name") : f.asString()));
            platforms.add(new SecurityAdvisory.PlatformFix(Json.text(p, "name").strip(), fixes, Json.text(p, "vulnerabilityState")));
        }
        return new SecurityAdvisory(Json.text(a, "advisoryId"), Json.text(a, "advisoryTitle").strip(), Json.text(a, "sir"),
                Json.text(a, "cvssBaseScore"), strings(a.path("cves")), strings(a.path("bugIDs")), strings(a.path("cwe")),
                Json.text(a, "firstPublished"), Json.text(a, "lastUpdated"), Json.text(a, "status"), Json.text(a, "version"),
                strings(a.path("productNames")), Json.text(a, "publicationUrl"), Json.text(a, "csafUrl"),
                Json.text(a, "cvrfUrl"), Json.text(a, "summary"), strings(a.path("firstFixed")), platforms);
    }

    /** A list of strings, trimmed, without Cisco's "NA" placeholder; a lone string counts as a list of one. */
    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> {
                String v = n.isValueNode() ? n.asString().strip() : "";
                if (!v.isEmpty() && !v.equals("NA")) {
                    out.add(v);
                }
            });
        } else if (node.isValueNode() && !node.asString().isBlank() && !node.asString().strip().equals("NA")) {
            out.add(node.asString().strip());
        }
        return out;
    }
}
