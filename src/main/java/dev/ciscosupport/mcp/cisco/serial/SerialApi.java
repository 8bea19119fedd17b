package dev.ciscosupport.mcp.cisco.serial;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Cisco's Serial Number to Information API v2 ({@code /sn2info/v2}): coverage status, owner status,
 * coverage summary by serial or instance number, and orderable product IDs. Cisco takes 75 inputs per
 * call (more are split and merged) and answers in its own order, so answers are matched to the inputs
 * by serial number, never by position.
 */
public final class SerialApi {
    public static final int INPUTS_PER_CALL = 75;
    /** Our cap per tool call: at most 4 Cisco calls. */
    public static final int MAX_INPUTS = 300;
    static final String BASE = "/sn2info/v2";

    /** The five questions the API answers. */
    public enum Question {
        STATUS("coverage/status/serial_numbers", "serial_numbers"),
        OWNER_STATUS("coverage/owner_status/serial_numbers", "serial_numbers"),
        SUMMARY("coverage/summary/serial_numbers", "serial_numbers"),
        SUMMARY_BY_INSTANCE("coverage/summary/instance_numbers", "instance_numbers"),
        ORDERABLE("identifiers/orderable/serial_numbers", "serial_numbers");

        private final String path;
        private final String listKey;

        Question(String path, String listKey) {
            this.path = path;
            this.listKey = listKey;
        }

        boolean paged() {
            return this == SUMMARY || this == SUMMARY_BY_INSTANCE;
        }
    }

    /** Answers in the order the inputs were given, with the paging of the summaries. */
    public record Answers(List<SerialCoverage> items, Page page, int ciscoCalls) {
        public Answers {
            items = List.copyOf(items);
        }
    }

    private final CiscoGateway gateway;
    private final CallContext call;

    /** The API for the server's own calls (entitlement probes, completions); {@link #in} gives it for a tool call. */
    public SerialApi(CiscoGateway gateway) {
        this(gateway, CallContext.background());
    }

    private SerialApi(CiscoGateway gateway, CallContext call) {
        this.gateway = gateway;
        this.call = call;
    }

    /** This API for one tool call: its requests carry the call's caller, listener and cancellation. */
    public SerialApi in(CallContext call) {
        return new SerialApi(gateway, call);
    }

    /** One cheap call, to learn whether the Cisco app is entitled to this API. */
    public void probe() {
        gateway.getFresh(SupportApi.SERIAL, CiscoPath.of(BASE).then(Question.STATUS.path).value("FOC0000A000").build(), Map.of());
    }

    /** Refuses bad inputs as {@code serial_numbers} or {@code instance_numbers}, what Cisco calls them. */
    public Answers ask(Question question, List<String> inputs, int page) {
        IdFormat format = question == Question.SUMMARY_BY_INSTANCE ? IdFormat.INSTANCE_NUMBER : IdFormat.SERIAL_NUMBER;
        List<String> checked = format.checkAll(question.listKey, inputs, MAX_INPUTS);
        if (!question.paged() && page > 1) {
            return new Answers(List.of(), new Page(page, 1, 0, checked.size()), 0); // one page holds every answer
        }
        Map<String, SerialCoverage> answered = new LinkedHashMap<>();
        // One answer per input: those fetched lately, alone or among others, are not asked again (the record cache). A
        // paged question's first page is answered from them only when all are known, so that Cisco's paging of the
        // inputs stays as it is.
        boolean byRecord = !question.paged() || page == 1;
        RecordCache.Found<SerialCoverage> known = byRecord
                ? gateway.records().find(call, SupportApi.SERIAL, question.name(), checked, SerialCoverage.class)
                : new RecordCache.Found<>(Map.of(), false, 0);
        if (question.paged() && known.records().size() < checked.size()) {
            known = new RecordCache.Found<>(Map.of(), false, 0);
        }
        RecordCache.report(call, SupportApi.SERIAL, known);
        answered.putAll(known.records());
        List<String> unknown = checked.stream().filter(input -> !answered.containsKey(Batches.key(input))).toList();
        Batches.Paging paging = new Batches.Paging();
        for (List<String> batch : Batches.of(unknown, INPUTS_PER_CALL)) {
            Map<String, String> query = question.paged() ? Map.of("page_index", String.valueOf(page)) : Map.of();
            JsonNode body = gateway.get(call, SupportApi.SERIAL, CiscoPath.of(BASE).then(question.path).values(batch).build(), query);
            Optional<ErrorTexts.ApiError> error = ErrorTexts.errorResponse(body);
            if (error.isPresent() && !body.has(question.listKey)) {
                throw new CiscoException.Rejected("Cisco's Serial Number to Information API rejected the request: "
                        + error.get().summary() + ".", error.get().code());
            }
            JsonNode pages = body.path("pagination_response_record");
            boolean whole = byRecord && (!question.paged() || Json.integer(pages, "last_index", 1) <= 1);
            for (JsonNode item : body.path(question.listKey)) {
                SerialCoverage c = coverage(item);
                // by instance number, Cisco's items carry the serial too: match on what was asked
                String input = c.key(question == Question.SUMMARY_BY_INSTANCE);
                answered.put(Batches.key(input), c);
                if (whole) {
                    gateway.records().keep(call, SupportApi.SERIAL, question.name(), input, c);
                }
            }
            paging.add(Json.integer(pages, "last_index", 1), Json.integer(pages, "total_records", batch.size()));
        }
        // An input Cisco said nothing at all about is listed as such (paged questions list only what Cisco sent).
        List<SerialCoverage> inOrder = Batches.inOrder(checked, answered,
                input -> question.paged() ? null : missing(input, question));
        return new Answers(inOrder, new Page(page, Math.max(paging.last(), known.any() ? 1 : 0), inOrder.size(),
                paging.total() + known.records().size()), paging.requests());
    }

