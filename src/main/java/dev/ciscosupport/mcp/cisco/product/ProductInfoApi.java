package dev.ciscosupport.mcp.cisco.product;

import dev.ciscosupport.mcp.cisco.Batches;
import dev.ciscosupport.mcp.cisco.CiscoGateway;
import dev.ciscosupport.mcp.cisco.CiscoPath;
import dev.ciscosupport.mcp.cisco.ErrorTexts;
import dev.ciscosupport.mcp.cisco.IdFormat;
import dev.ciscosupport.mcp.cisco.Page;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Cisco's Product Information API v1 ({@code /product/v1/information}): product data by serial number or
 * product ID, and MDF names by product ID. Cisco takes 5 inputs per call; more are split and merged, and
 * answers are matched to inputs by value.
 */
public final class ProductInfoApi {
    public static final int INPUTS_PER_CALL = 5;
    /** Our cap per tool call: at most 10 Cisco calls. */
    public static final int MAX_INPUTS = 50;
    static final String BASE = "/product/v1/information";

    /** The three lookups. */
    public enum Lookup {
        BY_SERIAL("serial_numbers", IdFormat.SERIAL_NUMBER, "sr_no"),
        BY_PRODUCT_ID("product_ids", IdFormat.PRODUCT_ID, "product_id"),
        MDF_BY_PRODUCT_ID("product_ids_mdf", IdFormat.PRODUCT_ID, "product_id");

        private final String path;
        private final IdFormat format;
        private final String key;

        Lookup(String path, IdFormat format, String key) {
            this.path = path;
            this.format = format;
            this.key = key;
        }
    }

    /** Answers in input order, the paging (the furthest any Cisco call reached), and how many Cisco calls they took. */
    public record Answers(List<ProductInfo> items, Page page, int ciscoCalls) {
        public Answers {
            items = List.copyOf(items);
        }
    }

    private final CiscoGateway gateway;
    private final CallContext call;

    /** The API for the server's own calls (entitlement probes, completions); {@link #in} gives it for a tool call. */
    public ProductInfoApi(CiscoGateway gateway) {
        this(gateway, CallContext.background());
    }

    private ProductInfoApi(CiscoGateway gateway, CallContext call) {
        this.gateway = gateway;
        this.call = call;
    }

    /** This API for one tool call: its requests carry the call's caller, listener and cancellation. */
    public ProductInfoApi in(CallContext call) {
        return new ProductInfoApi(gateway, call);
    }

    /** One cheap call, to learn whether the Cisco app is entitled to this API. */
    public void probe() {
        gateway.getFresh(SupportApi.PRODUCT, CiscoPath.of(BASE).then(Lookup.BY_PRODUCT_ID.path).value("C9300-24T").build(),
                Map.of("page_index", "1"));
    }

    public Answers lookup(Lookup lookup, List<String> inputs) {
        return lookup(lookup, inputs, 1);
    }

    /** Refuses bad inputs as {@code serial_numbers} or {@code product_ids}, what Cisco calls them. */
    public Answers lookup(Lookup lookup, List<String> inputs, int page) {
        List<String> checked = lookup.format.checkAll(lookup == Lookup.BY_SERIAL ? "serial_numbers" : "product_ids", inputs,
                MAX_INPUTS);
        if (page < 1) {
            throw CiscoException.InvalidInput.of("page_index", name -> name + " must be 1 or more.");
        }
        Map<String, ProductInfo> answered = new LinkedHashMap<>();
        Batches.Paging paging = new Batches.Paging();
        for (List<String> batch : Batches.of(checked, INPUTS_PER_CALL)) {
            JsonNode body = gateway.get(call, SupportApi.PRODUCT, CiscoPath.of(BASE).then(lookup.path).values(batch).build(),
                    Map.of("page_index", String.valueOf(page)));
            JsonNode pages = body.path("pagination_response_record");
            paging.add(Json.integer(pages, "last_index", 1), Json.integer(pages, "total_records", body.path("product_list").size()));
            Optional<ErrorTexts.ApiError> error = ErrorTexts.errorResponse(body);
            if (error.isPresent() && !body.has("product_list")) {
                throw new CiscoException.Rejected("Cisco's Product Information API rejected the request: "
                        + error.get().summary() + ".", error.get().code());
            }
            for (JsonNode item : body.path("product_list")) {
                ProductInfo info = info(item, lookup);
                answered.put(Batches.key(info.input()), info);
            }
        }
        // Past page 1 an input may simply have nothing more.
        List<ProductInfo> inOrder = Batches.inOrder(checked, answered, input -> page > 1 ? null : new ProductInfo(input, "",
                "", "", "", "", "", "", "", "", "", "", "", "", "", "", "NO_RECORDS_FOUND", "No records found", ""));
        return new Answers(inOrder, new Page(page, paging.last(), inOrder.size(), paging.total()), paging.requests());
    }

    static ProductInfo info(JsonNode n, Lookup lookup) {
        Optional<ErrorTexts.ApiError> error = ErrorTexts.errorResponse(n);
        JsonNode dimensions = n.path("dimensions");
        String dims = dimensions.isObject() ? (Json.text(dimensions, "dimensions_value") + " ("
                + Json.text(dimensions, "dimensions_format") + ")").replace(" ()", "").strip() : "";
        String productId = Json.text(n, lookup == Lookup.BY_SERIAL ? "base_pid" : "product_id");
        return new ProductInfo(Json.text(n, lookup.key), productId, Json.text(n, "orderable_pid"), Json.text(n, "product_name"),
                Json.text(n, "product_type"), Json.text(n, "product_series"), Json.text(n, "product_category"),
                Json.text(n, "product_subcategory"), Json.text(n, "release_date"), Json.text(n, "orderable_status"),
                dims.equals("()") ? "" : dims, Json.text(n, "weight"), Json.text(n, "form_factor"),
                Json.text(n, "product_support_page"), Json.text(n, "product_name_mdf"), Json.text(n, "product_series_mdf"),
                error.map(ErrorTexts.ApiError::code).orElse(""), error.map(ErrorTexts.ApiError::description).orElse(""),
                error.map(ErrorTexts.ApiError::action).orElse(""));
    }
}
