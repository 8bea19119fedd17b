package dev.ciscosupport.mcp.cisco.rma;

import dev.ciscosupport.mcp.cisco.CiscoGateway;
import dev.ciscosupport.mcp.cisco.CiscoPath;
import dev.ciscosupport.mcp.cisco.CompactTree;
import dev.ciscosupport.mcp.cisco.ErrorTexts;
import dev.ciscosupport.mcp.cisco.IdFormat;
import dev.ciscosupport.mcp.cisco.Page;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.json.Json;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Cisco's Service Order Return (RMA) API v1.0 ({@code /return/v1.0/returns}) as its WADL describes it: an
 * RMA by number, and RMAs by CCO user ID ({@code /users/user_ids/...} with {@code pageIndex}, {@code fromDate},
 * {@code toDate} as YYYY-MM-DD, {@code status} and {@code sortBy}). Its errors, "no records" included,
 * come as HTTP 200 {@code APIError} bodies.
 */
public final class ReturnApi {
    public static final List<String> STATUSES = List.of("open", "booked", "hold", "closed", "cancelled");
    /** Cisco's statuses, then the TypeScript server's words for them ("In Progress" is an RMA booked at Cisco). */
    /** The statuses a caller may ask for: Cisco's words, and the TypeScript server's (In Progress is booked). */
    public enum StatusWord {
        OPEN("open"), BOOKED("booked"), HOLD("hold"), CLOSED("closed"), CANCELLED("cancelled"), OPEN_TS("Open"),
        CLOSED_TS("Closed"), CANCELLED_TS("Cancelled"), IN_PROGRESS("In Progress");

        private final String word;

        StatusWord(String word) {
            this.word = word;
        }

        /** The word as it is written (and read, and listed in the tool's schema). */
        @Override
        public String toString() {
            return word;
        }
    }

    /** The orders Cisco sorts RMAs in. */
    public enum Sort {
        ORDER_DATE("orderdate"), STATUS("status");

        private final String word;

        Sort(String word) {
            this.word = word;
        }

        @Override
        public String toString() {
            return word;
        }
    }

    public static final List<String> STATUS_WORDS = java.util.Arrays.stream(StatusWord.values()).map(String::valueOf).toList();
    public static final List<String> SORTS = java.util.Arrays.stream(Sort.values()).map(String::valueOf).toList();
    static final String BASE = "/return/v1.0/returns";

    /**
     * RMAs of one query and where the paging stands; when Cisco found none, its "no records" error as it said it.
     */
    public record Answers(List<ReturnOrder> orders, Page page, Optional<ErrorTexts.ApiError> noRecords) {
        public Answers {
            orders = List.copyOf(orders);
        }
    }

    private final CiscoGateway gateway;
    private final CallContext call;

    /** The API for the server's own calls (entitlement probes, completions); {@link #in} gives it for a tool call. */
    public ReturnApi(CiscoGateway gateway) {
        this(gateway, CallContext.background());
    }

    private ReturnApi(CiscoGateway gateway, CallContext call) {
        this.gateway = gateway;
        this.call = call;
    }

    /** This API for one tool call: its requests carry the call's caller, listener and cancellation. */
    public ReturnApi in(CallContext call) {
        return new ReturnApi(gateway, call);
    }

    /** One cheap call, to learn whether the Cisco app is entitled to this API. */
    public void probe() {
        gateway.getFresh(SupportApi.RMA, CiscoPath.of(BASE).then("rma_numbers").value("1").build(), Map.of());
    }

    public Answers byNumber(String rmaNumber) {
        String number = IdFormat.CASE_ID.check("rma_number", rmaNumber); // RMA numbers are digits, like case numbers
        JsonNode body = gateway.get(call, SupportApi.RMA, CiscoPath.of(BASE).then("rma_numbers").value(number).build(), Map.of());
        Optional<ErrorTexts.ApiError> none = noRecords(body);
        if (none.isPresent()) {
            return new Answers(List.of(), new Page(1, 0, 0, 0), none);
        }
        JsonNode record = body.path("returns").path("RmaRecord");
        JsonNode first = record.isArray() ? record.path(0) : record;
        List<ReturnOrder> found = first.isObject() ? List.of(read(first)) : List.of();
        return new Answers(found, new Page(1, found.size(), found.size(), found.size()), Optional.empty());
    }

