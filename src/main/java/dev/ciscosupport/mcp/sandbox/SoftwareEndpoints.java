package dev.ciscosupport.mcp.sandbox;

import dev.ciscosupport.mcp.json.Json;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cisco's Software Suggestion API v2 as the sandbox serves it (SPEC.md §9): camelCase fields, a
 * {@code paginationResponseRecord}, up to 10 product or MDF IDs per call, the recommended release marked
 * {@code isSuggested: "Y"}, images only on the {@code software} endpoints, {@code suggestions} at the top
 * level for {@code compatible}, and {@code errorDetailsResponse} errors. Releases are the product
 * families' own, so suggestions agree with the bug and advisory data.
 */
final class SoftwareEndpoints {
    private static final int MAX_INPUTS = 10;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);
    private static final Map<String, String> SOFTWARE_TYPES = Map.of("nxos", "NX-OS System Software", "asa",
            "Adaptive Security Appliance (ASA) Software", "ftd", "Firepower Threat Defense (FTD) Software", "asr9k-xr",
            "IOS XR Software", "cucm", "Unified Communications Manager Updates", "ise", "Identity Services Engine Software");

    /** The MDF ID of each family: numeric, as Cisco's. */
    static String mdfId(ProductFamily family) {
        return String.valueOf(286_310_000 + ProductFamily.ALL.indexOf(family) * 17);
    }

    /** @param path the decoded path segments after {@code /software/suggestion/v2/suggestions} */
    Answer handle(List<String> path, Map<String, String> query) {
        if (path.size() != 3) {
            return error(404, "S3_INV_INPUT", "Invalid input", "");
        }
        for (String param : query.keySet()) {
            if (!List.of("pageIndex", "currentImage", "currentRelease", "supportedFeatures", "supportedHardware",
                    "contentType").contains(param)) {
                return error(400, "S3_INV_QUERY_PARAM", "Invalid query parameter: invalidQueryParam", param);
            }
        }
        String kind = path.get(0);
        boolean byMdf = path.get(1).startsWith("mdfId");
        List<String> inputs = Arrays.stream(path.get(2).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        boolean compatible = kind.equals("compatible");
        if (inputs.size() > (compatible ? 1 : MAX_INPUTS)) {
            return error(400, byMdf ? "S3_INV_MDFID" : "S3_INV_BASEPID", "More than the allowed number of IDs", path.get(2));
        }
        if (byMdf && inputs.stream().anyMatch(i -> !i.matches("[0-9]+"))) {
            return error(400, "S3_INV_MDFID", "The MDF ID is invalid", path.get(2));
        }
        ObjectNode root = Json.MAPPER.createObjectNode().put("status", "Success");
        if (compatible) {
            Optional<ProductFamily> family = family(inputs.get(0), byMdf);
            if (family.isEmpty()) {
                return error(404, "S3_NO_REC_FOUND", "No records found", inputs.get(0));
            }
            String current = query.get("currentRelease");
            List<String> later = family.get().releases().stream()
                    .filter(r -> current == null || Versions.compare(r, current) > 0).toList();
            if (later.isEmpty()) {
                return error(404, "S3_NO_SOFT_AVL", "No software available", inputs.get(0));
            }
            paging(root, later.size(), "Compatible Software");
            ArrayNode suggestions = root.putArray("suggestions");
            suggest(suggestions, family.get(), later, true);
            // Compatible answers name the product in each suggestion (examples/software_suggestion/compatible_*).
            suggestions.forEach(s -> product(((ObjectNode) s).putObject("product"), family.get(), byMdf ? null : inputs.get(0)));
            root.putNull("errorDetailsResponse");
            return Answer.json(200, root);
        }
        boolean withImages = kind.equals("software");
        paging(root, inputs.size(), withImages ? "Software Suggestions" : "Software Releases");
        ArrayNode products = root.putArray("productList");
        int id = 0;
        for (String input : inputs) {
            ObjectNode item = products.addObject().put("id", String.valueOf(++id));
            Optional<ProductFamily> family = family(input, byMdf);
            if (family.isEmpty()) {
                // As the documented client shape has it: the product with empty fields, and one suggestion that is
                // only Cisco's error (examples/software_suggestion/productIds.200.item_error).
                item.putObject("product").put("basePID", byMdf ? "" : input).put("mdfId", byMdf ? input : "")
                        .put("productName", "").put("softwareType", "");
                ObjectNode none = item.putArray("suggestions").addObject().put("id", "1");
                for (String field : List.of("isSuggested", "releaseFormat1", "releaseFormat2", "releaseDate", "majorRelease",
                        "releaseTrain", "releaseLifeCycle", "relDispName", "trainDispName")) {
                    none.put(field, "");
                }
                none.putObject("errorDetailsResponse").put("errorCode", byMdf ? "S3_MDFID_NO_SUPPORT" : "S3_BASEPID_NO_SUPPORT")
                        .put("errorDescription", "This " + (byMdf ? "mdfId" : "basePID") + " is currently not supported")
                        .put("suggestedAction", "Please provide " + (byMdf ? "mdfId" : "basePID") + " that is supported")
                        .put("inputIdentifier", input);
                continue;
            }
            ProductFamily f = family.get();
            product(item.putObject("product"), f, byMdf ? null : input);
            suggest(item.putArray("suggestions"), f, f.releases(), withImages);
        }
        root.putNull("errorDetailsResponse");
        return Answer.json(200, root);
    }

    /** @param productId the product ID asked for, or null when asked by MDF ID (the family's first is given) */
    private static void product(ObjectNode product, ProductFamily f, String productId) {
        product.put("basePID", productId == null ? f.productIds().get(0) : productId.toUpperCase(Locale.ROOT))
                .put("mdfId", mdfId(f)).put("productName", f.productName())
                .put("softwareType", SOFTWARE_TYPES.getOrDefault(f.component(), "IOS XE Software"));
    }

    /** The newest releases, the second newest suggested (Cisco recommends a mature release, not the latest). */
    private static void suggest(ArrayNode out, ProductFamily family, List<String> releases, boolean withImages) {
        List<String> newest = new ArrayList<>(releases.subList(Math.max(0, releases.size() - 4), releases.size()));
        java.util.Collections.reverse(newest);
        int n = 0;
        for (String release : newest) {
            ObjectNode s = out.addObject().put("id", String.valueOf(++n))
                    .put("isSuggested", n == Math.min(2, newest.size()) ? "Y" : "N")
                    .put("releaseFormat1", release).put("releaseFormat2", release.replace("(", ".").replace(")", ""))
                    .put("releaseDate", LocalDate.of(2019, 1, 15).plusDays(Math.abs(release.hashCode()) % 2000L).format(DATE))
                    .put("majorRelease", release.replaceAll("^(\\d+\\.\\d+).*$", "$1"))
                    .put("releaseTrain", family.component().toUpperCase(Locale.ROOT))
                    .put("releaseLifeCycle", n == 1 ? "ED" : "MD")
                    .put("relDispName", release).put("trainDispName", release.replaceAll("^(\\d+\\.\\d+).*$", "$1"));
            if (withImages) {
                s.putArray("images").addObject()
                        .put("imageName", family.component() + "-universalk9." + release.replaceAll("[()]", ".") + ".SPA.bin")
                        .put("imageSize", String.valueOf(800_000_000 + Math.abs(release.hashCode() % 100_000_000)))
                        .put("featureSet", "UNIVERSAL").put("description", family.platform() + " universal image")
                        .put("requiredDRAM", "8192").put("requiredFlash", "16384");
            }
            s.putNull("errorDetailsResponse");
        }
    }

    private static Optional<ProductFamily> family(String input, boolean byMdf) {
        return ProductFamily.ALL.stream().filter(f -> byMdf ? mdfId(f).equals(input)
                : f.productIds().stream().anyMatch(p -> p.equalsIgnoreCase(input))).findFirst();
    }

    private static void paging(ObjectNode root, int total, String title) {
        root.putObject("paginationResponseRecord").put("pageIndex", 1).put("lastIndex", 1).put("totalRecords", total)
                .put("pageRecords", total).put("selfLink", "").put("title", title);
    }

    private static Answer error(int status, String code, String description, String input) {
        ObjectNode root = Json.MAPPER.createObjectNode().put("status", "Failure");
        root.putObject("errorDetailsResponse").put("errorCode", code).put("errorDescription", description)
                .put("suggestedAction", "Please correct the input").put("inputIdentifier", input);
        return Answer.json(status, root);
    }
}
