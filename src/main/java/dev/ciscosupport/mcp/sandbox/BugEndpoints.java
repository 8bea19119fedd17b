package dev.ciscosupport.mcp.sandbox;

import dev.ciscosupport.mcp.json.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cisco's Bug API v2.0 as the sandbox serves it: the eight endpoints of SPEC.md §3, the field order of
 * each, 10 bugs a page with a running {@code id}, Cisco's default filters, its input limits and its
 * error bodies.
 */
final class BugEndpoints {
    static final int PAGE_SIZE = 10;
    private static final int MAX_IDS = 5;
    private static final int MAX_RELEASES = 75;
    private static final int MAX_KEYWORD = 50;

    private final BugCatalog catalog;

    BugEndpoints(BugCatalog catalog) {
        this.catalog = catalog;
    }

    /** @param path the decoded path segments after {@code /bug/v2.0/bugs} */
    Answer handle(List<String> path, Map<String, String> query) {
        if (path.isEmpty()) {
            return missingParameters();
        }
        switch (path.get(0)) {
            case "bug_ids":
                return path.size() == 2 ? bugIds(path.get(1)) : missingParameters();
            case "keyword":
                if (path.size() != 2) {
                    return missingParameters();
                }
                if (path.get(1).length() > MAX_KEYWORD) {
                    return Answer.apiError(403, "API_INVALID_INPUT", "Keyword exceeds the maximum length of 50 characters",
                            "Please shorten the keyword");
                }
                List<String> words = Arrays.stream(path.get(1).toLowerCase(Locale.ROOT).split("\\s+"))
                        .filter(w -> !w.isEmpty()).toList();
                return search(query, b -> b.matchesAllWords(words), "Bug API - Search Bugs by Keyword", null, null, path);
            case "products":
                return products(path, query);
            case "product_series":
                return named(path, query, "product_series", ProductFamily::series, "Product Series");
            case "product_name":
                return named(path, query, "product_name", ProductFamily::productName, "Product Name");
            default:
                return GatewayFaults.serviceNotFound();
        }
    }

