package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.IdFormat;
import dev.ciscosupport.mcp.cisco.casev3.CaseApi;
import dev.ciscosupport.mcp.cisco.casev3.SupportCase;
import dev.ciscosupport.mcp.format.CaseFormat;
import dev.ciscosupport.mcp.format.PageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

    /** {@code get_case_summary}'s arguments. */
    record Summaries(
            @Arg(value = "Comma-separated case numbers, e.g. 692277140; up to " + CaseApi.MAX_CASE_IDS + ".", required = true,
                    orWholeNumber = true) String caseIds,
            @Arg(SORT_DESCRIPTION) CaseApi.Sort sortBy) {
    }

    /** {@code get_case_details}' arguments. */
    record Details(
            @Arg(value = "One case number, e.g. 692277140.", required = true, orWholeNumber = true, maxLength = 12,
                    pattern = "^" + IdFormat.DIGITS + "$") String caseId) {
    }

    /** What both searches take besides their IDs. */
    interface Search extends Paged {
        /** The comma-separated contract or user IDs. */
        String list();

        String statusFlag();

        String dateCreatedFrom();

        String dateCreatedTo();

        CaseApi.Sort sortBy();
    }

    /** {@code search_cases_by_contract}'s arguments. */
    record ByContract(
            @Arg(value = "Comma-separated service contract numbers, e.g. 203371074; up to 10.", required = true,
                    orWholeNumber = true) String contractIds,
            @Arg(value = STATUS_DESCRIPTION, choices = {"O", "C"}) String statusFlag,
            @Arg(value = FROM_DESCRIPTION, pattern = DATE_PATTERN, maxLength = 20) String dateCreatedFrom,
            @Arg(value = TO_DESCRIPTION, pattern = DATE_PATTERN, maxLength = 20) String dateCreatedTo,
            @Arg(SORT_DESCRIPTION) CaseApi.Sort sortBy,
            @Arg(value = "10 a page.", minimum = 1, maximum = 10_000) Integer pageIndex) implements Search {
        @Override
        public String list() {
            return contractIds;
        }
    }

    /** {@code search_cases_by_user}'s arguments. */
    record ByUser(
            @Arg(value = "Comma-separated Cisco.com user IDs, e.g. jdoe; up to 10.", required = true) String userIds,
            @Arg(value = STATUS_DESCRIPTION, choices = {"O", "C"}) String statusFlag,
            @Arg(value = FROM_DESCRIPTION, pattern = DATE_PATTERN, maxLength = 20) String dateCreatedFrom,
            @Arg(value = TO_DESCRIPTION, pattern = DATE_PATTERN, maxLength = 20) String dateCreatedTo,
            @Arg(SORT_DESCRIPTION) CaseApi.Sort sortBy,
            @Arg(value = "10 a page.", minimum = 1, maximum = 10_000) Integer pageIndex) implements Search {
        @Override
        public String list() {
            return userIds;
        }
    }

    /** What every Case tool answers. */
    record Cases(Map<String, Object> page, int ciscoCalls, List<Map<String, Object>> cases, List<String> notFound) {
    }

    private static final String STATUS_DESCRIPTION = "Open or closed; default both.";
    private static final String FROM_DESCRIPTION = "Created on or after: YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (UTC).";
    private static final String TO_DESCRIPTION = "Within 90 days of date_created_from.";

    List<ToolDefinition> definitions() {
        return List.of(
                TypedTool.readOnly("get_case_summary", "Get Case Summary", "Summaries of Cisco support cases by case number:"
                        + " title, severity, status, dates, serial, contract, technology, bugs and RMAs.",
                        Summaries.class, Cases.class, context, (args, call) -> {
                            String sortBy = name(args.sortBy());
                            CaseApi.Answers answers = api.in(call).summaries(RecordArguments.items(args.caseIds()),
                                    sortBy);
                            return output(ordered(answers, sortBy, false), false, "Cases", "");
                        }),
                TypedTool.readOnly("get_case_details", "Get Case Details", "Everything about one Cisco support case: owner,"
                        + " contacts, problem code, bugs, RMAs and its notes (newest first).",
                        Details.class, Cases.class, context, (args, call) -> {
                            Optional<SupportCase> found = api.in(call).details(args.caseId());
                            CaseApi.Answers answers = new CaseApi.Answers(found.map(List::of).orElse(List.of()),
                                    found.isPresent() ? List.of() : List.of(args.caseId().strip()),
                                    new dev.ciscosupport.mcp.cisco.Page(1, 1, found.isPresent() ? 1 : 0, found.isPresent() ? 1 : 0), 1,
                                    "");
                            return output(answers, true, "Case", "");
                        }),
                search("search_cases_by_contract", "Search Cases by Contract", ByContract.class),
                search("search_cases_by_user", "Search Cases by User", ByUser.class));
    }

    private <A extends Record & Search> ToolDefinition search(String name, String title, Class<A> arguments) {
        boolean byContract = arguments == ByContract.class;
        return TypedTool.readOnly(name, title, "Cisco support cases " + (byContract ? "under service contracts"
                : "opened by Cisco.com users") + ", newest update first, 10 per page; optionally only open or closed ones,"
                + " created within a window of up to 90 days.", arguments, Cases.class, context, (args, call) -> {
                    String sortBy = name(args.sortBy());
                    CaseApi.Answers answers = api.in(call).search(byContract, RecordArguments.items(args.list()),
                            args.dateCreatedFrom(), args.dateCreatedTo(), args.statusFlag(), sortBy,
                            args.page());
                    return output(ordered(answers, sortBy, true), false, "Cases", PageFormat.more(name, answers.page()));
                });
    }

    private static String name(CaseApi.Sort sort) {
        return sort == null ? null : sort.name();
    }

    /** Cases in the order asked for when Cisco cannot sort that way; the text says so. */
    private static CaseApi.Answers ordered(CaseApi.Answers answers, String sortBy, boolean onePage) {
        return CaseApi.localOrder(sortBy).map(order -> new CaseApi.Answers(answers.cases().stream().sorted(order).toList(),
                answers.notFound(), answers.page(), answers.ciscoCalls(), "Ordered by " + sortBy.toLowerCase(Locale.ROOT)
                        .replace('_', ' ') + " here" + (onePage && answers.page().last() > 1 ? " within this page" : "")
                        + ": Cisco sorts cases only by UPDATED_DATE or STATUS.")).orElse(answers);
    }

    private static TypedTool.Answer<Cases> output(CaseApi.Answers answers, boolean withNotes, String noun, String more) {
        StringBuilder text = new StringBuilder(noun).append(": ").append(answers.page().total()).append(" found");
        text.append(PageFormat.position(answers.page()));
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
        return new TypedTool.Answer<>(text.append(more).toString(), new Cases(PageFormat.structured(answers.page()),
                answers.ciscoCalls(), answers.cases().stream().map(c -> CaseFormat.structured(c, withNotes)).toList(),
                answers.notFound()));
    }
}
