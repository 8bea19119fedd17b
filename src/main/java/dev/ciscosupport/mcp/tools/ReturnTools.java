package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.IdFormat;
import dev.ciscosupport.mcp.cisco.Page;
import dev.ciscosupport.mcp.cisco.rma.ReturnApi;
import dev.ciscosupport.mcp.cisco.rma.ReturnOrder;
import dev.ciscosupport.mcp.format.PageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RMA tools as Cisco's WADL describes the API: {@code get_rma_details} by number, and
 * {@code get_rmas_by_user} with Cisco's real parameters (dates as YYYY-MM-DD, statuses open, booked,
 * hold, closed, cancelled; sort by order date or status). The TypeScript server's paths, parameters and
 * its RMA-by-serial tool do not exist in Cisco's API and are not offered.
 */
final class ReturnTools {
    private final ReturnApi api;
    private final ToolContext context;

    ReturnTools(ReturnApi api, ToolContext context) {
        this.api = api;
        this.context = context;
    }

    /** A date, or an ISO date-time as the TypeScript server took (its GMT day is used). */
    private static final String DATE_OR_TIME = "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?)?$";
    private static final String FROM = "YYYY-MM-DD (GMT); default 30 days before to_date.";
    private static final String TO = "YYYY-MM-DD (GMT); default today.";

    /** {@code get_rma_details}' arguments. */
    record Number(
            @Arg(value = "The RMA number, e.g. 801934965.", required = true, orWholeNumber = true, maxLength = 12,
                    pattern = "^" + IdFormat.DIGITS + "$") String rmaNumber) {
    }

    /** {@code get_rmas_by_user}'s arguments. */
    record ByUser(
            @Arg(value = "A Cisco.com user ID, e.g. jdoe.", required = true, maxLength = 60,
                    pattern = "^" + IdFormat.USER_ID + "$") String userId,
            @Arg(value = FROM, pattern = DATE_OR_TIME, maxLength = 35) String fromDate,
            @Arg(value = TO, pattern = DATE_OR_TIME, maxLength = 35) String toDate,
            @Arg("In Progress = booked.") ReturnApi.StatusWord status,
            @Arg("orderdate (default) or status.") ReturnApi.Sort sortBy,
            @Arg(value = "Page, from 1.", minimum = 1, maximum = 10_000) Integer pageIndex) implements Paged {
    }

    /** {@code search_rmas_by_serial}'s arguments (the dates and page are taken, as that server took them, and unused). */
    record BySerial(
            @Arg(value = "Serial numbers, comma-separated.", required = true) String serialNumbers,
            @Arg(value = FROM, pattern = DATE_OR_TIME, maxLength = 35) String fromDate,
            @Arg(value = TO, pattern = DATE_OR_TIME, maxLength = 35) String toDate,
            @Arg(value = "Page, from 1.", minimum = 1, maximum = 10_000) Integer pageIndex) implements Paged {
    }

    /** What the RMA lookups answer; Cisco's own words when it found none. */
    record Returns(Map<String, Object> page, Optional<Map<String, Object>> ciscoSays, List<Map<String, Object>> returns) {
    }

    /** What {@code search_rmas_by_serial} answers: nothing searched, and what to use instead. */
    record NotSearched(List<String> serialNumbers, boolean searched, List<String> useInstead) {
    }

    List<ToolDefinition> definitions() {
        return List.of(
                TypedTool.readOnly("get_rma_details", "Get RMA Details", "One service order return (RMA) by number: status,"
                        + " order date, case, contract and service level, failure, parts shipped and to return, tracking.",
                        Number.class, Returns.class, context, (args, call) -> output(api.in(call).byNumber(args.rmaNumber()),
                                "RMA " + args.rmaNumber().strip(), true)),
                TypedTool.readOnly("get_rmas_by_user", "Get RMAs by User", "Service order returns (RMAs) a Cisco.com user"
                        + " opened, newest first; by default those ordered in the last 30 days (Cisco's default).",
                        ByUser.class, Returns.class, context, (args, call) -> {
                            String status = args.status() == null ? null : args.status().toString();
                            ReturnApi.Answers answers = api.in(call).byUser(args.userId(), args.fromDate(), args.toDate(),
                                    status, args.sortBy() == null ? null : args.sortBy().toString(),
                                    args.page());
                            String mapped = status == null || status.equals(ReturnApi.ciscoStatus(status)) ? ""
                                    : " (status " + status + " asked as Cisco's " + ReturnApi.ciscoStatus(status) + ")";
                            return output(answers, "RMAs of " + args.userId().strip() + mapped
                                    + (args.fromDate() == null ? " (last 30 days unless from_date is given)" : ""), false);
                        }),
                bySerial());
    }

