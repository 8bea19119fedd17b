package dev.ciscosupport.mcp.sandbox;

import dev.ciscosupport.mcp.json.Json;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cisco's Service Order Return (RMA) API v1.0 as the sandbox serves it (SPEC.md §10, the WADL): one RMA by
 * number, RMAs by CCO user with {@code fromDate}/{@code toDate} (default: the last 30 days), {@code status}
 * and {@code sortBy}; string paging counters in {@code APIPagination}; "no records" as an HTTP 200
 * {@code APIError}; and the real misspellings ({@code reqturnQtyReceived}, {@code partsqtyShipped}).
 */
final class RmaEndpoints {
    static final int PAGE_SIZE = 10;
    private static final List<String> STATUSES = List.of("open", "booked", "hold", "closed", "cancelled");
    private final CaseCatalog cases;
    private final LocalDate today;

    RmaEndpoints(CaseCatalog cases, LocalDate today) {
        this.cases = cases;
        this.today = today;
    }

    /** @param path the decoded path segments after {@code /return/v1.0/returns} */
    Answer handle(List<String> path, Map<String, String> query, String rawPath) {
        if (path.size() == 2 && path.get(0).equals("rma_numbers")) {
            return byNumber(path.get(1), rawPath);
        }
        if (path.size() == 3 && path.get(0).equals("users") && path.get(1).equals("user_ids")) {
            return byUser(path.get(2), query, rawPath);
        }
        return GatewayFaults.serviceNotFound();
    }

