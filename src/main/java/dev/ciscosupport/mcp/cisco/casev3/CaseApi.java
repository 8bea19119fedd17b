package dev.ciscosupport.mcp.cisco.casev3;

import dev.ciscosupport.mcp.cisco.Batches;
import dev.ciscosupport.mcp.cisco.CiscoGateway;
import dev.ciscosupport.mcp.cisco.CiscoPath;
import dev.ciscosupport.mcp.cisco.IdFormat;
import dev.ciscosupport.mcp.cisco.Page;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.json.Json;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Cisco's Case API v3 ({@code /case/v3/cases}): case summaries (30 IDs per call, more split), one case's
 * details, and cases by contract or user (10 IDs, a creation window of at most 90 days, 10 per page).
 */
public final class CaseApi {
    public static final int CASE_IDS_PER_CALL = 30;
    public static final int MAX_CASE_IDS = 100;
    public static final int MAX_SEARCH_IDS = 10;
    public static final long MAX_WINDOW_DAYS = 90;
    /** Cisco's two sort orders, then the TypeScript server's three others (see {@link #ciscoSort}). */
    /** The orders a caller may ask for: Cisco's two, and the TypeScript server's three (ordered here). */
    public enum Sort {
        UPDATED_DATE, STATUS, SEVERITY, CREATED_DATE, MODIFIED_DATE
    }

    public static final List<String> SORTS = java.util.Arrays.stream(Sort.values()).map(Enum::name).toList();
    static final String BASE = "/case/v3/cases";
    private static final java.time.format.DateTimeFormatter TIMESTAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    /** Cases found, the IDs Cisco does not know, the paging (searches), the Cisco calls made, and a note on the order. */
    public record Answers(List<SupportCase> cases, List<String> notFound, Page page, int ciscoCalls, String note) {
        public Answers {
            cases = List.copyOf(cases);
            notFound = List.copyOf(notFound);
        }

        Answers(List<SupportCase> cases, List<String> notFound, Page page, int ciscoCalls) {
            this(cases, notFound, page, ciscoCalls, "");
        }
    }

    private final CiscoGateway gateway;
    private final CallContext call;

    /** The API for the server's own calls (entitlement probes, completions); {@link #in} gives it for a tool call. */
    public CaseApi(CiscoGateway gateway) {
        this(gateway, CallContext.background());
    }

    private CaseApi(CiscoGateway gateway, CallContext call) {
        this.gateway = gateway;
        this.call = call;
    }

    /** This API for one tool call: its requests carry the call's caller, listener and cancellation. */
    public CaseApi in(CallContext call) {
        return new CaseApi(gateway, call);
    }

    /** One cheap call, to learn whether the Cisco app is entitled to this API. */
    public void probe() {
        try {
            gateway.getFresh(SupportApi.CASE, CiscoPath.of(BASE).then("case_ids").value("1").build(), Map.of());
        } catch (CiscoException.Rejected e) {
            // an unknown case still proves the API answers
        }
    }

    public Answers summaries(List<String> caseIds, String sortBy) {
        List<String> ids = IdFormat.CASE_ID.checkAll("case_ids", caseIds, MAX_CASE_IDS);
        Map<String, String> query = sortBy == null ? Map.of() : Map.of("sort_by", sort(sortBy));
        Map<String, SupportCase> found = new LinkedHashMap<>();
        int calls = 0;
        for (List<String> batch : Batches.of(ids, CASE_IDS_PER_CALL)) {
            JsonNode body = gateway.get(call, SupportApi.CASE, CiscoPath.of(BASE).then("case_ids").values(batch).build(), query);
            calls++;
            body.path("cases").forEach(c -> {
                SupportCase sc = read(c);
                found.put(sc.caseId(), sc);
            });
        }
        List<SupportCase> ordered = new ArrayList<>(found.values());
        List<String> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
        return new Answers(ordered, missing, new Page(1, 1, ordered.size(), ordered.size()), calls);
    }