    /**
     * The TypeScript server's {@code search_rmas_by_serial} called an endpoint Cisco does not have (it is in no WADL).
     * The name is kept for its users, and the answer says how to find a device's RMAs with what Cisco has.
     */
    private ToolDefinition bySerial() {
        return TypedTool.readOnly("search_rmas_by_serial", "Search RMAs by Serial (not at Cisco)",
                "Kept for the TypeScript server's users: Cisco's RMA API cannot search by serial number; the answer says how"
                        + " to find a device's RMAs instead. Makes no Cisco call.",
                BySerial.class, NotSearched.class, context, (args, call) -> {
                    List<String> serials = IdFormat.SERIAL_NUMBER.checkAll("serial_numbers",
                            RecordArguments.items(args.serialNumbers()), 300);
                    List<String> instead = List.of(
                            "get_rmas_by_user with the Cisco.com user ID that opened the RMAs (each lists its shipping address)",
                            "get_case_summary or search_cases_by_contract: each case gives its serial number and RMA numbers",
                            "get_rma_details with an RMA number: the parts shipped and returned, with their serial numbers");
                    return new TypedTool.Answer<>("Cisco's Service Order Return (RMA) API has no search by serial number"
                            + " (its endpoints take an RMA number or a Cisco.com user ID), so nothing was searched for "
                            + String.join(", ", serials) + ". To find the RMAs of a device:\n- " + String.join("\n- ", instead),
                            new NotSearched(serials, false, instead));
                });
    }

    private static TypedTool.Answer<Returns> output(ReturnApi.Answers answers, String subject, boolean detail) {
        List<ReturnOrder> orders = answers.orders();
        Page page = answers.page();
        StringBuilder text = new StringBuilder(subject).append(": ");
        if (orders.isEmpty()) {
            text.append("no order found").append(answers.noRecords().map(e -> " (Cisco: " + e.code() + ", "
                    + String.join(" ", java.util.stream.Stream.of(e.description(), e.action()).filter(v -> !v.isEmpty())
                            .distinct().toList()) + ")").orElse("")).append('.');
        } else {
            text.append(page.total()).append(page.total() == 1 ? " return" : " returns").append('.');
        }
        for (ReturnOrder o : orders) {
            List<String> parts = new ArrayList<>(List.of(o.rmaNumber(), o.status(), "ordered " + o.orderDate()));
            if (!o.caseId().isEmpty()) {
                parts.add("case " + o.caseId());
            }
            if (!o.shipTo().isEmpty()) {
                parts.add("ship to " + o.shipTo());
            }
            text.append("\n").append(String.join(" | ", parts));
            if (detail) {
                if (!o.serviceLevel().isEmpty() || !o.contractId().isEmpty()) {
                    text.append("\n  contract ").append(o.contractId()).append(" (").append(o.serviceLevel()).append(')');
                }
                if (!o.customerPo().isEmpty()) {
                    text.append("\n  customer PO ").append(o.customerPo());
                }
                if (!o.failureCode().isEmpty() || !o.failureClass().isEmpty()) {
                    text.append("\n  failure: ").append(String.join(" - ", java.util.stream.Stream.of(o.failureClass(),
                            o.failureCode()).filter(v -> !v.isEmpty()).toList()));
                }
                o.shipped().forEach(line -> text.append("\n  shipped: ").append(line));
                o.returned().forEach(line -> text.append("\n  to return: ").append(line));
                o.tracking().forEach(line -> text.append("\n  tracking: ").append(line));
                o.instructions().forEach(line -> text.append("\n  ").append(line));
            }
        }
        if (page.hasNext()) {
            text.append("\nMore: call again with page_index=").append(page.index() + 1).append('.');
        }
        Optional<Map<String, Object>> ciscoSays = answers.noRecords().map(e -> Map.of("code", e.code(), "message",
                e.description(), "suggested_action", e.action()));
        List<Map<String, Object>> returns = orders.stream().map(o -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rma_number", o.rmaNumber());
            m.put("status", o.status());
            m.put("order_date", o.orderDate());
            m.put("case_id", o.caseId());
            m.put("contract_id", o.contractId());
            m.put("service_level", o.serviceLevel());
            m.put("failure_class", o.failureClass());
            m.put("failure_code", o.failureCode());
            m.put("ship_to", o.shipTo());
            m.put("tracking", o.tracking());
            m.put("shipped", o.shipped());
            m.put("to_return", o.returned());
            m.put("details", o.details());
            return m;
        }).toList();
        return new TypedTool.Answer<>(text.toString(), new Returns(PageFormat.structured(page), ciscoSays, returns));
    }
}
