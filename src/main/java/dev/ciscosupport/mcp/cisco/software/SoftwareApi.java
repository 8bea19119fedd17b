package dev.ciscosupport.mcp.cisco.software;

import dev.ciscosupport.mcp.cisco.CiscoException;
import dev.ciscosupport.mcp.cisco.CiscoGateway;
import dev.ciscosupport.mcp.cisco.CiscoPath;
import dev.ciscosupport.mcp.cisco.ErrorTexts;
import dev.ciscosupport.mcp.cisco.IdFormat;
import dev.ciscosupport.mcp.cisco.Json;
import dev.ciscosupport.mcp.config.SupportApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    /** The products answered, in input order, and how many Cisco calls they took. */
    public record Answers(List<SoftwareProduct> products, int ciscoCalls) {
        public Answers {
            products = List.copyOf(products);
        }
    }

    private final CiscoGateway gateway;

    public SoftwareApi(CiscoGateway gateway) {
        this.gateway = gateway;
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

    public Answers suggestions(Kind kind, boolean byMdf, String parameter, List<String> ids) {
        IdFormat format = byMdf ? IdFormat.MDF_ID : IdFormat.PRODUCT_ID;
        List<String> checked = format.checkAll(parameter, ids, MAX_IDS);
        Map<String, SoftwareProduct> answered = new LinkedHashMap<>();
        int calls = 0;
        for (int from = 0; from < checked.size(); from += IDS_PER_CALL) {
            List<String> chunk = checked.subList(from, Math.min(checked.size(), from + IDS_PER_CALL));
            JsonNode body = call(CiscoPath.of(BASE).then(kind.path).then(byMdf ? "mdfIds" : "productIds").values(chunk),
                    Map.of());
            calls++;
            int i = 0;
            for (JsonNode item : body.path("productList")) {
                SoftwareProduct p = product(item, chunk.get(Math.min(i++, chunk.size() - 1)), byMdf);
                answered.put(p.input().toUpperCase(Locale.ROOT), p);
            }
        }
        List<SoftwareProduct> inOrder = new ArrayList<>();
        for (String id : checked) {
            SoftwareProduct p = answered.get(id.toUpperCase(Locale.ROOT));
            inOrder.add(p != null ? p : new SoftwareProduct(id, "", "", "", "", List.of(), "S3_NO_REC_FOUND", "No records found"));
        }
        return new Answers(inOrder, calls);
    }

    /** Releases compatible with (newer than) what a product runs now. */
    public SoftwareProduct compatible(boolean byMdf, String parameter, String id, String currentImage, String currentRelease) {
        String checked = (byMdf ? IdFormat.MDF_ID : IdFormat.PRODUCT_ID).check(parameter, id);
        Map<String, String> query = new LinkedHashMap<>();
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
                return new SoftwareProduct(checked, "", "", "", "", List.of(), e.errorCode(), e.getMessage());
            }
            throw e;
        }
        List<SoftwareRelease> releases = new ArrayList<>();
        body.path("suggestions").forEach(s -> releases.add(release(s)));
        return new SoftwareProduct(checked, byMdf ? "" : checked, byMdf ? checked : "", "", "", releases, "", "");
    }

    /** A GET whose 200 body may still be a whole-request {@code errorDetailsResponse}. */
    private JsonNode call(CiscoPath path, Map<String, String> query) {
        JsonNode body = gateway.get(SupportApi.SOFTWARE, path.build(), query);
        var error = ErrorTexts.errorDetails(body);
        if (error.isPresent() && !body.has("productList") && !body.has("suggestions")) {
            throw new CiscoException.Rejected("Cisco's Software Suggestion API rejected the request: " + error.get().summary()
                    + ".", error.get().code());
        }
        return body;
    }

    static SoftwareProduct product(JsonNode item, String fallbackInput, boolean byMdf) {
        JsonNode product = item.path("product");
        JsonNode error = item.path("errorDetailsResponse");
        List<SoftwareRelease> releases = new ArrayList<>();
        item.path("suggestions").forEach(s -> releases.add(release(s)));
        String input = byMdf ? Json.text(product, "mdfId") : Json.text(product, "basePID");
        return new SoftwareProduct(input.isEmpty() ? fallbackInput : input, Json.text(product, "basePID"),
                Json.text(product, "mdfId"), Json.text(product, "productName"), Json.text(product, "softwareType"), releases,
                error.isObject() ? Json.text(error, "errorCode") : "",
                error.isObject() ? Json.text(error, "errorDescription") : "");
    }

    static SoftwareRelease release(JsonNode s) {
        List<SoftwareRelease.Image> images = new ArrayList<>();
        s.path("images").forEach(i -> images.add(new SoftwareRelease.Image(Json.text(i, "imageName"), Json.text(i, "imageSize"),
                Json.text(i, "featureSet"), Json.text(i, "description"), Json.text(i, "requiredDRAM"),
                Json.text(i, "requiredFlash"))));
        JsonNode error = s.path("errorDetailsResponse");
        return new SoftwareRelease(Json.text(s, "releaseFormat1"), Json.text(s, "releaseFormat2"), Json.text(s, "releaseDate"),
                Json.text(s, "majorRelease"), Json.text(s, "releaseTrain"), Json.text(s, "releaseLifeCycle"),
                Json.text(s, "relDispName"), Json.text(s, "isSuggested").strip().equalsIgnoreCase("Y"), images,
                error.isObject() ? Json.text(error, "errorCode") : "", error.isObject() ? Json.text(error, "errorDescription") : "");
    }
}
