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
import dev.ciscosupport.mcp.cisco.Page;
import dev.ciscosupport.mcp.cisco.rma.ReturnApi;
import dev.ciscosupport.mcp.cisco.rma.ReturnOrder;
import dev.ciscosupport.mcp.format.BugFormat;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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

    List<SyncToolSpecification> specifications() {
        Map<String, Object> detailProps = new LinkedHashMap<>();
        detailProps.put("rma_number", orInteger(string("The RMA number, e.g. 801934965.", "^" + IdFormat.CASE_ID.regex() + "$",
                12)));
        Map<String, Object> userProps = new LinkedHashMap<>();
        userProps.put("user_id", string("A Cisco.com user ID, e.g. jdoe.", "^" + IdFormat.CCO_USER_ID.regex() + "$", 60));
        userProps.put("from_date", string("YYYY-MM-DD (GMT); default 30 days before to_date.", DATE_OR_TIME, 35));
        userProps.put("to_date", string("YYYY-MM-DD (GMT); default today.", DATE_OR_TIME, 35));
        userProps.put("status", enumOf("In Progress = booked.", ReturnApi.STATUS_WORDS));
        userProps.put("sort_by", enumOf("orderdate (default) or status.", ReturnApi.SORTS));
        userProps.put("page_index", integer("Page, from 1.", 1, 10_000));
        return List.of(
                tool("get_rma_details", "Get RMA Details", "One service order return (RMA) by number: status, order date,"
                        + " case, contract and service level, failure, parts shipped and to return, tracking.",
                        strictObject(detailProps, List.of("rma_number")),
                        args -> output(api.in(args.call()).byNumber(args.required("rma_number")), "RMA " + args.required("rma_number").strip(),
                                true)),
                tool("get_rmas_by_user", "Get RMAs by User", "Service order returns (RMAs) a Cisco.com user opened,"
                        + " newest first; by default those ordered in the last 30 days (Cisco's default).",
                        strictObject(userProps, List.of("user_id")), args -> {
                            Integer page = args.optionalInteger("page_index");
                            ReturnApi.Answers answers = api.in(args.call()).byUser(args.required("user_id"), args.optional("from_date"),
                                    args.optional("to_date"), args.optional("status"), args.optional("sort_by"),
                                    page == null ? 1 : page);
                            String status = args.optional("status");
                            String mapped = status == null || status.equals(ReturnApi.ciscoStatus(status)) ? ""
                                    : " (status " + status + " asked as Cisco's " + ReturnApi.ciscoStatus(status) + ")";
                            return output(answers, "RMAs of " + args.required("user_id").strip() + mapped
                                    + (args.optional("from_date") == null ? " (last 30 days unless from_date is given)" : ""), false);
                        }),
                bySerial(userProps));
    }

    /**
     * The TypeScript server's {@code search_rmas_by_serial} called an endpoint Cisco does not have (it is in no WADL).
     * The name is kept for its users, and the answer says how to find a device's RMAs with what Cisco has.
     */
    private SyncToolSpecification bySerial(Map<String, Object> userProps) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("serial_numbers", string("Serial numbers, comma-separated.", listPattern(IdFormat.SERIAL_NUMBER.regex()), 2000));
        props.put("from_date", userProps.get("from_date"));
        props.put("to_date", userProps.get("to_date"));
        props.put("page_index", userProps.get("page_index"));
        Map<String, Object> output = object(Schemas.properties(Schemas.source(), Schemas.cache(),
                Map.entry("serial_numbers", arrayOf(type("string"))), Map.entry("searched", type("boolean")),
                Map.entry("use_instead", arrayOf(type("string")))), List.of("source", "searched", "use_instead"));
        return ToolHandlers.readOnly("search_rmas_by_serial", "Search RMAs by Serial (not at Cisco)",
                "Kept for the TypeScript server's users: Cisco's RMA API cannot search by serial number; the answer says how"
                        + " to find a device's RMAs instead. Makes no Cisco call.",
                strictObject(props, List.of("serial_numbers")), output, context, args -> {
                    List<String> serials = IdFormat.SERIAL_NUMBER.checkAll("serial_numbers", args.requiredList("serial_numbers"),
                            300);
                    List<String> instead = List.of(
                            "get_rmas_by_user with the Cisco.com user ID that opened the RMAs (each lists its shipping address)",
                            "get_case_summary or search_cases_by_contract: each case gives its serial number and RMA numbers",
                            "get_rma_details with an RMA number: the parts shipped and returned, with their serial numbers");
                    Map<String, Object> structured = new LinkedHashMap<>();
                    structured.put("serial_numbers", serials);
                    structured.put("searched", false);
                    structured.put("use_instead", instead);
                    return new ToolOutput("Cisco's Service Order Return (RMA) API has no search by serial number (its endpoints"
                            + " take an RMA number or a Cisco.com user ID), so nothing was searched for " + String.join(", ", serials)
                            + ". To find the RMAs of a device:\n- " + String.join("\n- ", instead), structured);
                });
    }

    private SyncToolSpecification tool(String name, String title, String description, Map<String, Object> input,
            Function<ToolArguments, ToolOutput> body) {
        return ToolHandlers.readOnly(name, title, description, input, outputSchema(), context, body);
    }

    private static ToolOutput output(ReturnApi.Answers answers, String subject, boolean detail) {
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
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("page", BugFormat.structuredPage(page));
        answers.noRecords().ifPresent(e -> structured.put("cisco_says", Map.of("code", e.code(), "message", e.description(),
                "suggested_action", e.action())));
        structured.put("returns", orders.stream().map(o -> {
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
        }).toList());
        return new ToolOutput(text.toString(), structured);
    }

    private static Map<String, Object> outputSchema() {
        Map<String, Object> item = object(Schemas.properties(Map.entry("rma_number", type("string")),
                Map.entry("status", type("string")), Map.entry("order_date", type("string"))), List.of("rma_number"));
        return object(Schemas.properties(Schemas.source(), Schemas.cache(),
                Map.entry("page", type("object")), Map.entry("returns", arrayOf(item))), List.of("source", "page", "returns"));
    }
}