    public Answers byUser(String userId, String fromDate, String toDate, String status, String sortBy, int page) {
        String user = IdFormat.CCO_USER_ID.check("user_id", userId);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("pageIndex", String.valueOf(Math.max(1, page)));
        LocalDate from = date("from_date", fromDate);
        LocalDate to = date("to_date", toDate);
        if (from != null && to != null && to.isBefore(from)) {
            throw CiscoException.InvalidInput.of("to_date", "from_date", (toName, fromName) -> toName + " is before " + fromName + ".");
        }
        if (from != null) {
            query.put("fromDate", from.toString());
        }
        if (to != null) {
            query.put("toDate", to.toString());
        }
        if (status != null) {
            query.put("status", ciscoStatus(status));
        }
        if (sortBy != null) {
            if (!SORTS.contains(sortBy)) {
                throw CiscoException.InvalidInput.of("sort_by", name -> name + " must be orderdate or status.");
            }
            query.put("sortBy", sortBy);
        }
        JsonNode body = gateway.get(call, SupportApi.RMA, CiscoPath.of(BASE).then("users").then("user_ids").value(user).build(), query);
        JsonNode list = body.path("OrderList");
        Optional<ErrorTexts.ApiError> none = noRecords(list);
        if (none.isPresent()) {
            return new Answers(List.of(), new Page(page, 0, 0, 0), none);
        }
        List<ReturnOrder> orders = new ArrayList<>();
        list.path("users").forEach(u -> u.path("returns").forEach(r -> orders.add(read(r))));
        JsonNode paging = list.path("APIPagination");
        return new Answers(orders, new Page(Json.integer(paging, "pageIndex", page), Json.integer(paging, "lastIndex", 1),
                Json.integer(paging, "pageRecords", orders.size()), Json.integer(paging, "totalRecords", orders.size())),
                Optional.empty());
    }

    /** Cisco's "no records" answer, if that is what this is; any other APIError is a refusal. */
    private static Optional<ErrorTexts.ApiError> noRecords(JsonNode holder) {
        JsonNode errors = holder.path("APIError").path("Error");
        JsonNode first = errors.isArray() ? errors.path(0) : errors;
        if (!first.isObject()) {
            return Optional.empty();
        }
        String code = ErrorTexts.code(Json.text(first, "errorCode"));
        if (code.equals("SVO_NO_RECORDS")) {
            return Optional.of(new ErrorTexts.ApiError(code, ErrorTexts.description(Json.text(first, "errorDescription")),
                    ErrorTexts.description(Json.text(first, "suggestedAction"))));
        }
        throw new CiscoException.Rejected("Cisco's Service Order Return API rejected the request: " + code + " ("
                + ErrorTexts.description(Json.text(first, "errorDescription")) + ").", code);
    }

