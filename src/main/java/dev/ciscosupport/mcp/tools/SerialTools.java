package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.serial.SerialApi.Question;
import dev.ciscosupport.mcp.cisco.serial.SerialApi;
import dev.ciscosupport.mcp.cisco.serial.SerialCoverage;
import dev.ciscosupport.mcp.format.CoverageFormat;
import dev.ciscosupport.mcp.format.PageFormat;
import java.util.List;
import java.util.Map;

/**
 * The Serial Number to Information tools: the TypeScript server's three, and the two of Cisco's WADL it
 * lacked (owner status, orderable product IDs). Up to 300 inputs, 75 per Cisco call.
 */
final class SerialTools {
    private final SerialApi api;
    private final ToolContext context;

    SerialTools(SerialApi api, ToolContext context) {
        this.api = api;
        this.context = context;
    }

    /** The arguments of the questions Cisco answers in one page. */
    record SerialNumbers(
            @Arg(value = SERIALS, required = true) String serialNumbers,
            @Arg(value = "Ignored: one page.", minimum = 1, maximum = 10_000) Integer pageIndex) implements IdList {
        @Override
        public String list() {
            return serialNumbers;
        }
    }

    /** The arguments of the coverage summary by serial number, which Cisco pages. */
    record PagedSerialNumbers(
            @Arg(value = SERIALS, required = true) String serialNumbers,
            @Arg(value = "50 a page.", minimum = 1, maximum = 10_000) Integer pageIndex) implements IdList {
        @Override
        public String list() {
            return serialNumbers;
        }
    }

    /** The arguments of the coverage summary by instance number. */
    record InstanceNumbers(
            @Arg(value = "Comma-separated instance numbers, e.g. 917280220; up to " + SerialApi.MAX_INPUTS + ".",
                    required = true, orWholeNumber = true) String instanceNumbers,
            @Arg(value = "50 a page.", minimum = 1, maximum = 10_000) Integer pageIndex) implements IdList {
        @Override
        public String list() {
            return instanceNumbers;
        }
    }

    /** What every coverage question answers. */
    record Coverage(Map<String, Object> page, int ciscoCalls, List<Map<String, Object>> items) {
    }

    private static final String SERIALS = "Comma-separated serial numbers, e.g. FOC1234X0AB; up to " + SerialApi.MAX_INPUTS + ".";

    List<ToolDefinition> definitions() {
        return List.of(
                tool("get_coverage_status_by_serial", "Get Coverage Status by Serial", Question.STATUS, SerialNumbers.class,
                        "Whether serial numbers are covered by a Cisco service contract, and until when."),
                tool("get_coverage_owner_status_by_serial", "Get Coverage Owner Status by Serial", Question.OWNER_STATUS,
                        SerialNumbers.class, "Whether serial numbers are tied to the Cisco account (CCO ID) behind this"
                                + " server's credentials, and their coverage status."),
                tool("get_coverage_summary_by_serial", "Get Coverage Summary by Serial", Question.SUMMARY,
                        PagedSerialNumbers.class, "Full coverage of serial numbers: product IDs, contract number and service"
                                + " level, warranty, and the contract site. 50 per page."),
                tool("get_coverage_summary_by_instance", "Get Coverage Summary by Instance Number", Question.SUMMARY_BY_INSTANCE,
                        InstanceNumbers.class, "Full coverage by instance number (from the installed base): product ID,"
                                + " contract, warranty, site. 50 per page."),
                tool("get_orderable_pid_by_serial", "Get Orderable Product ID by Serial", Question.ORDERABLE,
                        SerialNumbers.class, "The orderable product IDs of serial numbers, with the service pillars (TAC"
                                + " support, hardware replacement, software support) they carry."));
    }

    private <A extends Record & IdList> ToolDefinition tool(String name, String title, Question question,
            Class<A> arguments, String description) {
        return TypedTool.readOnly(name, title, description, arguments, Coverage.class, context, (args, call) -> {
            SerialApi.Answers answers = api.in(call).ask(question, RecordArguments.items(args.list()), args.page());
            StringBuilder text = new StringBuilder(PageFormat.counted(title, answers.items().stream()
                    .filter(SerialCoverage::found).count(), answers.items().size(), "found", answers.page()));
            if (answers.page().index() > Math.max(1, answers.page().last())) {
                text.append(" Page ").append(answers.page().index()).append(" is past the last page (")
                        .append(Math.max(1, answers.page().last())).append("): ask without page_index.");
            }
            String sharedTerms = CoverageFormat.sharedWarrantyTerms(answers.items());
            if (!sharedTerms.isEmpty()) {
                text.append(" Warranty terms: ").append(sharedTerms).append('.');
            }
            answers.items().forEach(c -> text.append("\n").append(CoverageFormat.line(c, question == Question.SUMMARY_BY_INSTANCE,
                    sharedTerms)));
            text.append(PageFormat.more(name, answers.page()));
            return new TypedTool.Answer<>(text.toString(), new Coverage(PageFormat.structured(answers.page()),
                    answers.ciscoCalls(), answers.items().stream().map(CoverageFormat::structured).toList()));
        });
    }
}
