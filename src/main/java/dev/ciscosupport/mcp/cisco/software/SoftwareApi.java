package dev.ciscosupport.mcp.cisco.software;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Cisco's Software Suggestion API v2 ({@code /software/suggestion/v2/suggestions}): suggested releases
 * (with or without images) for up to 10 product or MDF IDs per call (more are split and merged), and
 * the releases compatible with what a device runs. Errors come as {@code errorDetailsResponse}, for the
 * whole request or per product; "no records" is an answer.
 */
public final class SoftwareApi {
    public static final int IDS_PER_CALL = 10;
    /** Our cap per tool call: at most 5 Cisco calls. */
    public static final int MAX_IDS = 50;
    static final String BASE = "/software/suggestion/v2/suggestions";

    /** What to ask for. */
    public enum Kind {
        SOFTWARE("software"), RELEASES("releases");

        private final String path;

        Kind(String path) {
            this.path = path;
        }
    }

    /** The products answered, in input order, the paging (the furthest any Cisco call reached), and the Cisco calls. */
    public record Answers(List<SoftwareProduct> products, Page page, int ciscoCalls) {
        public Answers {
            products = List.copyOf(products);
        }
    }

    private final CiscoGateway gateway;
    private final CallContext call;

    /** The API for the server's own calls (entitlement probes, completions); {@link #in} gives it for a tool call. */
    public SoftwareApi(CiscoGateway gateway) {
        this(gateway, CallContext.background());
    }

    private SoftwareApi(CiscoGateway gateway, CallContext call) {
        this.gateway = gateway;
        this.call = call;
    }

    /** This API for one tool call: its requests carry the call's caller, listener and cancellation. */
    public SoftwareApi in(CallContext call) {
        return new SoftwareApi(gateway, call);
    }

    /** One cheap call, to learn whether the Cisco app is entitled to this API. */
    public void probe() {
        try {
            gateway.getFresh(SupportApi.SOFTWARE, CiscoPath.of(BASE).then("releases").then("productIds").value("C9300-24T").build(),
                    Map.of());
        } catch (CiscoException.Rejected e) {
            // a product Cisco has no suggestions for still proves the API answers
        }
    }

    /** Refuses bad IDs as {@code mdf_ids} or {@code product_ids}. */
    public Answers suggestions(Kind kind, boolean byMdf, List<String> ids, int page) {
        IdFormat format = byMdf ? IdFormat.MDF_ID : IdFormat.PRODUCT_ID;
        List<String> checked = format.checkAll(byMdf ? "mdf_ids" : "product_ids", ids, MAX_IDS);
        Map<String, SoftwareProduct> answered = new LinkedHashMap<>();
        Batches.Paging paging = new Batches.Paging();
        for (List<String> batch : Batches.of(checked, IDS_PER_CALL)) {
            JsonNode body = call(CiscoPath.of(BASE).then(kind.path).then(byMdf ? "mdfIds" : "productIds").values(batch),
                    pageQuery(page));
            JsonNode pages = body.path("paginationResponseRecord");
            paging.add(Json.integer(pages, "lastIndex", 1), Json.integer(pages, "totalRecords", body.path("productList").size()));
            int i = 0;
            for (JsonNode item : body.path("productList")) {
                SoftwareProduct p = product(item, batch.get(Math.min(i++, batch.size() - 1)), byMdf);
                answered.put(Batches.key(p.input()), p);
            }
        }
        // Past page 1 a product may simply have no more releases.
        List<SoftwareProduct> inOrder = Batches.inOrder(checked, answered, id -> page > 1 ? null
                : new SoftwareProduct(id, "", "", "", "", List.of(), "S3_NO_REC_FOUND", "No records found", ""));
        return new Answers(inOrder, new Page(page, paging.last(), inOrder.size(), paging.total()), paging.requests());
    }

    /** Page 1 is Cisco's default; a later page is asked for with {@code pageIndex}, which must not pass lastIndex. */
    private static Map<String, String> pageQuery(int page) {
        if (page < 1) {
            throw CiscoException.InvalidInput.of("page_index", name -> name + " must be 1 or more.");
        }
        return page == 1 ? Map.of() : Map.of("pageIndex", String.valueOf(page));
    }