    /** Cisco's status for a status word: its own, or the TypeScript server's (In Progress = booked). */
    public static String ciscoStatus(String status) {
        String s = status.strip().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("in progress")) {
            return "booked";
        }
        if (!STATUSES.contains(s)) {
            throw CiscoException.InvalidInput.of("status", name -> name + " must be one of " + String.join(", ", STATUSES) + ".");
        }
        return s;
    }

    /** A date as Cisco takes it (GMT); a date-time, as the TypeScript server took, counts as its GMT day. */
    static LocalDate date(String input, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.length() <= 10) {
                return LocalDate.parse(t);
            }
            java.time.temporal.TemporalAccessor parsed = java.time.format.DateTimeFormatter.ISO_DATE_TIME.parse(t);
            if (parsed.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)) {
                return java.time.OffsetDateTime.from(parsed).withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDate();
            }
            return LocalDate.from(parsed);
        } catch (DateTimeParseException e) {
            throw CiscoException.InvalidInput.of(input, name -> name + " must be a date, YYYY-MM-DD (GMT), or an ISO date-time.");
        }
    }

    /** Cisco's two misspelled keys, and the note names, as our structured content spells them. */
    private static final Map<String, String> RENAMES = Map.of("reqturnQtyReceived", "return_qty_received",
            "partsqtyShipped", "parts_qty_shipped", "rmaNo", "rma_number", "customerPONumber", "customer_po_number");
    private static final Map<String, String> NOTES = notes();

    private static Map<String, String> notes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("failureDescription", "failure");
        m.put("specialInstructions", "special instructions");
        m.put("partDeliveryInstructions", "delivery instructions");
        m.put("fieldEngineerInstructions", "field engineer instructions");
        m.put("partialShipmentNote", "partial shipment");
        m.put("addlComments", "comments");
        return m;
    }

    static ReturnOrder read(JsonNode r) {
        List<String> tracking = new ArrayList<>();
        JsonNode trackingInfo = r.path("replacementParts").path("trackingInfo");
        if (!Json.text(trackingInfo, "trackingNumber").isBlank()) {
            tracking.add(join(" ", Json.text(trackingInfo, "trackingNumber"), Json.text(trackingInfo, "courierList"),
                    labelled("shipped", Json.text(trackingInfo, "shipDate"))));
        }
        List<String> shipped = new ArrayList<>();
        r.path("replacementParts").path("partsLineDetails").forEach(p -> shipped.add(join(", ",
                join(" x", Json.text(p, "shippedPartNo"), Json.text(p, "partsqtyShipped")), Json.text(p, "partsLineStatus"),
                labelled("dispatch", Json.text(p, "partsDispatchStatus")), labelled("shipped", Json.text(p, "partsShipDate")),
                labelled("serial", Json.text(p, "shippedSerialID")), Json.text(p, "partsDescription"))));
        List<String> returned = new ArrayList<>();
        r.path("returnLines").path("returnParts").forEach(p -> returned.add(join(", ",
                join(" ", Json.text(p, "receivedPartNo"), Json.text(p, "receivedSerialNumber")),
                Json.text(p, "returnLineStatus"), labelled("return to Cisco by", Json.text(p, "returnToCiscoBy")),
                labelled("received", Json.text(p, "returnDateReceived")), Json.text(p, "returnDescription"))));
        List<String> instructions = new ArrayList<>();
        NOTES.forEach((key, label) -> {
            String text = ErrorTexts.description(Json.text(r.path("notes"), key).replace("\r\n", " "));
            if (!text.isEmpty()) {
                instructions.add(label + ": " + text);
            }
        });
        JsonNode shipTo = r.has("shipToInfo") ? r.path("shipToInfo") : r.path("shippingAddress");
        String address = join(", ", Json.text(shipTo, "customerName"), Json.text(shipTo, "address1"),
                Json.text(shipTo, "address2"), Json.text(shipTo, "address3"), Json.text(shipTo, "address4"),
                Json.text(shipTo, "city"), Json.text(shipTo, "state"), Json.text(shipTo, "postalCode"), Json.text(shipTo, "country"));
        return new ReturnOrder(Json.text(r, "rmaNo"), Json.text(r, "status"), Json.text(r, "orderDate"), Json.text(r, "caseId"),
                Json.text(r, "contractId"), Json.text(r, "serviceLevel"), Json.text(r, "failureClass"),
                Json.text(r, "failureCode"), Json.text(r.path("customerRefInfo"), "customerPONumber"), address, tracking,
                shipped, returned, instructions, CompactTree.of(r, RENAMES));
    }

    private static String labelled(String label, String value) {
        return value.isBlank() ? "" : label + " " + value.strip();
    }

    private static String join(String separator, String... values) {
        return String.join(separator, java.util.Arrays.stream(values).map(String::strip).filter(v -> !v.isEmpty()).toList());
    }
}
