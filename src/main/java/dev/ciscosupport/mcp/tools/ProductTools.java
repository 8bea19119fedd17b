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
import dev.ciscosupport.mcp.cisco.product.ProductInfo;
import dev.ciscosupport.mcp.cisco.product.ProductInfoApi.Lookup;
import dev.ciscosupport.mcp.cisco.product.ProductInfoApi;
import dev.ciscosupport.mcp.format.BugFormat;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three Product Information tools, with the TypeScript server's names. Unlike that server, the
 * answers carry exactly the fields Cisco returns, none invented (no list price, no lifecycle guess).
 */
final class ProductTools {
    private final ProductInfoApi api;
    private final ToolContext context;

    ProductTools(ProductInfoApi api, ToolContext context) {
        this.api = api;
        this.context = context;
    }

    List<SyncToolSpecification> specifications() {
        return List.of(
                tool("get_product_info_by_serial_numbers", "Get Product Info by Serial Numbers", Lookup.BY_SERIAL,
                        "serial_numbers", "Product data for serial numbers: base and orderable product ID, name, type,"
                                + " series, category, release date, orderable status, dimensions, weight, support page."),
                tool("get_product_info_by_product_ids", "Get Product Info by Product IDs", Lookup.BY_PRODUCT_ID,
                        "product_ids", "Product data for product IDs (hardware): name, type, series, category, release"
                                + " date, orderable status, dimensions, weight, support page."),
                tool("get_product_mdf_info_by_product_ids", "Get Product MDF Info by Product IDs", Lookup.MDF_BY_PRODUCT_ID,
                        "product_ids", "Cisco's MDF (metadata framework) product and series names for product IDs, as"
                                + " Cisco's software and support pages name them."));
    }

    private SyncToolSpecification tool(String name, String title, Lookup lookup, String parameter, String description) {
        IdFormat format = lookup == Lookup.BY_SERIAL ? IdFormat.SERIAL_NUMBER : IdFormat.PRODUCT_ID;
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(parameter, string("Comma-separated " + (lookup == Lookup.BY_SERIAL ? "serial numbers, e.g. FOC1234X0AB"
                : "product IDs, e.g. C9300-24T,ISR4431/K9") + "; up to " + ProductInfoApi.MAX_INPUTS
                + ".", listPattern(format.regex()),
                (format.maxLength() + 2) * ProductInfoApi.MAX_INPUTS));
        props.put("page_index", integer(null, 1, 10_000));
        return ToolHandlers.readOnly(name, title, description, strictObject(props, List.of(parameter)), outputSchema(),
                context, args -> {
            Integer page = args.optionalInteger("page_index");
            ProductInfoApi.Answers answers = api.in(args.call()).lookup(lookup, parameter, args.requiredList(parameter), page == null ? 1 : page);
            long found = answers.items().stream().filter(ProductInfo::found).count();
            StringBuilder text = new StringBuilder(title).append(": ").append(found).append(" of ")
                    .append(answers.items().size()).append(" found");
            if (answers.page().last() > 1) {
                text.append(", page ").append(answers.page().index()).append(" of ").append(answers.page().last());
            }
            text.append('.');
            for (ProductInfo p : answers.items()) {
                text.append("\n").append(line(p));
            }
            if (answers.page().hasNext()) {
                text.append("\nMore: call ").append(name).append(" with the same arguments and page_index=")
                        .append(answers.page().index() + 1).append('.');
            }
            Map<String, Object> structured = new LinkedHashMap<>();
            structured.put("page", BugFormat.structuredPage(answers.page()));
            structured.put("cisco_calls", answers.ciscoCalls());
            structured.put("items", answers.items().stream().map(ProductTools::structured).toList());
            return new ToolOutput(text.toString(), structured);
        });
    }

    static String line(ProductInfo p) {
        if (!p.found()) {
            String cisco = String.join("; ", java.util.stream.Stream.of(p.errorDescription(), p.errorAction())
                    .filter(v -> !v.isEmpty()).toList());
            return p.input() + " | no record (Cisco knows no hardware product by that value)"
                    + (cisco.isEmpty() ? "" : ": Cisco says " + cisco);
        }
        List<String> parts = new ArrayList<>();
        parts.add(p.input().equalsIgnoreCase(p.productId()) ? p.productId() : p.input() + " -> " + p.productId());
        for (String value : List.of(p.name(), p.nameMdf(), p.series(), p.type(), p.orderableStatus())) {
            if (!value.isEmpty() && !parts.contains(value)) {
                parts.add(value);
            }
        }
        if (!p.releaseDate().isEmpty()) {
            parts.add("released " + p.releaseDate());
        }
        if (!p.dimensions().isEmpty()) {
            parts.add(p.dimensions() + (p.weight().isEmpty() ? "" : ", " + p.weight()));
        }
        if (!p.supportPage().isEmpty()) {
            parts.add(p.supportPage());
        }
        return String.join(" | ", parts);
    }

    static Map<String, Object> structured(ProductInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", p.input());
        m.put("found", p.found());
        m.put("product_id", p.productId());
        m.put("orderable_product_id", p.orderableProductId());
        m.put("name", p.name());
        m.put("type", p.type());
        m.put("series", p.series());
        m.put("category", p.category());
        m.put("subcategory", p.subcategory());
        m.put("release_date", p.releaseDate());
        m.put("orderable_status", p.orderableStatus());
        m.put("dimensions", p.dimensions());
        m.put("weight", p.weight());
        m.put("form_factor", p.formFactor());
        m.put("support_page", p.supportPage());
        m.put("name_mdf", p.nameMdf());
        m.put("series_mdf", p.seriesMdf());
        m.put("error_code", p.errorCode());
        if (!p.found()) {
            m.put("error_message", p.errorDescription());
            m.put("suggested_action", p.errorAction());
        }
        return m;
    }

    private static Map<String, Object> outputSchema() {
        Map<String, Object> item = object(Schemas.properties(Map.entry("input", type("string")),
                Map.entry("found", type("boolean")), Map.entry("product_id", type("string")),
                Map.entry("name", type("string")), Map.entry("series", type("string"))), List.of("input", "found"));
        return object(Schemas.properties(Schemas.source(), Schemas.cache(),
                Map.entry("page", type("object")), Map.entry("cisco_calls", type("integer")),
                Map.entry("items", arrayOf(item))), List.of("source", "page", "cisco_calls", "items"));
    }
}