    private static SerialCoverage missing(String input, Question question) {
        boolean instance = question == Question.SUMMARY_BY_INSTANCE;
        return new SerialCoverage(instance ? "" : input, instance ? input : "", "", "", "", List.of(), List.of(), "", "", "",
                "", "", "", SerialCoverage.Site.NONE, "NO_RECORDS_FOUND", "No records found", "");
    }

    static SerialCoverage coverage(JsonNode n) {
        List<String> basePids = new ArrayList<>();
        n.path("base_pid_list").forEach(b -> basePids.add(Json.text(b, "base_pid")));
        if (n.path("base_pid").isObject()) {
            basePids.add(Json.text(n.path("base_pid"), "base_pid"));
        }
        List<SerialCoverage.Orderable> orderable = new ArrayList<>();
        List<JsonNode> orderableNodes = new ArrayList<>();
        n.path("orderable_pid_list").forEach(orderableNodes::add);
        if (n.path("orderable_pid").isObject()) {
            orderableNodes.add(n.path("orderable_pid"));
        }
        for (JsonNode o : orderableNodes) {
            orderable.add(new SerialCoverage.Orderable(Json.text(o, "orderable_pid"), Json.text(o, "item_description"),
                    Json.text(o, "pillar_code"), Json.text(o, "pillar_description"), Json.text(o, "item_position"),
                    Json.text(o, "item_type")));
        }
        Optional<ErrorTexts.ApiError> error = ErrorTexts.errorResponse(n);
        return new SerialCoverage(Json.text(n, "sr_no"), Json.text(n, "instance_number"), Json.text(n, "is_covered"),
                first(Json.text(n, "coverage_end_date"), Json.text(n, "covered_product_line_end_date")),
                Json.text(n, "sr_no_owner"), basePids, orderable,
                first(Json.text(n, "parent_sr_no"), Json.text(n, "parent_instance_no")),
                Json.text(n, "service_contract_number"), Json.text(n, "service_line_descr"), Json.text(n, "warranty_end_date"),
                Json.text(n, "warranty_type"), Json.text(n, "warranty_type_description"),
                new SerialCoverage.Site(Json.text(n, "contract_site_customer_name"), Json.text(n, "contract_site_address1"),
                        Json.text(n, "contract_site_city"), Json.text(n, "contract_site_state_province"),
                        Json.text(n, "contract_site_postal_code"), Json.text(n, "contract_site_country")),
                error.map(ErrorTexts.ApiError::code).orElse(""), error.map(ErrorTexts.ApiError::description).orElse(""),
                error.map(ErrorTexts.ApiError::action).orElse(""));
    }

    private static String first(String a, String b) {
        return a.isEmpty() ? b : a;
    }
}
