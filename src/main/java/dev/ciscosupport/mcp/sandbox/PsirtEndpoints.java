package dev.ciscosupport.mcp.sandbox;

import dev.ciscosupport.mcp.json.Json;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cisco's PSIRT openVuln API v2 as the sandbox serves it (SPEC.md §6): {@code {"advisories":[...]}} even
 * for one advisory, arrays of strings ({@code ["NA"]} when none), {@code paging {next, prev, count}} when
 * paged, 404 {@code NO_DATA_FOUND} for an empty answer, 406 for bad input, 410 for the retired CVRF/OVAL paths.
 */
final class PsirtEndpoints {
    private static final Set<String> SEVERITIES = Set.of("critical", "high", "medium", "low", "informational");
    private final PsirtCatalog catalog;
    private final int currentYear;

    PsirtEndpoints(PsirtCatalog catalog, int currentYear) {
        this.catalog = catalog;
        this.currentYear = currentYear;
    }

    /** @param path the decoded path segments after {@code /security/advisories/v2} */
    Answer handle(List<String> path, Map<String, String> query) {
        if (path.isEmpty()) {
            return GatewayFaults.serviceNotFound();
        }
        String first = path.get(0);
        if (first.equalsIgnoreCase("cvrf") || first.equalsIgnoreCase("oval")) {
            return error(410, "URI_NOT_AVAILABLE", "URI_CONTAINING(/" + first.toUpperCase(Locale.ROOT) + "/)_IS_NO_LONGER_AVAILABLE");
        }
        switch (first) {
            case "all":
                return path.size() == 1 ? list(query, a -> true) : published(path.get(1), query, a -> true);
            case "advisory":
                return single(path, a -> a.id().equalsIgnoreCase(path.get(1)), "ADVISORYID_NOT_FOUND", "Advisory-id not found");
            case "cve":
                return single(path, a -> a.cves().contains(path.get(1).toUpperCase(Locale.ROOT)), "NO_DATA_FOUND", "CVE_ID not found");
            case "bugid":
                return path.size() == 2 ? list(Map.of(), a -> a.bugIds().stream()
                        .anyMatch(b -> b.toLowerCase(Locale.ROOT).contains(path.get(1).toLowerCase(Locale.ROOT)))) : notFound();
            case "latest":
                return latest(path);
            case "severity":
                return severity(path, query);
            case "year":
                return year(path, query);
            case "product":
                return product(query);
            case "OSType":
                return osType(path, query);
            case "OS_version":
                return path.size() == 2 && path.get(1).equals("OS_data") ? osVersions(query) : GatewayFaults.serviceNotFound();
            case "platforms":
                return path.size() == 1 ? platforms(query) : GatewayFaults.serviceNotFound();
            default:
                return GatewayFaults.serviceNotFound();
        }
    }

    private Answer single(List<String> path, Predicate<Advisory> match, String code, String message) {
        if (path.size() != 2) {
            return notFound();
        }
        List<Advisory> found = catalog.all().stream().filter(match).toList();
        return found.isEmpty() ? error(404, code, message) : advisories(found, null, null); // not paged: no paging block
    }

    private Answer latest(List<String> path) {
        int n;
        try {
            n = Integer.parseInt(path.size() == 2 ? path.get(1) : "");
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > 100) {
            return error(406, "INVALID_ADV_COUNT", "Invalid advisories count");
        }
        return advisories(catalog.all().subList(0, n), null, null);
    }

    private Answer severity(List<String> path, Map<String, String> query) {
        if (path.size() < 2 || !SEVERITIES.contains(path.get(1).toLowerCase(Locale.ROOT))) {
            return error(406, "INVALID_SEVERITY", "Invalid Severity. Supported severities are critical, high, medium, low and informational");
        }
        Predicate<Advisory> match = a -> a.sir().equalsIgnoreCase(path.get(1));
        return path.size() == 2 ? list(query, match) : published(path.get(2), query, match);
    }

    private Answer year(List<String> path, Map<String, String> query) {
        int year;
        try {
            year = Integer.parseInt(path.size() == 2 ? path.get(1) : "");
        } catch (NumberFormatException e) {
            year = 0;
        }
        if (year < 1995 || year > currentYear) {
            return error(406, "INVALID_YEAR", "Year should be in range 1995 to current year");
        }
        int y = year;
        return list(query, a -> a.firstPublished().getYear() == y);
    }