    /** Releases compatible with (newer than) what a product runs now. Refuses a bad ID as {@code mdf_id} or {@code product_id}. */
    public Answers compatible(boolean byMdf, String id, String currentImage, String currentRelease, int page) {
        String checked = (byMdf ? IdFormat.MDF_ID : IdFormat.PRODUCT_ID).check(byMdf ? "mdf_id" : "product_id", id);
        Map<String, String> query = new LinkedHashMap<>(pageQuery(page));
        if (currentImage != null && !currentImage.isBlank()) {
            query.put("currentImage", IdFormat.IMAGE_NAME.check("current_image", currentImage));
        }
        if (currentRelease != null && !currentRelease.isBlank()) {
            query.put("currentRelease", IdFormat.OS_VERSION.check("current_release", currentRelease));
        }
        JsonNode body;
        try {
            body = call(CiscoPath.of(BASE).then("compatible").then(byMdf ? "mdfId" : "productId").value(checked), query);
        } catch (CiscoException.Rejected e) {
            if (e.errorCode().equals("S3_NO_REC_FOUND") || e.errorCode().equals("S3_NO_SOFT_AVL")) {
                return new Answers(List.of(new SoftwareProduct(checked, "", "", "", "", List.of(), e.errorCode(),
                        e.getMessage(), "")), new Page(page, 0, 0, 0), 1);
            }
            throw e;
        }
        // Compatible answers list suggestions at the top; each carries its product, the same for all of them.
        JsonNode item = Json.MAPPER.createObjectNode().set("suggestions", body.path("suggestions"));
        JsonNode product = body.path("suggestions").path(0).path("product");
        if (product.isObject()) {
            ((tools.jackson.databind.node.ObjectNode) item).set("product", product);
        }
        SoftwareProduct answered = product(item, checked, byMdf);
        JsonNode paging = body.path("paginationResponseRecord");
        return new Answers(List.of(answered), new Page(page, Json.integer(paging, "lastIndex", 1),
                answered.releases().size(), Json.integer(paging, "totalRecords", answered.releases().size())), 1);
    }

    /** A GET whose 200 body may still be a whole-request {@code errorDetailsResponse}. */
    private JsonNode call(CiscoPath path, Map<String, String> query) {
        JsonNode body = gateway.get(call, SupportApi.SOFTWARE, path.build(), query);
        var error = ErrorTexts.errorDetails(body);
        if (error.isPresent() && !body.has("productList") && !body.has("suggestions")) {
            throw new CiscoException.Rejected("Cisco's Software Suggestion API rejected the request: " + error.get().summary()
                    + ".", error.get().code());
        }
        return body;
    }

    /**
     * One product of an answer. Cisco reports a product it cannot answer for either beside the product or, as the
     * documented client shape has it, in place of its one suggestion; either way the product carries the error.
     */
    static SoftwareProduct product(JsonNode item, String fallbackInput, boolean byMdf) {
        JsonNode product = item.path("product");
        List<SoftwareRelease> all = new ArrayList<>();
        item.path("suggestions").forEach(s -> all.add(release(s)));
        List<SoftwareRelease> releases = all.stream().filter(r -> !r.isError()).toList();
        ErrorTexts.ApiError error = ErrorTexts.errorDetails(item).orElse(null);
        if (error == null && releases.isEmpty() && !all.isEmpty()) {
            SoftwareRelease first = all.get(0);
            error = new ErrorTexts.ApiError(first.errorCode(), first.errorDescription(), first.errorAction());
        }
        String input = byMdf ? Json.text(product, "mdfId") : Json.text(product, "basePID");
        return new SoftwareProduct(input.isEmpty() ? fallbackInput : input, Json.text(product, "basePID"),
                Json.text(product, "mdfId"), Json.text(product, "productName"), Json.text(product, "softwareType"), releases,
                error == null ? "" : error.code(), error == null ? "" : error.description(),
                error == null ? "" : error.action());
    }

    static SoftwareRelease release(JsonNode s) {
        List<SoftwareRelease.Image> images = new ArrayList<>();
        s.path("images").forEach(i -> images.add(new SoftwareRelease.Image(Json.text(i, "imageName"), Json.text(i, "imageSize"),
                Json.text(i, "featureSet"), Json.text(i, "description"), Json.text(i, "requiredDRAM"),
                Json.text(i, "requiredFlash"))));
        ErrorTexts.ApiError error = ErrorTexts.errorDetails(s).orElse(new ErrorTexts.ApiError("", "", ""));
        return new SoftwareRelease(Json.text(s, "releaseFormat1"), Json.text(s, "releaseFormat2"), Json.text(s, "releaseDate"),
                Json.text(s, "majorRelease"), Json.text(s, "releaseTrain"), Json.text(s, "releaseLifeCycle"),
                Json.text(s, "relDispName"), Json.text(s, "trainDispName"),
                Json.text(s, "isSuggested").strip().equalsIgnoreCase("Y"), images, error.code(), error.description(),
                error.action());
    }
}
