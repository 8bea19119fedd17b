package dev.ciscosupport.mcp.sandbox;

import dev.ciscosupport.mcp.json.Json;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cisco's Case API v3 as the sandbox serves it (SPEC.md §4): summaries by case ID with a {@code count},
 * {@code caseDetail} with notes, cases by contract or user paged by 10, sparse items (no technology
 * fields on contract and user searches), and its validation errors at 403.
 */
final class CaseEndpoints {
    static final int PAGE_SIZE = 10;
    private final CaseCatalog cases;

    CaseEndpoints(CaseCatalog cases) {
        this.cases = cases;
    }

    /** @param path the decoded path segments after {@code /case/v3/cases} */
    Answer handle(List<String> path, Map<String, String> query, String rawPath) {
        if (path.size() == 2 && path.get(0).equals("case_ids")) {
            return summaries(split(path.get(1)), query);
        }
        if (path.size() == 3 && path.get(0).equals("details") && path.get(1).equals("case_id")) {
            return details(path.get(2));
        }
        if (path.size() == 3 && (path.get(0).equals("contracts") || path.get(0).equals("users"))) {
            boolean byContract = path.get(0).equals("contracts");
            List<String> ids = split(path.get(2));
            if (ids.size() > 10) {
                return error(byContract ? "EXCEEDED_CONTRACTIDS" : "EXCEEDED_USERIDS", "More than 10 IDs");
            }
            return search(byContract ? c -> ids.contains(c.contract()) : c -> ids.contains(c.userId()), query, rawPath,
                    byContract ? "Get Cases By Contract Id" : "Get Cases By User Id");
        }
        return error("MISSING_INPUTS", "Missing inputs");
    }

    private Answer summaries(List<String> ids, Map<String, String> query) {
        if (ids.size() > 30) {
            return error("EXCEEDED_CASEIDS", "More than 30 case IDs");
        }
        String sort = query.getOrDefault("sort_by", "UPDATED_DATE");
        if (!List.of("UPDATED_DATE", "STATUS").contains(sort)) {
            return error("INVALID_SORT_OPTION", "Invalid sort option");
        }
        List<CaseCatalog.SupportCase> found = ids.stream().map(cases::byId).flatMap(Optional::stream)
                .sorted(order(sort)).toList();
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode items = root.putArray("cases");
        int n = 0;
        for (CaseCatalog.SupportCase c : found) {
            item(items.addObject().put("item_entry_id", ++n), c, true);
        }
        root.put("count", found.size());
        return Answer.json(200, root);
    }

    private Answer details(String id) {
        Optional<CaseCatalog.SupportCase> found = cases.byId(id);
        if (found.isEmpty()) {
            return error("CASE_NOTFOUND", "Case not found");
        }
        CaseCatalog.SupportCase c = found.get();
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode d = root.putObject("caseDetail");
        d.put("user_id", c.userId()).put("case_id", c.caseId()).put("title", c.title()).put("severity", c.severity())
                .put("status", c.status()).put("creation_date", CaseCatalog.time(c.created()))
                .put("updated_date", CaseCatalog.time(c.updated())).put("serial_number", c.serial())
                .put("contract_id", c.contract()).put("contact_user_id", c.userId()).put("preferred_contact_method", "Email");
        d.putArray("contact_email_ids").add(c.userId() + "@example.com");
        d.putArray("contact_business_phone_numbers").add("+15555550100");
        d.putArray("contact_mobile_phone_numbers");
        d.put("owner_name", "Sam Engineer").put("owner_email", "sengineer@example.com")
                .put("close_date", c.open() ? "" : CaseCatalog.time(c.updated())).put("technology_name", c.technology())
                .put("sub_technology_name", c.subTechnology()).put("tracking_number", "")
                .put("problem_code_name", "Configuration Assistance").put("request_type", "Diagnose and Fix my Problem");
        ArrayNode rmas = d.putArray("rmas");
        if (c.rmaNumber() != null) {
            rmas.add(c.rmaNumber());
        }
        ArrayNode bugs = d.putArray("bugs");
        c.bugs().forEach(bugs::add);
        ArrayNode notes = d.putArray("notes");
        for (String[] note : c.notes()) {
            notes.addObject().put("note", note[0]).put("note_detail", note[1]).put("created_by", note[2])
                    .put("creation_date", CaseCatalog.time(LocalDateTime.parse(note[3])));
        }
        d.put("contact_name", c.contactName());
        return Answer.json(200, root);
    }

