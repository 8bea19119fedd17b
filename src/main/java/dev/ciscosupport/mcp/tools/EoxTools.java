package dev.ciscosupport.mcp.tools;

import static dev.ciscosupport.mcp.tools.Schemas.arrayOf;
import static dev.ciscosupport.mcp.tools.Schemas.enumOf;
import static dev.ciscosupport.mcp.tools.Schemas.integer;
import static dev.ciscosupport.mcp.tools.Schemas.listPattern;
import static dev.ciscosupport.mcp.tools.Schemas.object;
import static dev.ciscosupport.mcp.tools.Schemas.strictObject;
import static dev.ciscosupport.mcp.tools.Schemas.string;
import static dev.ciscosupport.mcp.tools.Schemas.type;

import dev.ciscosupport.mcp.cisco.IdFormat;
import dev.ciscosupport.mcp.cisco.Page;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.eox.EoxApi;
import dev.ciscosupport.mcp.cisco.eox.EoxPage;
import dev.ciscosupport.mcp.cisco.eox.EoxRecord;
import dev.ciscosupport.mcp.format.BugFormat;
import dev.ciscosupport.mcp.format.EoxFormat;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The four EoX tools, with the TypeScript server's names and parameters, but all 20 software inputs
 * Cisco accepts (not 5), more than 20 product IDs or serials split over several calls, and "no EoX
 * information" reported as the normal answer it is.
 */
final class EoxTools {
    private static final int SOFTWARE_INPUTS = 20;
    private final EoxApi api;
    private final ToolContext context;

    EoxTools(EoxApi api, ToolContext context) {
        this.api = api;
        this.context = context;
    }

    List<SyncToolSpecification> specifications() {
        Map<String, Object> softwareProps = new LinkedHashMap<>();
        softwareProps.put("input1", string("Release and OS type, e.g. 15.2(7)E,IOS or 17.9,IOS-XE; input2 to input20 the same.",
                "^[^,]+,.+$", 80));
        for (int n = 2; n <= SOFTWARE_INPUTS; n++) {
            softwareProps.put("input" + n, type("string")); // described once, in input1
        }
        softwareProps.put("page_index", pageIndex());
        return List.of(
                tool("get_eox_by_date", "Get EoX by Date",
                        "End-of-life records whose milestone falls between two dates (inclusive). eox_attrib picks the"
                                + " milestone (default: the record's update date). Up to 1000 records per page.",
                        strictObject(Schemas.properties(
                                Map.entry("start_date", string(null, Schemas.DATE, 10)),
                                Map.entry("end_date", string(null, Schemas.DATE, 10)),
                                Map.entry("eox_attrib", enumOf("Milestone; default UPDATE_TIMESTAMP.",
                                        EoxApi.DATE_ATTRIBUTES)),
                                Map.entry("page_index", pageIndex())), List.of("start_date", "end_date")),
                        args -> answer("get_eox_by_date", "dates " + args.required("start_date") + " to "
                                + args.required("end_date"), args, page -> api.in(args.call()).byDates(date(args, "start_date"),
                                date(args, "end_date"), args.optional("eox_attrib"), page))),
                tool("get_eox_by_product_id", "Get EoX by Product ID",
                        "End-of-life milestones (end of sale, end of SW maintenance, end of vulnerability support, last"
                                + " date of support...) and replacement for product IDs, comma-separated; * wildcards allowed"
                                + " (3+ other characters). Up to " + EoxApi.MAX_INPUTS + ".",
                        strictObject(Schemas.properties(Map.entry("product_ids", string("Comma-separated product IDs, e.g."
                                + " WS-C3850-48XS-E,C9300-24T.", listPattern(IdFormat.EOX_PRODUCT_ID.regex()), 51 * EoxApi.MAX_INPUTS)),
                                Map.entry("page_index", pageIndex())), List.of("product_ids")),
                        args -> answer("get_eox_by_product_id", "product IDs", args,
                                page -> api.in(args.call()).byProductIds("product_ids", args.requiredList("product_ids"), page))),
                tool("get_eox_by_serial_number", "Get EoX by Serial Number",
                        "End-of-life milestones for the products behind serial numbers, comma-separated. Up to "
                                + EoxApi.MAX_INPUTS + ".",
                        strictObject(Schemas.properties(Map.entry("serial_numbers", string("Comma-separated serial numbers,"
                                + " e.g. FOC1234X0AB.", listPattern(IdFormat.SERIAL_NUMBER.regex()), 41 * EoxApi.MAX_INPUTS)),
                                Map.entry("page_index", pageIndex())), List.of("serial_numbers")),
                        args -> answer("get_eox_by_serial_number", "serial numbers", args,
                                page -> api.in(args.call()).bySerialNumbers("serial_numbers", args.requiredList("serial_numbers"), page))),
                tool("get_eox_by_software_release", "Get EoX by Software Release",
                        "End-of-life records for software releases, up to 20 (input1 to input20). OS type as Cisco names it"
                                + " (IOS, IOS-XE, IOS XR, NX-OS, ASA, FTD...; an unknown one is answered with the full list).",
                        strictObject(softwareProps, List.of("input1")),
                        args -> answer("get_eox_by_software_release", "software releases", args, page -> {
                            List<String> names = new ArrayList<>();
                            List<String> inputs = new ArrayList<>();
                            for (int n = 1; n <= SOFTWARE_INPUTS; n++) {
                                String value = args.optional("input" + n);
                                if (value != null) {
                                    names.add("input" + n);
                                    inputs.add(value);
                                }
                            }
                            if (inputs.isEmpty()) {
                                throw new CiscoException.InvalidInput("input1 is required, e.g. 15.2(7)E,IOS.");
                            }
                            return api.in(args.call()).bySoftwareReleases(names, inputs, page);
                        })));
    }

