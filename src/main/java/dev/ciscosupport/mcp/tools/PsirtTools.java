package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.IdFormat;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.psirt.AdvisoryPage;
import dev.ciscosupport.mcp.cisco.psirt.PsirtApi;
import dev.ciscosupport.mcp.cisco.psirt.SecurityAdvisory;
import dev.ciscosupport.mcp.format.AdvisoryFormat;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PSIRT openVuln tools: the TypeScript server's eight, with its names and parameters, and three it
 * lacks: last-published ranges, advisories by product, and the software checker by OS type and version
 * ("is IOS XE 17.9.4 affected?"). Answers keep CVSS, CWE, first fixes and the advisory URLs; an empty
 * answer says it is not proof of safety.
 */
final class PsirtTools {
    private final PsirtApi api;
    private final ToolContext context;
    private final InstantSource clock;

    PsirtTools(PsirtApi api, ToolContext context, InstantSource clock) {
        this.api = api;
        this.context = context;
        this.clock = clock;
    }

    /**
     * How an answer is shown: with each advisory's summary, and with its product names (the TypeScript server's
     * examples pass a list of product names for the latter; it never checked types. Any text but "false" is taken as
     * "show them", since Cisco's productNames is a yes/no switch; searching by product is
     * get_security_advisories_by_product).
     */
    interface Display {
        Boolean summaryDetails();

        Object productNames();
    }

    /** Which page of a long answer. */
    interface Paged extends Display {
        Integer pageIndex();

        Integer pageSize();
    }

    /** {@code get_all_security_advisories}' arguments. */
    record All(
            Boolean summaryDetails,
            @Arg(alsoText = true) Object productNames,
            @Arg(minimum = 1, maximum = 100) Integer pageIndex,
            @Arg(value = "Default 20.", minimum = 1, maximum = 100) Integer pageSize) implements Paged {
    }

    /** {@code get_security_advisory_by_id}'s arguments. */
    record ById(
            @Arg(value = "Advisory ID, e.g. cisco-sa-20180221-ucdm.", required = true, maxLength = 80,
                    pattern = "^" + IdFormat.ADVISORY + "$") String advisoryId,
            Boolean summaryDetails,
            @Arg(alsoText = true) Object productNames) implements Display {
    }

    /** {@code get_security_advisory_by_cve}'s arguments. */
    record ByCve(
            @Arg(value = "CVE ID, e.g. CVE-2018-0124.", required = true, maxLength = 20) String cveId,
            Boolean summaryDetails,
            @Arg(alsoText = true) Object productNames) implements Display {
    }

    /** {@code get_security_advisories_by_severity}'s arguments. */
    record BySeverity(
            @Arg(value = "critical, high, medium, low or informational.", required = true) PsirtApi.Severity severity,
            @Arg(pattern = Schemas.DATE, maxLength = 10) String startDate,
            @Arg(pattern = Schemas.DATE, maxLength = 10) String endDate,
            @Arg(value = "Default first_published.", choices = {"first_published", "last_updated"}) String dateField,
            Boolean summaryDetails,
            @Arg(alsoText = true) Object productNames,
            @Arg(minimum = 1, maximum = 100) Integer pageIndex,
            @Arg(value = "Default 20.", minimum = 1, maximum = 100) Integer pageSize) implements Paged {
    }

    /** {@code get_security_advisory_by_bug_id}'s arguments. */
    record ByBugId(
            @Arg(value = "Cisco bug ID, e.g. CSCvi10692.", required = true, maxLength = 10) String bugId,
            Boolean summaryDetails,
            @Arg(alsoText = true) Object productNames) implements Display {
    }

    /** {@code get_latest_security_advisories}' arguments. */
    record Latest(
            @Arg(value = "How many, 1 to 100 (default 10).", minimum = 1, maximum = 100) Integer number,
            Boolean summaryDetails,
            @Arg(alsoText = true) Object productNames) implements Display {
    }

    /** {@code get_security_advisories_by_year}'s arguments. */
    record ByYear(
            @Arg(value = "Year, e.g. 2024.", required = true, minimum = 1995, maximum = 2100) Integer year,
            Boolean summaryDetails,
            @Arg(alsoText = true) Object productNames,
            @Arg(minimum = 1, maximum = 100) Integer pageIndex,
            @Arg(value = "Default 20.", minimum = 1, maximum = 100) Integer pageSize) implements Paged {
    }

    /** The arguments of the searches by publication dates. */
    record DateRange(
            @Arg(required = true, pattern = Schemas.DATE, maxLength = 10) String startDate,
            @Arg(required = true, pattern = Schemas.DATE, maxLength = 10) String endDate,
            Boolean summaryDetails,
            @Arg(alsoText = true) Object productNames,
            @Arg(minimum = 1, maximum = 100) Integer pageIndex,
            @Arg(value = "Default 20.", minimum = 1, maximum = 100) Integer pageSize) implements Paged {
    }

