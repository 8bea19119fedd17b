package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.product.ProductInfo;
import dev.ciscosupport.mcp.cisco.product.ProductInfoApi.Lookup;
import dev.ciscosupport.mcp.cisco.product.ProductInfoApi;
import dev.ciscosupport.mcp.format.PageFormat;
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

    /** {@code get_product_info_by_serial_numbers}'s arguments. */
    record SerialNumbers(
            @Arg(value = "Comma-separated serial numbers, e.g. FOC1234X0AB; up to " + ProductInfoApi.MAX_INPUTS + ".",
                    required = true) String serialNumbers,
            @Arg(minimum = 1, maximum = 10_000) Integer pageIndex) implements IdList {
        @Override
        public String list() {
            return serialNumbers;
        }
    }

    /** The arguments of the lookups by product ID. */
    record ProductIds(
            @Arg(value = "Comma-separated product IDs, e.g. C9300-24T,ISR4431/K9; up to " + ProductInfoApi.MAX_INPUTS + ".",
                    required = true) String productIds,
            @Arg(minimum = 1, maximum = 10_000) Integer pageIndex) implements IdList {
        @Override
        public String list() {
            return productIds;
        }
    }

    /** What the three lookups answer. */
    record Products(Map<String, Object> page, int ciscoCalls, List<Map<String, Object>> items) {
    }

    List<ToolDefinition> definitions() {
        return List.of(
                tool("get_product_info_by_serial_numbers", "Get Product Info by Serial Numbers", Lookup.BY_SERIAL,
                        SerialNumbers.class, "Product data for serial numbers: base and orderable product"
                                + " ID, name, type, series, category, release date, orderable status, dimensions, weight,"
                                + " support page."),
                tool("get_product_info_by_product_ids", "Get Product Info by Product IDs", Lookup.BY_PRODUCT_ID,
                        ProductIds.class, "Product data for product IDs (hardware): name, type, series,"
                                + " category, release date, orderable status, dimensions, weight, support page."),
                tool("get_product_mdf_info_by_product_ids", "Get Product MDF Info by Product IDs", Lookup.MDF_BY_PRODUCT_ID,
                        ProductIds.class, "Cisco's MDF (metadata framework) product and series names for"
                                + " product IDs, as Cisco's software and support pages name them."));
    }

    private <A extends Record & IdList> ToolDefinition tool(String name, String title, Lookup lookup,
            Class<A> arguments, String description) {
        return TypedTool.readOnly(name, title, description, arguments, Products.class, context, (args, call) -> {
            ProductInfoApi.Answers answers = api.in(call).lookup(lookup, RecordArguments.items(args.list()), args.page());
            StringBuilder text = new StringBuilder(PageFormat.counted(title, answers.items().stream()
                    .filter(ProductInfo::found).count(), answers.items().size(), "found", answers.page()));
            for (ProductInfo p : answers.items()) {
                text.append("\n").append(line(p));
            }
            text.append(PageFormat.more(name, answers.page()));
            return new TypedTool.Answer<>(text.toString(), new Products(PageFormat.structured(answers.page()),
                    answers.ciscoCalls(), answers.items().stream().map(ProductTools::structured).toList()));
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
}
