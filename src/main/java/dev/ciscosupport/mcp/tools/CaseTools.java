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
import dev.ciscosupport.mcp.cisco.casev3.CaseApi;
import dev.ciscosupport.mcp.cisco.casev3.SupportCase;
import dev.ciscosupport.mcp.format.BugFormat;
import dev.ciscosupport.mcp.format.CaseFormat;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The four Case API tools with the TypeScript server's names. Limits are enforced, not described: 30 case
 * IDs per Cisco call (split up to 100), 10 contract or user IDs, a creation window of at most 90 days.
 * Every caller of this server sees the cases of its Cisco identity: switch the API off where that matters.
 */
final class CaseTools {
    private static final String DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}Z)?$";
    private static final String SORT_DESCRIPTION = "Default UPDATED_DATE; SEVERITY and CREATED_DATE are ordered here.";
    private final CaseApi api;
    private final ToolContext context;

    CaseTools(CaseApi api, ToolContext context) {
        this.api = api;
        this.context = context;
    }

    List<SyncToolSpecification> specifications() {
        Map<String, Object> summaryProps = new LinkedHashMap<>();
        summaryProps.put("case_ids", orInteger(string("Comma-separated case numbers, e.g. 692277140; up to "
                + CaseApi.MAX_CASE_IDS + ".", listPattern(IdFormat.CASE_ID.regex()),
                14 * CaseApi.MAX_CASE_IDS)));
        summaryProps.put("sort_by", enumOf(SORT_DESCRIPTION, CaseApi.SORTS));
        Map<String, Object> detailProps = new LinkedHashMap<>();
        detailProps.put("case_id", orInteger(string("One case number, e.g. 692277140.", "^" + IdFormat.CASE_ID.regex() + "$",
                12)));
        return List.of(
                tool("get_case_summary", "Get Case Summary", "Summaries of Cisco support cases by case number: title,"
                        + " severity, status, dates, serial, contract, technology, bugs and RMAs.",
                        strictObject(summaryProps, List.of("case_ids")), args -> {
                            CaseApi.Answers answers = api.in(args.call()).summaries("case_ids", args.requiredList("case_ids"),
                                    args.optional("sort_by"));
                            return output(ordered(answers, args.optional("sort_by"), false), false, "Cases");
                        }),
                tool("get_case_details", "Get Case Details", "Everything about one Cisco support case: owner, contacts,"
                        + " problem code, bugs, RMAs and its notes (newest first).",
                        strictObject(detailProps, List.of("case_id")), args -> {
                            Optional<SupportCase> found = api.in(args.call()).details(args.required("case_id"));
                            CaseApi.Answers answers = new CaseApi.Answers(found.map(List::of).orElse(List.of()),
                                    found.isPresent() ? List.of() : List.of(args.required("case_id").strip()),
                                    new dev.ciscosupport.mcp.cisco.Page(1, 1, found.isPresent() ? 1 : 0, found.isPresent() ? 1 : 0), 1,
                                    "");
                            return output(answers, true, "Case");
                        }),
                search("search_cases_by_contract", "Search Cases by Contract", true),
                search("search_cases_by_user", "Search Cases by User", false));
    }

    private SyncToolSpecification search(String name, String title, boolean byContract) {
        String parameter = byContract ? "contract_ids" : "user_ids";
        IdFormat format = byContract ? IdFormat.CONTRACT_ID : IdFormat.CCO_USER_ID;
        Map<String, Object> props = new LinkedHashMap<>();
        Map<String, Object> ids = string("Comma-separated " + (byContract ? "service contract numbers, e.g. 203371074"
                : "Cisco.com user IDs, e.g. jdoe") + "; up to 10.", listPattern(format.regex()), (format.maxLength() + 2) * 10);
        props.put(parameter, byContract ? orInteger(ids) : ids);
        props.put("status_flag", enumOf("Open or closed; default both.", List.of("O", "C")));
        props.put("date_created_from", string("Created on or after: YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (UTC).", DATE_PATTERN, 20));
        props.put("date_created_to", string("Within 90 days of date_created_from.", DATE_PATTERN, 20));
        props.put("sort_by", enumOf(SORT_DESCRIPTION, CaseApi.SORTS));
        props.put("page_index", integer("10 a page.", 1, 10_000));
        return tool(name, title, "Cisco support cases " + (byContract ? "under service contracts" : "opened by Cisco.com users")
                        + ", newest update first, 10 per page; optionally only open or closed ones, created within a window of"
                        + " up to 90 days.", strictObject(props, List.of(parameter)), args -> {
                            Integer page = args.optionalInteger("page_index");
                            CaseApi.Answers answers = api.in(args.call()).search(byContract, parameter, args.requiredList(parameter),
                                    args.optional("date_created_from"), args.optional("date_created_to"),
                                    args.optional("status_flag"), args.optional("sort_by"), page == null ? 1 : page);
                            ToolOutput out = output(ordered(answers, args.optional("sort_by"), true), false, "Cases");
                            String more = answers.page().hasNext() ? "\nMore: call " + name + " with the same arguments and"
                                    + " page_index=" + (answers.page().index() + 1) + "." : "";
                            return new ToolOutput(out.text() + more, out.structured());
                        });
    }

    /** Cases in the order asked for when Cisco cannot sort that way; the text says so. */
    private static CaseApi.Answers ordered(CaseApi.Answers answers, String sortBy, boolean onePage) {
        return CaseApi.localOrder(sortBy).map(order -> new CaseApi.Answers(answers.cases().stream().sorted(order).toList(),
                answers.notFound(), answers.page(), answers.ciscoCalls(), "Ordered by " + sortBy.toLowerCase(Locale.ROOT)
                        .replace('_', ' ') + " here" + (onePage && answers.page().last() > 1 ? " within this page" : "")
                        + ": Cisco sorts cases only by UPDATED_DATE or STATUS.")).orElse(answers);
    }

    private SyncToolSpecification tool(String name, String title, String description, Map<String, Object> input,
            Function<ToolArguments, ToolOutput> body) {
        return ToolHandlers.readOnly(name, title, description, input, outputSchema(), context, body);
    }

    private static ToolOutput output(CaseApi.Answers answers, boolean withNotes, String noun) {
        StringBuilder text = new StringBuilder(noun).append(": ").append(answers.page().total()).append(" found");
        if (answers.page().last() > 1) {
            text.append(", page ").append(answers.page().index()).append(" of ").append(answers.page().last());
        }
        if (!answers.notFound().isEmpty()) {
            text.append("; not found (or not visible to this Cisco account): ").append(String.join(", ", answers.notFound()));
        }
        text.append('.');
        if (!answers.note().isEmpty()) {
            text.append(' ').append(answers.note());
        }
        for (SupportCase c : answers.cases()) {
            text.append("\n").append(withNotes ? CaseFormat.detail(c) : CaseFormat.line(c));
        }
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("page", BugFormat.structuredPage(answers.page()));
        structured.put("cisco_calls", answers.ciscoCalls());
        structured.put("cases", answers.cases().stream().map(c -> CaseFormat.structured(c, withNotes)).toList());
        structured.put("not_found", answers.notFound());
        return new ToolOutput(text.toString(), structured);
    }

    private static Map<String, Object> outputSchema() {
        Map<String, Object> item = object(Schemas.properties(Map.entry("case_id", type("string")),
                Map.entry("title", type("string")), Map.entry("status", type("string")), Map.entry("url", type("string"))),
                List.of("case_id", "url"));
        return object(Schemas.properties(Schemas.source(), Schemas.cache(),
                Map.entry("page", type("object")), Map.entry("cisco_calls", type("integer")),
                Map.entry("cases", arrayOf(item)), Map.entry("not_found", arrayOf(type("string")))),
                List.of("source", "page", "cisco_calls", "cases", "not_found"));
    }
}