    /** {@code get_security_advisories_by_product}'s arguments. */
    record ByProduct(
            @Arg(value = "Product name, e.g. Cisco Adaptive Security Appliance (ASA) Software.", required = true,
                    maxLength = 100) String product,
            Boolean summaryDetails,
            @Arg(alsoText = true) Object productNames,
            @Arg(minimum = 1, maximum = 100) Integer pageIndex,
            @Arg(value = "Default 20.", minimum = 1, maximum = 100) Integer pageSize) implements Paged {
    }

    /** {@code get_security_advisories_by_software_version}'s arguments. */
    record ByVersion(
            @Arg(value = "The OS.", required = true) PsirtApi.OsType osType,
            @Arg(value = "The release, e.g. 17.9.4a or 9.3(10).", required = true, maxLength = 30) String version,
            @Arg(value = "For nxos, asa, ftd, fxos: platform aliases, e.g. NEXUS9000.", pattern = "^[A-Za-z0-9,]+$",
                    maxLength = 200) String platformAlias,
            Boolean summaryDetails,
            @Arg(alsoText = true) Object productNames,
            @Arg(minimum = 1, maximum = 100) Integer pageIndex,
            @Arg(value = "Default 20.", minimum = 1, maximum = 100) Integer pageSize) implements Paged {
    }

    /** What every PSIRT tool answers. */
    record Advisories(String subject, Map<String, Object> page, List<Map<String, Object>> advisories, boolean noneMatched) {
    }

    List<ToolDefinition> definitions() {
        return List.of(
                tool("get_all_security_advisories", "Get All Security Advisories",
                        "All Cisco security advisories, newest first, page by page.", All.class,
                        (args, api) -> answer("all advisories", args, api.all(paging(args)))),
                tool("get_security_advisory_by_id", "Get Security Advisory by ID",
                        "One Cisco security advisory by its ID, e.g. cisco-sa-20180221-ucdm.", ById.class,
                        (args, api) -> answer("advisory " + args.advisoryId(), args, api.byId(args.advisoryId()))),
                tool("get_security_advisory_by_cve", "Get Security Advisory by CVE",
                        "The Cisco security advisory for a CVE, e.g. CVE-2018-0124.", ByCve.class,
                        (args, api) -> answer("CVE " + args.cveId(), args, api.byCve(args.cveId()))),
                tool("get_security_advisories_by_severity", "Get Security Advisories by Severity",
                        "Cisco security advisories of one Security Impact Rating, newest first; optionally only those"
                                + " published (or updated) between two dates.", BySeverity.class, this::bySeverity),
                tool("get_security_advisory_by_bug_id", "Get Security Advisory by Bug ID",
                        "Cisco security advisories that name a bug ID, e.g. CSCvi10692.", ByBugId.class,
                        (args, api) -> answer("bug " + args.bugId(), args, api.byBugId(args.bugId()))),
                tool("get_latest_security_advisories", "Get Latest Security Advisories",
                        "The most recently published Cisco security advisories (1 to 100, default 10).", Latest.class,
                        (args, api) -> answer("the latest advisories", args, api.latest(args.number() == null ? 10
                                : args.number()))),
                tool("get_security_advisories_by_year", "Get Security Advisories by Year",
                        "Cisco security advisories first published in a year (1995 to this year).", ByYear.class,
                        (args, api) -> answer("advisories of " + args.year(), args, api.byYear(args.year(),
                                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear(), paging(args)))),
                tool("get_security_advisories_by_first_published", "Get Security Advisories by First Published Date",
                        "Cisco security advisories first published between two dates (YYYY-MM-DD, inclusive).",
                        DateRange.class, (args, api) -> answer("advisories first published " + args.startDate() + " to "
                                + args.endDate(), args, api.byPublication(true, date("start_date", args.startDate()),
                                date("end_date", args.endDate()), paging(args)))),
                tool("get_security_advisories_by_last_published", "Get Security Advisories by Last Updated Date",
                        "Cisco security advisories last updated between two dates (YYYY-MM-DD, inclusive): what changed"
                                + " recently.", DateRange.class, (args, api) -> answer("advisories last updated "
                                + args.startDate() + " to " + args.endDate(), args, api.byPublication(false,
                                date("start_date", args.startDate()), date("end_date", args.endDate()), paging(args)))),
                tool("get_security_advisories_by_product", "Get Security Advisories by Product",
                        "Cisco security advisories for a product name, e.g. Cisco IOS XE Software (exact name first,"
                                + " then names containing it).", ByProduct.class,
                        (args, api) -> answer("product \"" + args.product().strip() + "\"", args,
                                byProduct(api, args.product(), paging(args)))),
                tool("get_security_advisories_by_software_version", "Check a Software Version for Security Advisories",
                        "Cisco's software checker: the advisories that affect one release of an OS, with the first fixed"
                                + " releases (\"is IOS XE 17.9.4 affected?\").", ByVersion.class,
                        (args, api) -> answer(args.osType() + " " + args.version(), args, api.byOsVersion(
                                args.osType().toString(), args.version(), args.platformAlias(), paging(args)))));
    }