    private Answer byNumber(String number, String rawPath) {
        if (!number.matches("[0-9]{1,12}")) {
            return error(null, "API_RMA_FORMAT_ERROR", "The RMA number format is invalid.", number);
        }
        Optional<CaseCatalog.SupportCase> found = cases.all().stream().filter(c -> number.equals(c.rmaNumber())).findFirst();
        if (found.isEmpty()) {
            return error(null, "SVO_NO_RECORDS", "No order found for the given request.", number);
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        paging(root, 1, 1, 1, "https://api.cisco.com" + rawPath);
        record(root.putObject("returns").putArray("RmaRecord").addObject(), found.get());
        return Answer.json(200, root);
    }

    private Answer byUser(String user, Map<String, String> query, String rawPath) {
        LocalDate from;
        LocalDate to;
        try {
            to = query.containsKey("toDate") ? LocalDate.parse(query.get("toDate")) : today;
            from = query.containsKey("fromDate") ? LocalDate.parse(query.get("fromDate")) : to.minusDays(30);
        } catch (DateTimeParseException e) {
            return error("OrderList", "API_DATEFORMAT_ERROR", "Date must be in YYYY-MM-DD format.", null);
        }
        String status = query.get("status");
        if (status != null && !STATUSES.contains(status)) {
            return error("OrderList", "API_INVALID_STATUS", "Invalid status.", null);
        }
        String sortBy = query.getOrDefault("sortBy", "orderdate");
        List<CaseCatalog.SupportCase> found = cases.all().stream()
                .filter(c -> c.rmaNumber() != null && c.userId().equalsIgnoreCase(user))
                .filter(c -> !c.created().toLocalDate().isBefore(from) && !c.created().toLocalDate().isAfter(to))
                .filter(c -> status == null || c.rmaStatus().toLowerCase(Locale.ROOT).equals(status))
                .sorted(sortBy.equals("status") ? Comparator.comparing(CaseCatalog.SupportCase::rmaStatus)
                        : Comparator.comparing(CaseCatalog.SupportCase::created).reversed())
                .toList();
        if (found.isEmpty()) {
            return error("OrderList", "SVO_NO_RECORDS", "No order found for the given request.", null);
        }
        int page = Math.max(1, parse(query.getOrDefault("pageIndex", "1")));
        int total = found.size();
        int fromIndex = Math.min(total, (page - 1) * PAGE_SIZE);
        List<CaseCatalog.SupportCase> onPage = found.subList(fromIndex, Math.min(total, fromIndex + PAGE_SIZE));
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode list = root.putObject("OrderList");
        paging(list, page, (total + PAGE_SIZE - 1) / PAGE_SIZE, total, "https://api.cisco.com" + rawPath)
                .put("pageRecords", String.valueOf(onPage.size()));
        ObjectNode u = list.putArray("users").addObject().put("userId", user).put("returnCount", String.valueOf(total));
        ArrayNode returns = u.putArray("returns");
        for (CaseCatalog.SupportCase c : onPage) {
            returns.addObject().put("rmaNo", Long.parseLong(c.rmaNumber())).put("status", c.rmaStatus())
                    .put("orderDate", c.created().toLocalDate().toString()).put("caseId", c.caseId())
                    .putObject("shippingAddress").put("address1", "100 MAIN STREET").put("address2", "").put("address3", "")
                    .put("address4", "").put("city", "SAN JOSE").put("state", "CA").put("country", "US").put("postalCode", "95134");
        }
        return Answer.json(200, root);
    }

    private static ObjectNode paging(ObjectNode parent, int page, int last, int total, String self) {
        return parent.putObject("APIPagination").put("pageIndex", String.valueOf(page)).put("lastIndex", String.valueOf(last))
                .put("totalRecords", String.valueOf(total)).put("pageRecords", String.valueOf(Math.min(total, PAGE_SIZE)))
                .put("title", "Service Order RMA API").put("selfLink", self);
    }

    private static void record(ObjectNode r, CaseCatalog.SupportCase c) {
        String date = c.created().toLocalDate().toString();
        r.put("rmaNo", Long.parseLong(c.rmaNumber())).put("status", c.rmaStatus()).put("orderDate", date)
                .put("caseId", c.caseId()).put("requestedShipDate", date).put("originator", c.userId().toUpperCase(Locale.ROOT))
                .put("allowPartialShipment", "").put("failureClass", "Operational Failure")
                .put("failureCode", "HW Fail - " + c.subTechnology()).put("contractId", c.contract())
                .put("serviceLevel", "Premium Parts & Labor - 4 Hour");
        r.putObject("customerRefInfo").put("customerPONumber", "").put("origSalesOrderNumber", "")
                .put("customerRefNumber", "").put("customerProvidedSN", c.serial());
        r.putObject("shipToInfo").put("customerName", "EXAMPLE CORP").put("address1", "100 MAIN STREET").put("address2", "")
                .put("address3", "").put("address4", "").put("city", "SAN JOSE").put("state", "CA").put("country", "US")
                .put("postalCode", "95134").put("stateProv", "").put("siteUseId", "").put("ackUserId", c.userId())
                .put("ackPhone", "").put("ackEmail", c.userId() + "@example.com").put("ackName", c.contactName())
                .put("shipToContactName", c.contactName()).put("shipToContactPhone", "").put("shipToContactEmail", "");
        r.putObject("billToInfo").put("customerName", "EXAMPLE CORP").put("address1", "100 MAIN STREET").put("address2", "")
                .put("address3", "").put("address4", "").put("city", "SAN JOSE").put("state", "CA").put("country", "US")
                .put("postalCode", "95134").put("stateProv", "").put("siteUseId", "");
        ObjectNode parts = r.putObject("replacementParts");
        parts.putObject("trackingInfo").put("trackingNumber", "1Z" + c.rmaNumber()).put("courierList", "UPS")
                .put("shipDate", date);
        parts.putArray("partsLineDetails").addObject().put("partsLineRef", "1").put("partsLineStatus", "Shipped")
                .put("partsTransactionType", "Advance Replacement").put("shippedPartNo", c.productId())
                .put("partsDescription", "Replacement " + c.productId()).put("partsQtyAuth", "1")
                .put("partsScheduledShipTime", date).put("partsqtyShipped", "1").put("partsShipDate", date)
                .put("partsShipmentWarehouse", "SJC").put("partsDispatchStatus", "Delivered").put("shippedSerialID", "");
        r.putObject("returnLines").putArray("returnParts").addObject().put("returnLineRef", "1")
                .put("returnLineStatus", c.rmaStatus().equals("Closed") ? "Received" : "Awaiting Return")
                .put("returnTransactionType", "Defective Return").put("receivedPartNo", c.productId())
                .put("returnDescription", c.productId()).put("returnQtyAuth", "1").put("returnToCiscoBy", date)
                .put("reqturnQtyReceived", c.rmaStatus().equals("Closed") ? "1" : "0").put("returnDateReceived", "")
                .put("returnWarehouse", "SJC").put("receivedSerialNumber", c.serial());
        r.putObject("laborDetails").put("fieldEngineerName", "").put("fieldEngineerPhone", "")
                .put("fieldEngineerOnRouteTime", "").put("fieldEngineerArrivedTime", "").put("fieldEngineerReleasedTime", "")
                .putArray("laborLines");
        r.putObject("notes").put("addlComments", "").put("failureDescription", c.title())
                .put("fieldEngineerInstructions", "").put("partDeliveryInstructions", "").put("partialShipmentNote", "")
                .put("specialInstructions", "");
    }

    private static Answer error(String wrapper, String code, String description, String input) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode holder = wrapper == null ? root : root.putObject(wrapper);
        ObjectNode e = holder.putObject("APIError").putArray("Error").addObject().put("errorCode", code)
                .put("errorDescription", description).put("suggestedAction", description);
        if (input != null) {
            e.put("inputIdentifier", input);
        }
        return Answer.json(200, root);
    }

    private static int parse(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