    public Optional<SupportCase> details(String caseId) {
        String id = IdFormat.CASE_ID.check("case_id", caseId);
        try {
            JsonNode body = gateway.get(call, SupportApi.CASE, CiscoPath.of(BASE).then("details").then("case_id").value(id).build(),
                    Map.of());
            JsonNode detail = body.path("caseDetail");
            return detail.isObject() ? Optional.of(read(detail)) : Optional.empty();
        } catch (CiscoException.Rejected e) {
            if (e.errorCode().equals("CASE_NOTFOUND")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Cases by contract IDs ({@code byContract}, refused as {@code contract_ids}) or CCO user IDs ({@code user_ids}). */
    public Answers search(boolean byContract, List<String> ids, String from, String to, String statusFlag,
            String sortBy, int page) {
        String idsInput = byContract ? "contract_ids" : "user_ids";
        List<String> checked = (byContract ? IdFormat.CONTRACT_ID : IdFormat.CCO_USER_ID).checkAll(idsInput, ids,
                MAX_SEARCH_IDS);
        Map<String, String> query = new LinkedHashMap<>();
        OffsetDateTime start = from == null ? null : timestamp("date_created_from", from, false);
        OffsetDateTime end = to == null ? null : timestamp("date_created_to", to, true);
        if (start != null && end == null || start == null && end != null) {
            throw CiscoException.InvalidInput.of("date_created_from", "date_created_to",
                    (fromName, toName) -> "Give both " + fromName + " and " + toName + ", or neither.");
        }
        if (start != null) {
            if (end.isBefore(start)) {
                throw CiscoException.InvalidInput.of("date_created_to", "date_created_from",
                        (toName, fromName) -> toName + " is before " + fromName + ".");
            }
            if (Duration.between(start, end).toDays() > MAX_WINDOW_DAYS) {
                throw new CiscoException.InvalidInput("Cisco searches cases created within at most " + MAX_WINDOW_DAYS
                        + " days; ask for several windows of up to 90 days instead.");
            }
            query.put("date_created_from", TIMESTAMP.format(start));
            query.put("date_created_to", TIMESTAMP.format(end));
        }
        if (statusFlag != null) {
            if (!List.of("O", "C").contains(statusFlag)) {
                throw CiscoException.InvalidInput.of("status_flag", name -> name + " must be O (open) or C (closed).");
            }
            query.put("status_flag", statusFlag);
        }
        if (sortBy != null) {
            query.put("sort_by", sort(sortBy));
        }
        if (page < 1) {
            throw CiscoException.InvalidInput.of("page_index", name -> name + " must be 1 or more.");
        }
        query.put("page_index", String.valueOf(page));
        JsonNode body = gateway.get(call, SupportApi.CASE, CiscoPath.of(BASE).then(byContract ? "contracts" : "users")
                .then(byContract ? "contract_ids" : "user_ids").values(checked).build(), query);
        List<SupportCase> cases = new ArrayList<>();
        body.path("cases").forEach(c -> cases.add(read(c)));
        JsonNode paging = body.path("pagination_response_record");
        Page p = new Page(Json.integer(paging, "page_index", page), Json.integer(paging, "last_index", 1),
                Json.integer(paging, "page_records", cases.size()), Json.integer(paging, "total_records", cases.size()));
        return new Answers(cases, List.of(), p, 1);
    }

    /**
     * The order to ask Cisco for. Cisco documents UPDATED_DATE and STATUS only; MODIFIED_DATE is UPDATED_DATE by
     * another name, and SEVERITY or CREATED_DATE are asked as UPDATED_DATE (Cisco's default) and ordered here
     * ({@link #localOrder}).
     */
    static String ciscoSort(String sortBy) {
        if (!SORTS.contains(sortBy)) {
            throw CiscoException.InvalidInput.of("sort_by", name -> name + " must be one of " + String.join(", ", SORTS) + ".");
        }
        return sortBy.equals("STATUS") ? "STATUS" : "UPDATED_DATE";
    }

    /** How to order cases Cisco cannot sort that way: by severity (1 first) or newest created first. */
    public static Optional<java.util.Comparator<SupportCase>> localOrder(String sortBy) {
        if ("SEVERITY".equals(sortBy)) {
            return Optional.of(java.util.Comparator.comparing(SupportCase::severity));
        }
        if ("CREATED_DATE".equals(sortBy)) {
            return Optional.of(java.util.Comparator.comparing(SupportCase::created).reversed());
        }
        return Optional.empty();
    }

    private static String sort(String sortBy) {
        return ciscoSort(sortBy);
    }

    /** A timestamp as Cisco wants it (YYYY-MM-DDThh:mm:ssZ); a bare date is the start (or end) of that day, UTC. */
    static OffsetDateTime timestamp(String input, String text, boolean endOfDay) {
        String t = text.strip();
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate d = LocalDate.parse(t);
                return (endOfDay ? d.atTime(23, 59, 59) : d.atStartOfDay()).atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).withNano(0);
        } catch (DateTimeParseException e) {
            throw CiscoException.InvalidInput.of(input, name -> name + " must be a date (YYYY-MM-DD) or a UTC timestamp"
                    + " (YYYY-MM-DDThh:mm:ssZ).");
        }
    }

    static SupportCase read(JsonNode c) {
        List<SupportCase.Note> notes = new ArrayList<>();
        c.path("notes").forEach(n -> notes.add(new SupportCase.Note(Json.text(n, "note"), Json.text(n, "note_detail"),
                Json.text(n, "created_by"), Json.text(n, "creation_date"))));
        return new SupportCase(Json.text(c, "case_id"), Json.text(c, "title"), Json.text(c, "severity"), Json.text(c, "status"),
                Json.text(c, "status_flag"), Json.text(c, "creation_date"), Json.text(c, "updated_date"),
                Json.text(c, "close_date"), Json.text(c, "serial_number"), Json.text(c, "contract_id"), Json.text(c, "user_id"),
                Json.text(c, "contact_name"), Json.text(c, "technology_name"), Json.text(c, "sub_technology_name"),
                Json.text(c, "owner_name"), Json.text(c, "owner_email"), Json.text(c, "problem_code_name"),
                Json.text(c, "request_type"), Json.text(c, "tracking_number"),
                new SupportCase.Contact(Json.text(c, "contact_user_id"), Json.text(c, "preferred_contact_method"),
                        strings(c.path("contact_email_ids")), strings(c.path("contact_business_phone_numbers")),
                        strings(c.path("contact_mobile_phone_numbers"))), strings(c.path("bugs")),
                strings(c.path("rmas")), notes);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> {
            if (v.isValueNode() && !v.asString().isBlank()) {
                out.add(v.asString().strip());
            }
        });
        return out;
    }
}