    /** A tool's work, with the API already bound to its call. */
    @FunctionalInterface
    private interface Body<A extends Record> {
        TypedTool.Answer<Advisories> answer(A arguments, PsirtApi api);
    }

    private <A extends Record> ToolDefinition tool(String name, String title, String description, Class<A> arguments,
            Body<A> body) {
        return TypedTool.readOnly(name, title, description, arguments, Advisories.class, context,
                (args, call) -> body.answer(args, api.in(call)));
    }

    private TypedTool.Answer<Advisories> bySeverity(BySeverity args, PsirtApi api) {
        String severity = args.severity().toString();
        if (args.startDate() == null && args.endDate() == null) {
            return answer(severity + " advisories", args, api.bySeverity(severity, paging(args)));
        }
        boolean firstPublished = !"last_updated".equals(args.dateField());
        return answer(severity + " advisories " + (firstPublished ? "first published " : "last updated ")
                + required("start_date", args.startDate()) + " to " + required("end_date", args.endDate()), args,
                api.bySeverity(severity, firstPublished, date("start_date", args.startDate()), date("end_date",
                        args.endDate()), paging(args)));
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new CiscoException.InvalidInput(name + " is required.");
        }
        return value;
    }

    private static PsirtApi.Paging paging(Paged args) {
        return new PsirtApi.Paging(args.pageIndex() == null ? 1 : args.pageIndex(), args.pageSize() == null ? 20
                : args.pageSize());
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(required(name, text));
        } catch (DateTimeParseException e) {
            throw new CiscoException.InvalidInput(name + " is not a real date in the form YYYY-MM-DD.");
        }
    }

    /** product_names as the TypeScript server's users send it: true, or any text but "false" and "". */
    private static boolean shown(Object productNames) {
        if (productNames == null || productNames instanceof Boolean) {
            return Boolean.TRUE.equals(productNames);
        }
        if (productNames instanceof String s) {
            return !s.isBlank() && !s.strip().equalsIgnoreCase("false");
        }
        throw new CiscoException.InvalidInput("product_names must be true or false.");
    }

    /** A name PSIRT does not know: the refusal says what the user can do instead. */
    private static AdvisoryPage byProduct(PsirtApi api, String product, PsirtApi.Paging paging) {
        try {
            return api.byProduct(product, paging);
        } catch (CiscoException.Rejected e) {
            if (e.errorCode().equals("PRODUCT_NOT_FOUND")) {
                throw new CiscoException.Rejected(e.getMessage() + " Use the name Cisco's advisories use, e.g. Cisco IOS XE"
                        + " Software, or check a release with get_security_advisories_by_software_version.", e.errorCode());
            }
            throw e;
        }
    }

    private static TypedTool.Answer<Advisories> answer(String subject, Display args, AdvisoryPage page) {
        boolean summaries = Boolean.TRUE.equals(args.summaryDetails());
        boolean products = shown(args.productNames());
        StringBuilder text = new StringBuilder("Security advisories for ").append(subject).append(": ");
        if (page.advisories().isEmpty()) {
            text.append("none.\n").append(AdvisoryFormat.NOT_PROOF);
        } else {
            text.append(page.total()).append(page.total() == 1 ? " advisory" : " advisories");
            if (page.pageSize() > 0) {
                text.append(", page ").append(page.pageIndex()).append(" (").append(page.advisories().size()).append(" shown)");
            }
            text.append('.');
            for (SecurityAdvisory a : page.advisories()) {
                text.append("\n").append(AdvisoryFormat.block(a, summaries, products));
            }
            if (page.hasNext()) {
                text.append("\nMore: call again with page_index=").append(page.pageIndex() + 1).append('.');
            }
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("page_index", page.pageIndex());
        pageInfo.put("page_size", page.pageSize());
        pageInfo.put("total_records", page.total());
        if (page.hasNext()) {
            pageInfo.put("next_page_index", page.pageIndex() + 1);
        }
        return new TypedTool.Answer<>(text.toString(), new Advisories(subject, pageInfo,
                page.advisories().stream().map(AdvisoryFormat::structured).toList(), page.advisories().isEmpty()));
    }
}