    private Answer product(Map<String, String> query) {
        String name = query.getOrDefault("product", "");
        if (name.isBlank() || name.matches(".*[&!$'@#<?].*")) {
            return error(406, "INVALID_PRODUCT_NAME_FORMAT", "Special characters are not allowed in the product name");
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        List<Advisory> exact = catalog.all().stream()
                .filter(a -> a.productNames().stream().anyMatch(p -> p.strip().equalsIgnoreCase(wanted))).toList();
        Predicate<Advisory> like = a -> a.productNames().stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).contains(wanted));
        if (catalog.all().stream().noneMatch(like)) {
            return error(404, "PRODUCT_NOT_FOUND", "Product not found");
        }
        return exact.isEmpty() ? list(query, like) : list(query, exact::contains);
    }

    /** Platform aliases as Cisco names them (SPEC 6.1), for the platforms the sandbox's OS types run on. */
    private static final Map<String, String> PLATFORM_NAMES = Map.of("NEXUS9000", "Cisco Nexus 9000 Series Switches",
            "ASA5500X", "Cisco ASA 5500-X Series Firewalls", "FPR2100", "Cisco Firepower 2100 Series",
            "FPR4100", "Cisco Firepower 4100 Series");

    /** {@code /OS_version/OS_data?OSType=}: a top-level array of the releases PSIRT knows for an OS. */
    private static Answer osVersions(Map<String, String> query) {
        PsirtCatalog.Os os = PsirtCatalog.os(query.getOrDefault("OSType", ""));
        if (os == null) {
            return error(406, "INVALID_OS_TYPE", "OS Type is Invalid");
        }
        ArrayNode root = Json.MAPPER.createArrayNode();
        for (String release : os.releases()) {
            ObjectNode n = root.addObject().put("nos_type", os.type()).put("nos_version", release);
            if (os.platform() != null) {
                n.put("platform_name", PLATFORM_NAMES.get(os.platform()));
            }
        }
        return Answer.json(200, root);
    }

    /** {@code /platforms?OSType=} (asa, ftd, fxos, nxos): a top-level array of platform aliases. */
    private static Answer platforms(Map<String, String> query) {
        PsirtCatalog.Os os = PsirtCatalog.os(query.getOrDefault("OSType", ""));
        if (os == null || os.platform() == null) {
            return error(406, "INVALID_OS_TYPE", "OS Type is Invalid");
        }
        ArrayNode root = Json.MAPPER.createArrayNode();
        root.addObject().put("platformAlias", os.platform()).put("id", 284_270_000 + Math.abs(os.platform().hashCode() % 1000))
                .put("name", PLATFORM_NAMES.get(os.platform()));
        return Answer.json(200, root);
    }

    private Answer osType(List<String> path, Map<String, String> query) {
        if (path.size() == 2 && path.get(1).equals("OS_data")) {
            return GatewayFaults.serviceNotFound();
        }
        PsirtCatalog.Os os = path.size() == 2 ? PsirtCatalog.os(path.get(1)) : null;
        if (os == null) {
            return error(406, "INVALID_OS_TYPE", "OS Type is Invalid");
        }
        String version = query.get("version");
        if (version == null || version.isBlank()) {
            return error(404, "VERSION_ID_IS_MANDATORY", "Version ID is mandatory");
        }
        List<Advisory> found = catalog.all().stream().filter(a -> a.affects(os.type(), version.strip())).toList();
        if (found.isEmpty()) {
            return error(404, "NO_DATA_FOUND", "No data found");
        }
        return page(found, query, a -> {
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.putArray("firstFixed").add(a.firstFixed());
            if (a.platform() != null) {
                ObjectNode platform = n.putArray("platforms").addObject().put("id", "28427" + Math.abs(a.id().hashCode() % 10000))
                        .put("name", a.productNames().get(0).strip());
                platform.putArray("firstFixes").addObject().put("id", "1" + Math.abs(a.firstFixed().hashCode() % 100000))
                        .put("name", a.firstFixed());
                platform.put("vulnerabilityState", "VULNERABLE");
            } else {
                n.putArray("iosRelease").add(version.strip());
            }
            n.putArray("smu");
            return n;
        });
    }

    private Answer published(String which, Map<String, String> query, Predicate<Advisory> match) {
        boolean first = which.equals("firstpublished");
        if (!first && !which.equals("lastpublished")) {
            return GatewayFaults.serviceNotFound();
        }
        String start = query.get("startDate");
        String end = query.get("endDate");
        if (start == null || end == null) {
            return error(406, "START_DATE_AND_END_DATE_MANDATORY", "Start Date and End Date are mandatory");
        }
        LocalDate from;
        LocalDate to;
        try {
            from = LocalDate.parse(start);
            to = LocalDate.parse(end);
        } catch (DateTimeParseException e) {
            return error(406, "INVALID_DATE_FORMAT", "Invalid date format, please enter date in yyyy-mm-dd format");
        }
        if (from.isAfter(to)) {
            return error(406, "START_DATE_GREATER", "Start date should not be greater than end date");
        }
        return list(query, match.and(a -> {
            LocalDate d = (first ? a.firstPublished() : a.lastUpdated()).toLocalDate();
            return !d.isBefore(from) && !d.isAfter(to);
        }));
    }

    private Answer list(Map<String, String> query, Predicate<Advisory> match) {
        List<Advisory> found = catalog.all().stream().filter(match).toList();
        if (found.isEmpty()) {
            return error(404, "NO_DATA_FOUND", "No data found");
        }
        return page(found, query, a -> null);
    }

    /** Pages when pageIndex or pageSize is given (1 to 100 each); otherwise everything at once. */
    private Answer page(List<Advisory> found, Map<String, String> query, Function<Advisory, ObjectNode> extra) {
        if (!query.containsKey("pageIndex") && !query.containsKey("pageSize")) {
            return advisories(found, extra, null);
        }
        int index;
        int size;
        try {
            index = Integer.parseInt(query.getOrDefault("pageIndex", "1"));
            size = Integer.parseInt(query.getOrDefault("pageSize", "10"));
        } catch (NumberFormatException e) {
            return error(406, "INVALID_PAGEINDEX", "Incorrect page index value");
        }
        if (index < 1 || index > 100) {
            return error(406, "INVALID_PAGEINDEX", "Incorrect page index value");
        }
        if (size < 1 || size > 100) {
            return error(406, "MIN_PAGESIZE , MAX_PAGESIZE", "Minimum page size value = 1 and Maximum page size = 100");
        }
        int from = Math.min(found.size(), (index - 1) * size);
        List<Advisory> onPage = found.subList(from, Math.min(found.size(), from + size));
        if (onPage.isEmpty()) {
            return error(404, "NO_DATA_FOUND", "No data found");
        }
        Map<String, Object> paging = new java.util.LinkedHashMap<>();
        paging.put("next", from + size < found.size() ? "?pageIndex=" + (index + 1) + "&pageSize=" + size : "NA");
        paging.put("prev", index > 1 ? "?pageIndex=" + (index - 1) + "&pageSize=" + size : "NA");
        paging.put("count", found.size());
        return advisories(onPage, extra, paging);
    }

    private static Answer advisories(List<Advisory> list, Function<Advisory, ObjectNode> extra, Map<String, Object> paging) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode array = root.putArray("advisories");
        for (Advisory a : list) {
            ObjectNode n = array.addObject();
            n.put("advisoryId", a.id()).put("advisoryTitle", a.title());
            strings(n.putArray("bugIDs"), a.bugIds());
            strings(n.putArray("ipsSignatures"), List.of("NA"));
            strings(n.putArray("cves"), a.cves());
            n.put("cvrfUrl", "https://sec.cloudapps.cisco.com/security/center/contentxml/CiscoSecurityAdvisory/" + a.id()
                    + "/cvrf/" + a.id() + "_cvrf.xml");
            n.put("csafUrl", "https://sec.cloudapps.cisco.com/security/center/contentjson/CiscoSecurityAdvisory/" + a.id()
                    + "/csaf/" + a.id() + ".json");
            n.put("cvssBaseScore", a.cvss());
            strings(n.putArray("cwe"), a.cwe());
            n.put("firstPublished", a.firstPublished().toString() + ":00");
            n.put("lastUpdated", a.lastUpdated().toString() + ":00");
            n.put("status", "Final").put("version", a.version());
            strings(n.putArray("productNames"), a.productNames());
            n.put("publicationUrl", "https://sec.cloudapps.cisco.com/security/center/content/CiscoSecurityAdvisory/" + a.id());
            n.put("sir", a.sir()).put("summary", a.summary());
            ObjectNode more = extra == null ? null : extra.apply(a);
            if (more != null) {
                n.setAll(more);
            }
        }
        if (paging != null) {
            ObjectNode p = root.putObject("paging");
            p.put("next", (String) paging.get("next")).put("prev", (String) paging.get("prev"))
                    .put("count", (Integer) paging.get("count"));
        }
        return Answer.json(200, root);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static Answer notFound() {
        return error(404, "NO_DATA_FOUND", "No data found");
    }

    static Answer error(int status, String code, String message) {
        return Answer.json(status, Json.MAPPER.createObjectNode().put("errorCode", code).put("errorMessage", message));
    }
}