    private Answer search(Predicate<CaseCatalog.SupportCase> match, Map<String, String> query, String rawPath, String title) {
        String status = query.get("status_flag");
        if (status != null && !List.of("O", "C").contains(status)) {
            return error("INVALID_STATUSFLAG", "Invalid status flag");
        }
        String sort = query.getOrDefault("sort_by", "UPDATED_DATE");
        if (!List.of("UPDATED_DATE", "STATUS").contains(sort)) {
            return error("INVALID_SORT_OPTION", "Invalid sort option");
        }
        LocalDateTime from;
        LocalDateTime to;
        try {
            from = query.containsKey("date_created_from") ? OffsetDateTime.parse(query.get("date_created_from")).toLocalDateTime() : null;
            to = query.containsKey("date_created_to") ? OffsetDateTime.parse(query.get("date_created_to")).toLocalDateTime() : null;
        } catch (DateTimeParseException e) {
            return error("INVALID_DATEFORMAT", "Invalid date format");
        }
        if (from != null && to != null && (to.isBefore(from) || Duration.between(from, to).toDays() > 90)) {
            return error("INVALID_DATERANGE", "The date range can not exceed 90 days");
        }
        int page;
        try {
            page = Integer.parseInt(query.getOrDefault("page_index", "1"));
        } catch (NumberFormatException e) {
            page = 1;
        }
        LocalDateTime since = from;
        LocalDateTime until = to;
        List<CaseCatalog.SupportCase> found = cases.all().stream().filter(match)
                .filter(c -> status == null || c.open() == status.equals("O"))
                .filter(c -> since == null || !c.created().isBefore(since))
                .filter(c -> until == null || !c.created().isAfter(until))
                .sorted(order(sort)).toList();
        int total = found.size();
        int fromIndex = Math.min(total, (Math.max(1, page) - 1) * PAGE_SIZE);
        List<CaseCatalog.SupportCase> onPage = found.subList(fromIndex, Math.min(total, fromIndex + PAGE_SIZE));
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.putObject("pagination_response_record").put("last_index", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE))
                .put("page_index", page).put("page_records", onPage.size())
                .put("self_link", "https://api.cisco.com" + rawPath + "?page_index=" + page + "&sort_by=" + sort
                        + (status == null ? "" : "&status_flag=" + status))
                .put("title", title).put("total_records", total);
        ArrayNode items = root.putArray("cases");
        int n = fromIndex;
        for (CaseCatalog.SupportCase c : onPage) {
            item(items.addObject().put("item_entry_id", ++n), c, false);
        }
        return Answer.json(200, root);
    }

    /** A case as lists show it; contract and user searches leave out the technology fields, as Cisco's do. */
    private static void item(ObjectNode n, CaseCatalog.SupportCase c, boolean withTechnology) {
        n.put("user_id", c.userId()).put("case_id", c.caseId()).put("title", c.title()).put("severity", c.severity())
                .put("contact_name", c.contactName()).put("status_flag", c.open() ? "O" : "C").put("status", c.status())
                .put("creation_date", CaseCatalog.time(c.created())).put("updated_date", CaseCatalog.time(c.updated()))
                .put("serial_number", c.serial()).put("contract_id", c.contract());
        if (withTechnology) {
            n.put("technology_name", c.technology()).put("sub_technology_name", c.subTechnology());
        }
        ArrayNode rmas = n.putArray("rmas");
        if (c.rmaNumber() != null) {
            rmas.add(c.rmaNumber());
        }
        ArrayNode bugs = n.putArray("bugs");
        c.bugs().forEach(bugs::add);
    }

    private static Comparator<CaseCatalog.SupportCase> order(String sort) {
        Comparator<CaseCatalog.SupportCase> newest = Comparator.comparing(CaseCatalog.SupportCase::updated).reversed();
        return sort.equals("STATUS") ? Comparator.comparing(CaseCatalog.SupportCase::status).thenComparing(newest) : newest;
    }

    private static Answer error(String code, String description) {
        return Answer.apiError(403, code, description, "Please consult the API documentation");
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