    private SyncToolSpecification tool(String name, String title, String description, Map<String, Object> input,
            Function<ToolArguments, ToolOutput> body) {
        return ToolHandlers.readOnly(name, title, description, input, outputSchema(), context, body);
    }

    private static Map<String, Object> pageIndex() {
        return integer("1000 a page.", 1, 99_999);
    }

    private static LocalDate date(ToolArguments args, String name) {
        try {
            return LocalDate.parse(args.required(name));
        } catch (DateTimeParseException e) {
            throw new CiscoException.InvalidInput(name + " is not a real date in the form YYYY-MM-DD.");
        }
    }

    private ToolOutput answer(String tool, String subject, ToolArguments args, Function<Integer, EoxPage> query) {
        Integer pageIndex = args.optionalInteger("page_index");
        EoxPage result = query.apply(pageIndex == null ? 1 : pageIndex);
        List<EoxRecord> found = result.records().stream().filter(EoxRecord::found).toList();
        List<EoxRecord> missing = result.records().stream().filter(r -> !r.found()).toList();
        Page page = result.page();
        StringBuilder text = new StringBuilder("EoX for ").append(subject).append(": ").append(found.size())
                .append(found.size() == 1 ? " record" : " records");
        if (page.last() > 1) {
            text.append(", page ").append(page.index()).append(" of ").append(page.last());
        }
        text.append('.');
        for (EoxRecord r : found) {
            text.append("\n").append(EoxFormat.product(r));
        }
        Map<String, String> byInput = new LinkedHashMap<>();
        found.forEach(r -> r.inputs().forEach(i -> byInput.putIfAbsent(i, r.productId())));
        List<Map<String, Object>> notFound = new ArrayList<>();
        for (EoxRecord r : missing) {
            text.append('\n').append(missingLine(r, byInput.keySet()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("inputs", r.inputs());
            m.put("code", r.errorCode());
            m.put("message", r.errorDescription());
            if (!r.errorDataType().isEmpty()) {
                m.put("about", r.errorDataType());
                m.put("value", r.errorDataValue());
            }
            if (!r.bulletinNumber().isEmpty()) {
                m.put("bulletin_number", r.bulletinNumber());
            }
            notFound.add(m);
        }
        if (page.hasNext()) {
            text.append("\nMore: call ").append(tool).append(" with the same arguments and page_index=")
                    .append(page.index() + 1).append('.');
        }
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("page", BugFormat.structuredPage(page));
        structured.put("cisco_calls", result.ciscoCalls());
        structured.put("records", found.stream().map(EoxFormat::structured).toList());
        structured.put("product_by_input", byInput);
        structured.put("not_found", notFound);
        return new ToolOutput(text.toString(), structured);
    }

    /**
     * What a record-level error says. Cisco also reports errors about something other than the input (a product
     * bulletin it has no EoX data for, SSA_ERR_022) beside valid records for the same input: those are not "no
     * EoX information for the input".
     */
    static String missingLine(EoxRecord r, java.util.Set<String> answeredInputs) {
        boolean aboutInput = r.errorDataType().isEmpty() && r.inputs().stream().noneMatch(answeredInputs::contains);
        if (aboutInput) {
            return "No EoX information for " + String.join(", ", r.inputs())
                    + " (Cisco has announced no end of life for it, or it matched no product).";
        }
        String subject = r.errorDataType().equals("PRODUCT_BULLETIN")
                ? "product bulletin " + String.join(" ", java.util.stream.Stream.of(r.bulletinNumber(), r.errorDataValue())
                        .filter(v -> !v.isEmpty()).toList())
                : (r.errorDataType().isEmpty() ? "part of " + String.join(", ", r.inputs()) : r.errorDataType().toLowerCase(
                        java.util.Locale.ROOT).replace('_', ' ') + " " + r.errorDataValue());
        return "Also, for " + String.join(", ", r.inputs()) + ": Cisco has no EoX information for " + subject + " ("
                + r.errorCode() + ").";
    }

    private static Map<String, Object> outputSchema() {
        Map<String, Object> record = object(Schemas.properties(
                Map.entry("product_id", type("string")), Map.entry("description", type("string")),
                Map.entry("milestones", object(new LinkedHashMap<>(), List.of())),
                Map.entry("replacement_product_id", type("string")), Map.entry("replacement_product_name", type("string")),
                Map.entry("bulletin_number", type("string")), Map.entry("bulletin_url", type("string")),
                Map.entry("inputs", arrayOf(type("string")))), List.of("product_id", "milestones", "inputs"));
        Map<String, Object> missing = object(Schemas.properties(Map.entry("inputs", arrayOf(type("string"))),
                Map.entry("code", type("string")), Map.entry("message", type("string"))), List.of("inputs"));
        return object(Schemas.properties(
                Schemas.source(), Schemas.cache(),
                Map.entry("page", type("object")), Map.entry("cisco_calls", type("integer")),
                Map.entry("records", arrayOf(record)), Map.entry("product_by_input", type("object")),
                Map.entry("not_found", arrayOf(missing))),
                List.of("source", "page", "cisco_calls", "records", "product_by_input", "not_found"));
    }
}
