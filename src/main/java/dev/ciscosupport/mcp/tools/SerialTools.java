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
import dev.ciscosupport.mcp.cisco.serial.SerialApi.Question;
import dev.ciscosupport.mcp.cisco.serial.SerialApi;
import dev.ciscosupport.mcp.cisco.serial.SerialCoverage;
import dev.ciscosupport.mcp.format.BugFormat;
import dev.ciscosupport.mcp.format.CoverageFormat;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.LinkedHashMap;
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

    List<SyncToolSpecification> specifications() {
        return List.of(
                tool("get_coverage_status_by_serial", "Get Coverage Status by Serial", Question.STATUS,
                        "Whether serial numbers are covered by a Cisco service contract, and until when."),
                tool("get_coverage_owner_status_by_serial", "Get Coverage Owner Status by Serial", Question.OWNER_STATUS,
                        "Whether serial numbers are tied to the Cisco account (CCO ID) behind this server's credentials,"
                                + " and their coverage status."),
                tool("get_coverage_summary_by_serial", "Get Coverage Summary by Serial", Question.SUMMARY,
                        "Full coverage of serial numbers: product IDs, contract number and service level, warranty, and the"
                                + " contract site. 50 per page."),
                tool("get_coverage_summary_by_instance", "Get Coverage Summary by Instance Number", Question.SUMMARY_BY_INSTANCE,
                        "Full coverage by instance number (from the installed base): product ID, contract, warranty, site."
                                + " 50 per page."),
                tool("get_orderable_pid_by_serial", "Get Orderable Product ID by Serial", Question.ORDERABLE,
                        "The orderable product IDs of serial numbers, with the service pillars (TAC support, hardware"
                                + " replacement, software support) they carry."));
    }

    private SyncToolSpecification tool(String name, String title, Question question, String description) {
        boolean instances = question == Question.SUMMARY_BY_INSTANCE;
        String parameter = instances ? "instance_numbers" : "serial_numbers";
        IdFormat format = instances ? IdFormat.INSTANCE_NUMBER : IdFormat.SERIAL_NUMBER;
        Map<String, Object> props = new LinkedHashMap<>();
        Map<String, Object> inputs = string("Comma-separated " + (instances ? "instance numbers, e.g. 917280220" : "serial"
                + " numbers, e.g. FOC1234X0AB") + "; up to " + SerialApi.MAX_INPUTS + ".", listPattern(format.regex()), (format.maxLength() + 2) * SerialApi.MAX_INPUTS);
        props.put(parameter, instances ? orInteger(inputs) : inputs);
        props.put("page_index", question == Question.SUMMARY || instances ? integer("50 a page.", 1, 10_000)
                : integer("Ignored: one page.", 1, 10_000));
        return ToolHandlers.readOnly(name, title, description,
                strictObject(props, List.of(parameter)), outputSchema(), context, args -> {
            Integer page = args.optionalInteger("page_index");
            SerialApi.Answers answers = api.in(args.call()).ask(question, parameter, args.requiredList(parameter), page == null ? 1 : page);
            long found = answers.items().stream().filter(SerialCoverage::found).count();
            StringBuilder text = new StringBuilder(title).append(": ").append(found).append(" of ")
                    .append(answers.items().size()).append(" found");
            if (answers.page().last() > 1) {
                text.append(", page ").append(answers.page().index()).append(" of ").append(answers.page().last());
            }
            text.append('.');
            if (answers.page().index() > Math.max(1, answers.page().last())) {
                text.append(" Page ").append(answers.page().index()).append(" is past the last page (")
                        .append(Math.max(1, answers.page().last())).append("): ask without page_index.");
            }
            answers.items().forEach(c -> text.append("\n").append(CoverageFormat.line(c, instances)));
            if (answers.page().hasNext()) {
                text.append("\nMore: call ").append(name).append(" with the same arguments and page_index=")
                        .append(answers.page().index() + 1).append('.');
            }
            Map<String, Object> structured = new LinkedHashMap<>();
            structured.put("page", BugFormat.structuredPage(answers.page()));
            structured.put("cisco_calls", answers.ciscoCalls());
            structured.put("items", answers.items().stream().map(CoverageFormat::structured).toList());
            return new ToolOutput(text.toString(), structured);
        });
    }

    private static Map<String, Object> outputSchema() {
        Map<String, Object> item = object(Schemas.properties(Map.entry("serial_number", type("string")),
                Map.entry("instance_number", type("string")), Map.entry("found", type("boolean")),
                Map.entry("covered", type("string")), Map.entry("coverage_end_date", type("string")),
                Map.entry("owned", type("string")), Map.entry("base_product_ids", arrayOf(type("string"))),
                Map.entry("orderable", arrayOf(type("object"))), Map.entry("contract_number", type("string"))),
                List.of("found"));
        return object(Schemas.properties(Schemas.source(), Schemas.cache(),
                Map.entry("page", type("object")), Map.entry("cisco_calls", type("integer")),
                Map.entry("items", arrayOf(item))), List.of("source", "page", "cisco_calls", "items"));
    }
}