    private Answer bugIds(String list) {
        List<String> ids = splitList(list);
        if (ids.size() > MAX_IDS) {
            return Answer.apiError(403, "EXCEEDED_INPUTS", "Number of inputs exceeded the maximum of 5 bug IDs",
                    "Please reduce the number of bug IDs");
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode bugs = root.putArray("bugs");
        int row = 0;
        for (String id : ids) {
            var bug = catalog.byId(id);
            if (bug.isPresent()) {
                SandboxBug b = bug.get();
                ObjectNode n = bugs.addObject().put("id", String.valueOf(++row));
                common(n, b, true);
            }
        }
        return Answer.json(200, root);
    }

    private Answer products(List<String> path, Map<String, String> query) {
        if (path.size() < 3 || !path.get(1).equals("product_id")) {
            return missingParameters();
        }
        String pid = path.get(2);
        Predicate<SandboxBug> hasPid = b -> b.family().productIds().stream().anyMatch(p -> p.equalsIgnoreCase(pid));
        if (path.size() == 3) {
            return search(query, hasPid, "Bug API - Get Bugs by Base Product Id", "base_pid", pid, path);
        }
        if (path.size() != 5 || !path.get(3).equals("software_releases")) {
            return missingParameters();
        }
        List<String> releases = splitList(path.get(4));
        if (releases.size() > MAX_RELEASES) {
            return tooManyReleases();
        }
        return search(query, hasPid.and(b -> releases.stream().anyMatch(b::affects)),
                "Bug API - Get Bugs by a Base Product Id and Software Releases", "base_pid", pid, path);
    }

    private Answer named(List<String> path, Map<String, String> query, String field,
            java.util.function.Function<ProductFamily, String> name, String titleName) {
        if (path.size() != 4) {
            return missingParameters();
        }
        String wanted = path.get(1);
        boolean affected = path.get(2).equals("affected_releases");
        if (!affected && !path.get(2).equals("fixed_in_releases")) {
            return missingParameters();
        }
        List<String> releases = splitList(path.get(3));
        if (releases.size() > MAX_RELEASES) {
            return tooManyReleases();
        }
        Predicate<SandboxBug> match = b -> name.apply(b.family()).equalsIgnoreCase(wanted)
                && releases.stream().anyMatch(r -> affected ? b.affects(r) : b.fixedIn(r));
        String title = "Bug API - Get Bugs by " + titleName + (affected ? " and Affected Software Releases"
                : " and Fixed In Software Releases");
        return search(query, match, title, field, wanted, path);
    }

    private Answer search(Map<String, String> query, Predicate<SandboxBug> match, String title, String extraField,
            String extraValue, List<String> path) {
        String status = query.get("status");
        String severity = query.get("severity");
        String modifiedDate = query.getOrDefault("modified_date", "2");
        String sortBy = query.getOrDefault("sort_by", "modified_date");
        int page = SandboxServlet.pageIndex(query);
        if (page < 1) {
            return Answer.apiError(400, "API_INVALID_INPUT", "Invalid page_index", "Please consult the API documentation");
        }
        // Lists such as status=O,F are known to make Cisco fail with a 500 (SPEC.md §3.2).
        if (status != null && !List.of("O", "F", "T").contains(status)
                || severity != null && !List.of("1", "2", "3", "4", "5", "6").contains(severity)
                || !List.of("1", "2", "3", "4", "5").contains(modifiedDate)) {
            return Answer.apiError(500, "API_ERROR_01", "Internal Server Error", "Please try again later");
        }
        List<SandboxBug> found = catalog.search(match, status, severity, modifiedDate, sortBy);
        int total = found.size();
        int lastIndex = (total + PAGE_SIZE - 1) / PAGE_SIZE;
        int from = Math.min(total, (page - 1) * PAGE_SIZE);
        List<SandboxBug> onPage = found.subList(from, Math.min(total, from + PAGE_SIZE));

        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode bugs = root.putArray("bugs");
        int row = from;
        for (SandboxBug b : onPage) {
            ObjectNode n = bugs.addObject().put("id", String.valueOf(++row));
            if (extraField != null) {
                n.put(extraField, extraValue);
            }
            common(n, b, false);
        }
        root.putObject("pagination_response_record")
                .put("last_index", lastIndex)
                .put("page_index", page)
                .put("page_records", onPage.size())
                .put("self_link", "https://api.cisco.com/bug/v2.0/bugs/" + String.join("/", path) + "?page_index=" + page
                        + "&modified_date=" + modifiedDate + "&sort_by=" + sortBy)
                .put("title", title)
                .put("total_records", total);
        return Answer.json(200, root);
    }

    /** The fields every endpoint sends, in Cisco's order; a bug-ID lookup adds duplicate_of and created_date. */
    private static void common(ObjectNode n, SandboxBug b, boolean detail) {
        n.put("bug_id", b.bugId())
                .put("headline", b.headline())
                .put("description", b.description())
                .put("severity", String.valueOf(b.severity()))
                .put("status", b.status())
                .put("behavior_changed", b.behaviorChanged());
        if (detail) {
            n.put("duplicate_of", "").put("created_date", b.created().toString());
        }
        n.put("last_modified_date", b.lastModified().toString())
                .put("product", b.family().component())
                .put("known_affected_releases", String.join(" ", b.affected()))
                .put("known_fixed_releases", String.join(" ", b.fixed()))
                .put("support_case_count", String.valueOf(b.supportCases()));
    }

    private static List<String> splitList(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Answer missingParameters() {
        return Answer.apiError(400, "API_MISSING_PARAMETERS", "A required parameter is missing",
                "Please consult the API documentation");
    }

    private static Answer tooManyReleases() {
        return Answer.apiError(403, "EXCEEDED_INPUTS", "Number of inputs exceeded the maximum of 75 releases",
                "Please reduce the number of releases");
    }
}
