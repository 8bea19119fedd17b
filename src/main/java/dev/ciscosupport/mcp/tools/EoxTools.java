package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.Page;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.eox.EoxApi;
import dev.ciscosupport.mcp.cisco.eox.EoxDateAttribute;
import dev.ciscosupport.mcp.cisco.eox.EoxPage;
import dev.ciscosupport.mcp.cisco.eox.EoxRecord;
import dev.ciscosupport.mcp.format.EoxFormat;
import dev.ciscosupport.mcp.format.PageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
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
    private static final String PAGE = "1000 a page.";
    private final EoxApi api;
    private final ToolContext context;

    EoxTools(EoxApi api, ToolContext context) {
        this.api = api;
        this.context = context;
    }

    /** {@code get_eox_by_date}'s arguments. */
    record ByDates(
            @Arg(required = true, pattern = Schemas.DATE, maxLength = 10) String startDate,
            @Arg(required = true, pattern = Schemas.DATE, maxLength = 10) String endDate,
            @Arg("Milestone; default UPDATE_TIMESTAMP.") EoxDateAttribute eoxAttrib,
            @Arg(value = PAGE, minimum = 1, maximum = 99_999) Integer pageIndex) {
    }

    /** {@code get_eox_by_product_id}'s arguments. */
    record ByProductIds(
            @Arg(value = "Comma-separated product IDs, e.g. WS-C3850-48XS-E,C9300-24T.", required = true) String productIds,
            @Arg(value = PAGE, minimum = 1, maximum = 99_999) Integer pageIndex) {
    }

    /** {@code get_eox_by_serial_number}'s arguments. */
    record BySerialNumbers(
            @Arg(value = "Comma-separated serial numbers, e.g. FOC1234X0AB.", required = true) String serialNumbers,
            @Arg(value = PAGE, minimum = 1, maximum = 99_999) Integer pageIndex) {
    }

    /**
     * {@code get_eox_by_software_release}'s arguments: Cisco's {@code input1} to {@code input20}, named as Cisco and the
     * TypeScript server name them (described once, in input1).
     */
    record BySoftwareReleases(
            @Arg(value = "Release and OS type, e.g. 15.2(7)E,IOS or 17.9,IOS-XE; input2 to input20 the same.",
                    required = true, pattern = "^[^,]+,.+$", maxLength = 80) String input1,
            String input2, String input3, String input4, String input5, String input6, String input7, String input8,
            String input9, String input10, String input11, String input12, String input13, String input14, String input15,
            String input16, String input17, String input18, String input19, String input20,
            @Arg(value = PAGE, minimum = 1, maximum = 99_999) Integer pageIndex) {

        /** The inputs given, by name, in order. */
        Map<String, String> given() {
            List<String> all = Arrays.asList(input1, input2, input3, input4, input5, input6, input7, input8,
                    input9, input10, input11, input12, input13, input14, input15, input16, input17, input18, input19, input20);
            Map<String, String> out = new LinkedHashMap<>();
            for (int n = 0; n < all.size(); n++) {
                if (all.get(n) != null && !all.get(n).isEmpty()) {
                    out.put("input" + (n + 1), all.get(n));
                }
            }
            return out;
        }
    }

    /** What every EoX tool answers. */
    record EoxAnswer(Map<String, Object> page, int ciscoCalls, List<Map<String, Object>> records,
            Map<String, String> productByInput, List<Map<String, Object>> notFound) {
    }

    List<ToolDefinition> definitions() {
        return List.of(
                TypedTool.readOnly("get_eox_by_date", "Get EoX by Date",
                        "End-of-life records whose milestone falls between two dates (inclusive). eox_attrib picks the"
                                + " milestone (default: the record's update date). Up to 1000 records per page.",
                        ByDates.class, EoxAnswer.class, context, (args, call) -> answer("get_eox_by_date", "dates "
                                + args.startDate() + " to " + args.endDate(), args.pageIndex(),
                                page -> api.in(call).byDates(date("start_date", args.startDate()),
                                        date("end_date", args.endDate()),
                                        args.eoxAttrib() == null ? null : args.eoxAttrib().name(), page))),
                TypedTool.readOnly("get_eox_by_product_id", "Get EoX by Product ID",
                        "End-of-life milestones (end of sale, end of SW maintenance, end of vulnerability support, last"
                                + " date of support...) and replacement for product IDs, comma-separated; * wildcards allowed"
                                + " (3+ other characters). Up to " + EoxApi.MAX_INPUTS + ".",
                        ByProductIds.class, EoxAnswer.class, context, (args, call) -> answer("get_eox_by_product_id",
                                "product IDs", args.pageIndex(), page -> api.in(call).byProductIds(
                                        RecordArguments.items(args.productIds()), page))),
                TypedTool.readOnly("get_eox_by_serial_number", "Get EoX by Serial Number",
                        "End-of-life milestones for the products behind serial numbers, comma-separated. Up to "
                                + EoxApi.MAX_INPUTS + ".",
                        BySerialNumbers.class, EoxAnswer.class, context, (args, call) -> answer("get_eox_by_serial_number",
                                "serial numbers", args.pageIndex(), page -> api.in(call).bySerialNumbers(
                                        RecordArguments.items(args.serialNumbers()), page))),
                TypedTool.readOnly("get_eox_by_software_release", "Get EoX by Software Release",
                        "End-of-life records for software releases, up to 20 (input1 to input20). OS type as Cisco names it"
                                + " (IOS, IOS-XE, IOS XR, NX-OS, ASA, FTD...; an unknown one is answered with the full list).",
                        BySoftwareReleases.class, EoxAnswer.class, context, (args, call) -> answer(
                                "get_eox_by_software_release", "software releases", args.pageIndex(), page -> api.in(call)
                                        .bySoftwareReleases(args.given(), page))));
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CiscoException.InvalidInput(name + " is not a real date in the form YYYY-MM-DD.");
        }
    }

    private TypedTool.Answer<EoxAnswer> answer(String tool, String subject, Integer pageIndex, Function<Integer, EoxPage> query) {
        EoxPage result = query.apply(pageIndex == null ? 1 : pageIndex);
        List<EoxRecord> found = result.records().stream().filter(EoxRecord::found).toList();
        List<EoxRecord> missing = result.records().stream().filter(r -> !r.found()).toList();
        Page page = result.page();
        StringBuilder text = new StringBuilder("EoX for ").append(subject).append(": ").append(found.size())
                .append(found.size() == 1 ? " record" : " records");
        text.append(PageFormat.position(page));
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
        text.append(PageFormat.more(tool, page));
        return new TypedTool.Answer<>(text.toString(), new EoxAnswer(PageFormat.structured(page), result.ciscoCalls(),
                found.stream().map(EoxFormat::structured).toList(), byInput, notFound));
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
}
