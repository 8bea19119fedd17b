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
import dev.ciscosupport.mcp.cisco.software.SoftwareApi.Kind;
import dev.ciscosupport.mcp.cisco.software.SoftwareApi;
import dev.ciscosupport.mcp.cisco.software.SoftwareProduct;
import dev.ciscosupport.mcp.format.BugFormat;
import dev.ciscosupport.mcp.format.SoftwareFormat;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The six Software Suggestion tools, with the TypeScript server's names and parameters; 10 IDs per Cisco call. */
final class SoftwareTools {
    private final SoftwareApi api;
    private final ToolContext context;

    SoftwareTools(SoftwareApi api, ToolContext context) {
        this.api = api;
        this.context = context;
    }

    List<SyncToolSpecification> specifications() {
        return List.of(
                list("get_software_suggestions_by_product_ids", "Get Software Suggestions by Product IDs", Kind.SOFTWARE, false,
                        "Cisco's suggested (recommended) software releases, with image files, for product IDs."),
                list("get_software_releases_by_product_ids", "Get Software Releases by Product IDs", Kind.RELEASES, false,
                        "Cisco's suggested software releases for product IDs, without image details."),
                compatible("get_compatible_software_by_product_id", "Get Compatible Software by Product ID", false),
                list("get_software_suggestions_by_mdf_ids", "Get Software Suggestions by MDF IDs", Kind.SOFTWARE, true,
                        "Cisco's suggested software releases, with image files, for MDF IDs (numeric product identifiers)."),
                list("get_software_releases_by_mdf_ids", "Get Software Releases by MDF IDs", Kind.RELEASES, true,
                        "Cisco's suggested software releases for MDF IDs, without image details."),
                compatible("get_compatible_software_by_mdf_id", "Get Compatible Software by MDF ID", true));
    }

    private SyncToolSpecification list(String name, String title, Kind kind, boolean byMdf, String description) {
        String parameter = byMdf ? "mdf_ids" : "product_ids";
        IdFormat format = byMdf ? IdFormat.MDF_ID : IdFormat.PRODUCT_ID;
        Map<String, Object> props = new LinkedHashMap<>();
        Map<String, Object> ids = string("Comma-separated " + (byMdf ? "MDF IDs, e.g. 286310000" : "base product IDs, e.g."
                + " C9300-24T") + "; up to " + SoftwareApi.MAX_IDS + ".",
                listPattern(format.regex()), (format.maxLength() + 2) * SoftwareApi.MAX_IDS);
        props.put(parameter, byMdf ? orInteger(ids) : ids);
        props.put("page_index", pageIndex());
        return tool(name, title, description, strictObject(props, List.of(parameter)), args -> output(name, title,
                api.in(args.call()).suggestions(kind, byMdf, parameter, args.requiredList(parameter), page(args))));
    }

    private SyncToolSpecification compatible(String name, String title, boolean byMdf) {
        String parameter = byMdf ? "mdf_id" : "product_id";
        IdFormat format = byMdf ? IdFormat.MDF_ID : IdFormat.PRODUCT_ID;
        Map<String, Object> props = new LinkedHashMap<>();
        Map<String, Object> id = string(byMdf ? "One MDF ID, e.g. 286310000." : "One base product ID, e.g. C9300-24T.",
                "^" + format.regex() + "$", format.maxLength());
        props.put(parameter, byMdf ? orInteger(id) : id);
        props.put("current_image", string("The image running now.", "^" + IdFormat.IMAGE_NAME.regex()
                + "$", IdFormat.IMAGE_NAME.maxLength()));
        props.put("current_release", string("The release running now, e.g. 17.6.4: only newer ones are listed.",
                "^" + IdFormat.OS_VERSION.regex() + "$", 15));
        props.put("page_index", pageIndex());
        return tool(name, title, "Software releases Cisco lists as compatible upgrades for a product, newer than"
                        + " current_release when given.", strictObject(props, List.of(parameter)),
                args -> output(name, title, api.in(args.call()).compatible(byMdf, parameter, args.required(parameter),
                        args.optional("current_image"), args.optional("current_release"), page(args))));
    }

    private static Map<String, Object> pageIndex() {
        return integer(null, 1, 10_000);
    }

    private static int page(ToolArguments args) {
        Integer page = args.optionalInteger("page_index");
        return page == null ? 1 : page;
    }

    private SyncToolSpecification tool(String name, String title, String description, Map<String, Object> input,
            Function<ToolArguments, ToolOutput> body) {
        return ToolHandlers.readOnly(name, title, description, input, outputSchema(), context, body);
    }

    private static ToolOutput output(String name, String title, SoftwareApi.Answers answers) {
        List<SoftwareProduct> products = answers.products();
        long found = products.stream().filter(SoftwareProduct::found).count();
        StringBuilder text = new StringBuilder(title).append(": ").append(found).append(" of ").append(products.size())
                .append(" answered");
        if (answers.page().last() > 1) {
            text.append(", page ").append(answers.page().index()).append(" of ").append(answers.page().last());
        }
        text.append('.');
        products.forEach(p -> text.append("\n").append(SoftwareFormat.block(p)));
        if (answers.page().hasNext()) {
            text.append("\nMore: call ").append(name).append(" with the same arguments and page_index=")
                    .append(answers.page().index() + 1).append('.');
        }
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("page", BugFormat.structuredPage(answers.page()));
        structured.put("cisco_calls", answers.ciscoCalls());
        structured.put("products", products.stream().map(SoftwareFormat::structured).toList());
        return new ToolOutput(text.toString(), structured);
    }

    private static Map<String, Object> outputSchema() {
        Map<String, Object> product = object(Schemas.properties(Map.entry("input", type("string")),
                Map.entry("found", type("boolean")), Map.entry("base_pid", type("string")),
                Map.entry("releases", arrayOf(type("object")))), List.of("input", "found", "releases"));
        return object(Schemas.properties(Schemas.source(), Schemas.cache(),
                Map.entry("page", type("object")), Map.entry("cisco_calls", type("integer")),
                Map.entry("products", arrayOf(product))), List.of("source", "page", "cisco_calls", "products"));
    }
}
