package dev.ciscosupport.mcp.tools;

import static dev.ciscosupport.mcp.tools.Schemas.arrayOf;
import static dev.ciscosupport.mcp.tools.Schemas.enumOf;
import static dev.ciscosupport.mcp.tools.Schemas.integer;
import static dev.ciscosupport.mcp.tools.Schemas.object;
import static dev.ciscosupport.mcp.tools.Schemas.strictObject;
import static dev.ciscosupport.mcp.tools.Schemas.string;
import static dev.ciscosupport.mcp.tools.Schemas.type;

import dev.ciscosupport.mcp.cisco.IdFormat;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.psirt.AdvisoryPage;
import dev.ciscosupport.mcp.cisco.psirt.PsirtApi;
import dev.ciscosupport.mcp.cisco.psirt.SecurityAdvisory;
import dev.ciscosupport.mcp.format.AdvisoryFormat;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

    List<SyncToolSpecification> specifications() {
        return List.of(
                tool("get_all_security_advisories", "Get All Security Advisories",
                        "All Cisco security advisories, newest first, page by page.", paged(Map.of()), List.of(),
                        args -> answer("all advisories", args, api.in(args.call()).all(paging(args)))),
                tool("get_security_advisory_by_id", "Get Security Advisory by ID",
                        "One Cisco security advisory by its ID, e.g. cisco-sa-20180221-ucdm.",
                        display(Map.of("advisory_id", string("Advisory ID, e.g. cisco-sa-20180221-ucdm.",
                                "^" + IdFormat.ADVISORY_ID.regex() + "$", IdFormat.ADVISORY_ID.maxLength()))),
                        List.of("advisory_id"),
                        args -> answer("advisory " + args.required("advisory_id"), args, api.in(args.call()).byId(args.required("advisory_id")))),
                tool("get_security_advisory_by_cve", "Get Security Advisory by CVE",
                        "The Cisco security advisory for a CVE, e.g. CVE-2018-0124.",
                        display(Map.of("cve_id", string("CVE ID, e.g. CVE-2018-0124.", "^" + IdFormat.CVE_ID.regex() + "$",
                                IdFormat.CVE_ID.maxLength()))), List.of("cve_id"),
                        args -> answer("CVE " + args.required("cve_id"), args, api.in(args.call()).byCve(args.required("cve_id")))),
                tool("get_security_advisories_by_severity", "Get Security Advisories by Severity",
                        "Cisco security advisories of one Security Impact Rating, newest first; optionally only those"
                                + " published (or updated) between two dates.",
                        paged(severityProperties()), List.of("severity"), this::bySeverity),
                tool("get_security_advisory_by_bug_id", "Get Security Advisory by Bug ID",
                        "Cisco security advisories that name a bug ID, e.g. CSCvi10692.",
                        display(Map.of("bug_id", string("Cisco bug ID, e.g. CSCvi10692.", "^" + IdFormat.BUG_ID.regex() + "$",
                                IdFormat.BUG_ID.maxLength()))), List.of("bug_id"),
                        args -> answer("bug " + args.required("bug_id"), args, api.in(args.call()).byBugId(args.required("bug_id")))),
                tool("get_latest_security_advisories", "Get Latest Security Advisories",
                        "The most recently published Cisco security advisories (1 to 100, default 10).",
                        display(Map.of("number", integer("How many, 1 to 100 (default 10).", 1, 100))), List.of(),
                        args -> {
                            Integer n = args.optionalInteger("number");
                            return answer("the latest advisories", args, api.in(args.call()).latest(n == null ? 10 : n));
                        }),
                tool("get_security_advisories_by_year", "Get Security Advisories by Year",
                        "Cisco security advisories first published in a year (1995 to this year).",
                        paged(Map.of("year", integer("Year, e.g. 2024.", 1995, 2100))), List.of("year"),
                        args -> answer("advisories of " + args.optionalInteger("year"), args,
                                api.in(args.call()).byYear(args.optionalInteger("year"), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                                        .getYear(), paging(args)))),
                tool("get_security_advisories_by_first_published", "Get Security Advisories by First Published Date",
                        "Cisco security advisories first published between two dates (YYYY-MM-DD, inclusive).",
                        paged(dateRange()), List.of("start_date", "end_date"),
                        args -> answer("advisories first published " + args.required("start_date") + " to "
                                + args.required("end_date"), args, api.in(args.call()).byPublication(true, date(args, "start_date"),
                                date(args, "end_date"), paging(args)))),
                tool("get_security_advisories_by_last_published", "Get Security Advisories by Last Updated Date",
                        "Cisco security advisories last updated between two dates (YYYY-MM-DD, inclusive): what changed"
                                + " recently.",
                        paged(dateRange()), List.of("start_date", "end_date"),
                        args -> answer("advisories last updated " + args.required("start_date") + " to "
                                + args.required("end_date"), args, api.in(args.call()).byPublication(false, date(args, "start_date"),
                                date(args, "end_date"), paging(args)))),
                tool("get_security_advisories_by_product", "Get Security Advisories by Product",
                        "Cisco security advisories for a product name, e.g. Cisco IOS XE Software (exact name first,"
                                + " then names containing it).",
                        paged(Map.of("product", string("Product name, e.g. Cisco Adaptive Security Appliance (ASA) Software.",
                                "^" + IdFormat.PSIRT_PRODUCT.regex() + "$", IdFormat.PSIRT_PRODUCT.maxLength()))),
                        List.of("product"),
                        args -> answer("product \"" + args.required("product").strip() + "\"", args,
                                api.in(args.call()).byProduct(args.required("product"), paging(args)))),
                tool("get_security_advisories_by_software_version", "Check a Software Version for Security Advisories",
                        "Cisco's software checker: the advisories that affect one release of an OS, with the first fixed"
                                + " releases (\"is IOS XE 17.9.4 affected?\").",
                        paged(Map.of("os_type", enumOf("The OS.", PsirtApi.OS_TYPES),
                                "version", string("The release, e.g. 17.9.4a or 9.3(10).", "^" + IdFormat.OS_VERSION.regex() + "$",
                                        IdFormat.OS_VERSION.maxLength()),
                                "platform_alias", string("For nxos, asa, ftd, fxos: platform aliases, e.g. NEXUS9000.",
                                        "^[A-Za-z0-9,]+$", 200))),
                        List.of("os_type", "version"),
                        args -> answer(args.required("os_type") + " " + args.required("version"), args,
                                api.in(args.call()).byOsVersion(args.required("os_type"), args.required("version"),
                                        args.optional("platform_alias"), paging(args)))));
    }

    private SyncToolSpecification tool(String name, String title, String description, Map<String, Object> properties,
            List<String> required, Function<ToolArguments, ToolOutput> body) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        required.forEach(r -> ordered.put(r, properties.get(r)));
        properties.forEach(ordered::putIfAbsent);
        return ToolHandlers.readOnly(name, title, description, strictObject(ordered, required), outputSchema(), context, body);
    }

    private static Map<String, Object> display(Map<String, Object> specific) {
        Map<String, Object> props = new LinkedHashMap<>(specific);
        props.put("summary_details", type("boolean"));
        // The TypeScript server's examples pass a list of product names here; it never checked types. Taken as "show
        // them", since Cisco's productNames is a yes/no switch (searching by product is get_security_advisories_by_product).
        Map<String, Object> productNames = type("boolean");
        productNames.put("type", List.of("boolean", "string"));
        props.put("product_names", productNames);
        return props;
    }

    private static Map<String, Object> paged(Map<String, Object> specific) {
        Map<String, Object> props = display(specific);
        props.put("page_index", integer(null, 1, 100));
        props.put("page_size", integer("Default 20.", 1, 100));
        return props;
    }

    private static Map<String, Object> severityProperties() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("severity", enumOf("critical, high, medium, low or informational.", PsirtApi.SEVERITIES));
        props.putAll(dateRange());
        props.put("date_field", enumOf("Default first_published.", List.of("first_published", "last_updated")));
        return props;
    }

    private ToolOutput bySeverity(ToolArguments args) {
        String severity = args.required("severity");
        if (args.optional("start_date") == null && args.optional("end_date") == null) {
            return answer(severity + " advisories", args, api.in(args.call()).bySeverity(severity, paging(args)));
        }
        boolean firstPublished = !"last_updated".equals(args.optional("date_field"));
        return answer(severity + " advisories " + (firstPublished ? "first published " : "last updated ")
                + args.required("start_date") + " to " + args.required("end_date"), args,
                api.in(args.call()).bySeverity(severity, firstPublished, date(args, "start_date"), date(args, "end_date"), paging(args)));
    }

    private static Map<String, Object> dateRange() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("start_date", string(null, Schemas.DATE, 10));
        props.put("end_date", string(null, Schemas.DATE, 10));
        return props;
    }

    private static Map<String, Object> booleanSchema(String description) {
        Map<String, Object> schema = type("boolean");
        schema.put("description", description);
        return schema;
    }

    private static PsirtApi.Paging paging(ToolArguments args) {
        Integer index = args.optionalInteger("page_index");
        Integer size = args.optionalInteger("page_size");
        return new PsirtApi.Paging(index == null ? 1 : index, size == null ? 20 : size);
    }

    private static LocalDate date(ToolArguments args, String name) {
        try {
            return LocalDate.parse(args.required(name));
        } catch (DateTimeParseException e) {
            throw new CiscoException.InvalidInput(name + " is not a real date in the form YYYY-MM-DD.");
        }
    }

    private static ToolOutput answer(String subject, ToolArguments args, AdvisoryPage page) {
        boolean summaries = args.optionalBoolean("summary_details");
        boolean products = args.optionalFlag("product_names");
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
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("subject", subject);
        structured.put("page", pageInfo);
        structured.put("advisories", page.advisories().stream().map(AdvisoryFormat::structured).toList());
        structured.put("none_matched", page.advisories().isEmpty());
        return new ToolOutput(text.toString(), structured);
    }

    private static Map<String, Object> outputSchema() {
        Map<String, Object> advisory = object(Schemas.properties(
                Map.entry("advisory_id", type("string")), Map.entry("title", type("string")),
                Map.entry("severity", type("string")), Map.entry("cvss_base_score", type("string")),
                Map.entry("cves", arrayOf(type("string"))), Map.entry("bug_ids", arrayOf(type("string"))),
                Map.entry("cwe", arrayOf(type("string"))), Map.entry("first_published", type("string")),
                Map.entry("last_updated", type("string")), Map.entry("first_fixed", arrayOf(type("string"))),
                Map.entry("platforms", arrayOf(type("object"))), Map.entry("url", type("string")),
                Map.entry("csaf_url", type("string")), Map.entry("cvrf_url", type("string"))),
                List.of("advisory_id", "title", "severity", "url"));
        return object(Schemas.properties(
                Schemas.source(), Schemas.cache(),
                Map.entry("subject", type("string")), Map.entry("page", type("object")),
                Map.entry("advisories", arrayOf(advisory)), Map.entry("none_matched", type("boolean"))),
                List.of("source", "subject", "page", "advisories", "none_matched"));
    }
}
