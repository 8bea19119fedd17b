package dev.ciscosupport.mcp.sandbox;

import dev.ciscosupport.mcp.json.Json;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cisco's Product Information API v1 as the sandbox serves it (SPEC.md §7): up to 5 serials or product IDs
 * per call, {@code product_list} items with the fields client models agree on, and a per-item
 * {@code ErrorResponse} for what it does not know.
 */
final class ProductInfoEndpoints {
    private static final int MAX_INPUTS = 5;
    private final EoxCatalog products;
    private final LocalDate today;

    ProductInfoEndpoints(EoxCatalog products, LocalDate today) {
        this.products = products;
        this.today = today;
    }

    /** @param path the decoded path segments after {@code /product/v1/information} */
    Answer handle(List<String> path, Map<String, String> query, String rawPath) {
        if (path.size() != 2) {
            return Answer.apiError(400, "API_MISSING_PARAMETERS", "A required parameter is missing",
                    "Please consult the API documentation");
        }
        List<String> inputs = Arrays.stream(path.get(1).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (inputs.size() > MAX_INPUTS) {
            return Answer.apiError(400, "EXCEEDED_INPUTS", "Number of inputs exceeded the maximum of 5",
                    "Please reduce the number of inputs");
        }
        String kind = path.get(0);
        String title = switch (kind) {
            case "serial_numbers" -> "Product Information by Serial Numbers";
            case "product_ids" -> "Product Information by Product Identifiers";
            case "product_ids_mdf" -> "Product MDF Information by Product Identifiers";
            default -> null;
        };
        if (title == null) {
            return GatewayFaults.serviceNotFound();
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode paging = root.putObject("pagination_response_record");
        ArrayNode list = root.putArray("product_list");
        int found = 0;
        for (String input : inputs) {
            Optional<EoxProduct> product = kind.equals("serial_numbers")
                    ? products.bySerial(input) : products.byId(input).filter(p -> p.osType() == null);
            ObjectNode n = list.addObject();
            if (product.isEmpty()) {
                n.put(kind.equals("serial_numbers") ? "sr_no" : "product_id", input);
                n.putObject("ErrorResponse").putObject("APIError").put("ErrorCode", "NO_RECORDS_FOUND")
                        .put("ErrorDescription", "No records found").put("SuggestedAction", "Please provide a valid "
                                + (kind.equals("serial_numbers") ? "serial number" : "product ID"));
                continue;
            }
            EoxProduct p = product.get();
            n.put("id", String.valueOf(++found));
            if (kind.equals("product_ids_mdf")) {
                n.put("product_id", p.productId()).put("product_name", p.description())
                        .put("product_name_mdf", p.description().replace("Cisco ", "")).put("product_series", series(p))
                        .put("product_series_mdf", series(p).replace("Cisco ", ""));
                continue;
            }
            if (kind.equals("serial_numbers")) {
                n.put("sr_no", input.toUpperCase(Locale.ROOT)).put("base_pid", p.productId()).put("orderable_pid", p.productId());
            } else {
                n.put("product_id", p.productId());
            }
            boolean soldOut = p.endOfSale() != null && p.endOfSale().isBefore(today);
            n.put("product_name", p.description()).put("product_type", type(p)).put("product_series", series(p))
                    .put("product_category", type(p)).put("product_subcategory", type(p) + " - " + series(p))
                    .put("release_date", (p.announced() != null ? p.announced().minusYears(5) : LocalDate.of(2019, 6, 1)).toString())
                    .put("orderable_status", soldOut ? "EoS" : "Orderable");
            n.putObject("dimensions").put("dimensions_format", "H x W x D").put("dimensions_value", "1.73 x 17.5 x 15.8 in");
            n.put("weight", "16.1 lb").put("form_factor", "1RU")
                    .put("product_support_page", "https://www.cisco.com/c/en/us/support/"
                            + series(p).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "/series.html")
                    .put("visio_stencil_url", "");
            n.putObject("rich_media_urls").put("large_image_url", "").put("small_image_url", "");
        }
        paging.put("last_index", found == 0 ? 0 : 1).put("page_index", found == 0 ? 0 : 1).put("page_records", found)
                .put("self_link", "https://api.cisco.com" + rawPath + "?page_index=" + query.getOrDefault("page_index", "1"))
                .put("title", title).put("total_records", found);
        return Answer.json(200, root);
    }

    private static String series(EoxProduct p) {
        return ProductFamily.ALL.stream().filter(f -> f.productIds().contains(p.productId())).map(ProductFamily::series)
                .findFirst().orElse("Cisco " + p.productId().replaceAll("[-0-9].*$", "") + " Series");
    }

    private static String type(EoxProduct p) {
        String pid = p.productId();
        if (pid.startsWith("ISR") || pid.startsWith("ASR") || pid.startsWith("C1111") || pid.startsWith("C8200")
                || pid.startsWith("CISCO29")) {
            return "Routers";
        }
        if (pid.startsWith("AIR") || pid.startsWith("C9120") || pid.startsWith("C9800")) {
            return "Wireless";
        }
        if (pid.startsWith("ASA") || pid.startsWith("FPR")) {
            return "Security";
        }
        return "Switches";
    }
}
