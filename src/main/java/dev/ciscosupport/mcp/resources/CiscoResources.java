package dev.ciscosupport.mcp.resources;

import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.fleet.FleetReports;
import dev.ciscosupport.mcp.json.Json;
import dev.ciscosupport.mcp.tools.ApiTools;
import dev.ciscosupport.mcp.tools.ToolDefinition;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resources and resource templates: each reads Cisco data through one of the server's tools with fixed
 * arguments, so a resource answers exactly what the tool would, as JSON (the tool's structured result).
 * Offered only for enabled APIs, and withdrawn with their tools when the Cisco app is not entitled.
 */
public final class CiscoResources {
    /** A template, its one variable, and the tool (and argument) that reads it. */
    record Template(SupportApi api, String uriTemplate, String name, String title, String description, String variable,
            String tool, String argument) {
        String prefix() {
            return uriTemplate.substring(0, uriTemplate.indexOf('{'));
        }
    }

    /** A fixed resource and the tool calls that read it (several: their results are listed under "searches"). */
    record Fixed(SupportApi api, String uri, String name, String title, String description, String tool,
            List<Map<String, Object>> calls) {
        Fixed(SupportApi api, String uri, String name, String title, String description, String tool,
                Map<String, Object> arguments) {
            this(api, uri, name, title, description, tool, List.of(arguments));
        }
    }

    static final List<Template> TEMPLATES = List.of(
            new Template(SupportApi.BUG, "cisco://bugs/{bug_id}", "bug", "Cisco bug",
                    "A bug's details by ID, e.g. cisco://bugs/CSCvx43106.", "bug_id", "get_bug_details", "bug_ids"),
            new Template(SupportApi.PRODUCT, "cisco://products/{product_id}", "product", "Cisco product",
                    "Product data for a product ID, e.g. cisco://products/C9300-24T.", "product_id",
                    "get_product_info_by_product_ids", "product_ids"),
            new Template(SupportApi.PSIRT, "cisco://security/advisories/{advisory_id}", "advisory", "Cisco security advisory",
                    "A security advisory by ID, e.g. cisco://security/advisories/cisco-sa-20180221-ucdm.", "advisory_id",
                    "get_security_advisory_by_id", "advisory_id"),
            new Template(SupportApi.PSIRT, "cisco://security/cve/{cve_id}", "cve", "Cisco advisory for a CVE",
                    "The Cisco advisory for a CVE, e.g. cisco://security/cve/CVE-2018-0124.", "cve_id",
                    "get_security_advisory_by_cve", "cve_id"),
            new Template(SupportApi.EOX, "cisco://eox/{product_id}", "eox", "End-of-life dates",
                    "End-of-sale and end-of-support dates of a product ID, e.g. cisco://eox/WS-C3850-48XS-E.", "product_id",
                    "get_eox_by_product_id", "product_ids"),
            new Template(SupportApi.SERIAL, "cisco://coverage/{serial}", "coverage", "Service coverage",
                    "Contract and warranty coverage of a serial number, e.g. cisco://coverage/FXS2130Q286.", "serial",
                    "get_coverage_summary_by_serial", "serial_numbers"),
            new Template(SupportApi.CASE, "cisco://cases/{case_id}", "case", "Support case",
                    "A support case's details, e.g. cisco://cases/694000000 (cases the server's Cisco account can see).",
                    "case_id", "get_case_details", "case_id"));

    static final List<Fixed> FIXED = List.of(
            new Fixed(SupportApi.PSIRT, "cisco://security/advisories/recent", "recent-advisories",
                    "Latest security advisories", "The 20 most recently published Cisco security advisories.",
                    "get_latest_security_advisories", Map.of("number", 20)),
            new Fixed(SupportApi.PSIRT, "cisco://security/advisories/critical", "critical-advisories",
                    "Critical security advisories", "The 20 most recent Cisco security advisories rated critical.",
                    "get_security_advisories_by_severity", Map.of("severity", "critical", "page_size", 20)),
            // As the TypeScript server defined them: Cisco's keyword search needs a word, and "cisco" is in most headlines.
            new Fixed(SupportApi.BUG, "cisco://bugs/recent/critical", "recent-critical-bugs", "Recent critical bugs",
                    "Severity 1 and 2 bugs modified in the last 7 days (keyword \"cisco\"), first page of each.",
                    "search_bugs_by_keyword", List.of(Map.of("keyword", "cisco", "severity", "1", "modified_date", "1"),
                            Map.of("keyword", "cisco", "severity", "2", "modified_date", "1"))),
            new Fixed(SupportApi.BUG, "cisco://bugs/recent/high", "recent-high-bugs", "Recent high-severity bugs",
                    "Severity 1 to 3 bugs modified in the last 30 days (keyword \"cisco\"), first page of each.",
                    "search_bugs_by_keyword", List.of(Map.of("keyword", "cisco", "severity", "1", "modified_date", "2"),
                            Map.of("keyword", "cisco", "severity", "2", "modified_date", "2"),
                            Map.of("keyword", "cisco", "severity", "3", "modified_date", "2"))));

    /** What the server offers for the enabled APIs, and which API each belongs to. */
    public record Offered(List<Readable<McpSchema.Resource>> resources, List<Readable<McpSchema.ResourceTemplate>> templates) {
    }

    /** What a read of {@code uri} answers, for a reader in a session (null when stateless) on a transport. */
    @FunctionalInterface
    public interface Reading {
        McpSchema.ReadResourceResult read(String uri, String sessionId, McpTransportContext transport);
    }

    /**
     * A resource or template as this server defines it, whichever protocol revision serves it: what clients see, the
     * API it reads from (null for the catalog, which reads none) and how it is read.
     *
     * @param <T> {@link McpSchema.Resource} or {@link McpSchema.ResourceTemplate}
     */
    public record Readable<T>(SupportApi api, String uri, T definition, Reading reading) {
    }

    /** The resource for the 2025-11-25 server. */
    public static SyncResourceSpecification legacy(Readable<McpSchema.Resource> resource) {
        return new SyncResourceSpecification(resource.definition(), (exchange, request) -> resource.reading()
                .read(request.uri(), exchange.sessionId(), exchange.transportContext()));
    }

    /** The template for the 2025-11-25 server. */
    public static SyncResourceTemplateSpecification legacyTemplate(Readable<McpSchema.ResourceTemplate> template) {
        return new SyncResourceTemplateSpecification(template.definition(), (exchange, request) -> template.reading()
                .read(request.uri(), exchange.sessionId(), exchange.transportContext()));
    }

    private CiscoResources() {
    }

    public static Offered forApis(List<ApiTools> apis) {
        List<Readable<McpSchema.Resource>> resources = new ArrayList<>();
        List<Readable<McpSchema.ResourceTemplate>> templates = new ArrayList<>();
        for (Fixed fixed : FIXED) {
            tool(apis, fixed.api(), fixed.tool()).ifPresent(tool -> resources.add(new Readable<>(fixed.api(), fixed.uri(),
                    McpSchema.Resource.builder(fixed.uri(), fixed.name()).title(fixed.title())
                            .description(fixed.description()).mimeType("application/json").build(),
                    (uri, session, transport) -> read(tool, uri, fixed.calls(), session, transport))));
        }
        for (Template template : TEMPLATES) {
            tool(apis, template.api(), template.tool()).ifPresent(tool -> templates.add(new Readable<>(template.api(),
                    template.uriTemplate(), McpSchema.ResourceTemplate.builder(template.uriTemplate(), template.name())
                            .title(template.title()).description(template.description()).mimeType("application/json").build(),
                    (uri, session, transport) -> read(tool, uri, List.of(Map.of(template.argument(), variable(template, uri))),
                            session, transport))));
        }
        apis.stream().filter(a -> a.reports() != null).findFirst().ifPresent(a -> templates.add(fleetReports(a.api(),
                a.reports())));
        if (!templates.isEmpty()) {
            resources.add(new Readable<>(null, CATALOG, McpSchema.Resource.builder(CATALOG, "catalog")
                    .title("What to read here").description("The resource templates this server offers, with an example of each.")
                    .mimeType("application/json").build(), (uri, session, transport) -> catalog(templates)));
        }
        return new Offered(resources, templates);
    }

    /**
     * The reports of check_fleet, each readable by the caller who ran it (the tool's result links to them); to anyone
     * else, and once expired, a report does not exist.
     */
    private static Readable<McpSchema.ResourceTemplate> fleetReports(SupportApi api, FleetReports reports) {
        return new Readable<>(api, FleetReports.URI_TEMPLATE, McpSchema.ResourceTemplate.builder(FleetReports.URI_TEMPLATE,
                "fleet-report").title("Fleet check report").description("A check_fleet report (its result links the"
                        + " CSV and Markdown files); readable only by whoever ran the check, for a while.")
                .mimeType("text/csv").build(), (uri, session, transport) -> {
                    FleetReports.File file = reports.read(uri, ToolDefinition.caller(transport, session))
                            .orElseThrow(() -> McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(uri
                                    + ": no such report. Reports are kept for a while, for the caller who ran check_fleet;"
                                    + " run it again for a new one.").build());
                    return McpSchema.ReadResourceResult.builder(List.of(McpSchema.TextResourceContents.builder(file.uri(),
                            file.text()).mimeType(file.mimeType()).build())).build();
                });
    }

    /** The template whose URIs {@code uri} is one of, if any: the same rule the reads use. */
    public static Optional<Readable<McpSchema.ResourceTemplate>> templateFor(List<Readable<McpSchema.ResourceTemplate>> templates,
            String uri) {
        return templates.stream().filter(t -> uri.startsWith(t.uri().substring(0, t.uri().indexOf('{')))).findFirst();
    }

    private static Optional<ToolDefinition> tool(List<ApiTools> apis, SupportApi api, String name) {
        return apis.stream().filter(a -> a.api() == api).flatMap(a -> a.tools().stream())
                .filter(t -> t.tool().name().equals(name)).findFirst();
    }

    private static String variable(Template template, String uri) {
        String raw = uri.substring(template.prefix().length());
        String value = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        if (value.isBlank() || value.contains("/")) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                    .message(uri + " does not name one " + template.variable() + "; use " + template.uriTemplate() + ".").build();
        }
        return value;
    }

    /**
     * Runs the tool once per set of arguments; one structured result is the resource, several are listed under
     * "searches"; an error sentence is a JSON-RPC error.
     */
    private static McpSchema.ReadResourceResult read(ToolDefinition tool, String uri, List<Map<String, Object>> calls,
            String sessionId, McpTransportContext transport) {
        List<Object> results = new ArrayList<>();
        for (Map<String, Object> arguments : calls) {
            McpSchema.CallToolResult result = tool.read(arguments, sessionId, transport);
            if (Boolean.TRUE.equals(result.isError())) {
                String text = result.content().isEmpty() ? "The read failed."
                        : ((McpSchema.TextContent) result.content().get(0)).text();
                throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(uri + ": " + text).build();
            }
            results.add(result.structuredContent());
        }
        Object content = results.size() == 1 ? results.get(0) : Map.of("searches", results);
        return json(uri, content);
    }

    private static McpSchema.ReadResourceResult json(String uri, Object content) {
        String json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(content);
        return McpSchema.ReadResourceResult.builder(List.of(McpSchema.TextResourceContents.builder(uri, json)
                .mimeType("application/json").build())).build();
    }

    static final String CATALOG = "cisco://products/catalog";

    /** The templates offered, each with an example URI from its description. */
    private static McpSchema.ReadResourceResult catalog(List<Readable<McpSchema.ResourceTemplate>> templates) {
        List<Map<String, String>> entries = new ArrayList<>();
        for (Readable<McpSchema.ResourceTemplate> t : templates) {
            if (t.uri().equals(FleetReports.URI_TEMPLATE)) {
                continue; // a report is reached from the result that links it, and has no example
            }
            McpSchema.ResourceTemplate template = t.definition();
            java.util.regex.Matcher example = java.util.regex.Pattern.compile("cisco://[^ ,]+[A-Za-z0-9]")
                    .matcher(template.description());
            entries.add(Map.of("uri_template", template.uriTemplate(), "title", template.title(),
                    "example", example.find() ? example.group() : ""));
        }
        return json(CATALOG, Map.of("templates", entries));
    }
}
