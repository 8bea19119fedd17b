package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.eox.EoxApi;
import dev.ciscosupport.mcp.cisco.eox.EoxRecord;
import dev.ciscosupport.mcp.cisco.product.ProductInfo;
import dev.ciscosupport.mcp.cisco.product.ProductInfoApi;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * product_name_resolver, built on Cisco's data instead of a ten-entry table: the Product Information
 * API names a product ID; a partial ID is matched through the EoX API's wildcard search, and when
 * several products match, the user picks one (MCP elicitation) if the client can ask, or the choices
 * are returned.
 */
final class ProductNames {
    static final int MAX_CHOICES = 20;
    private final Optional<ProductInfoApi> products;
    private final Optional<EoxApi> eox;

    ProductNames(Optional<ProductInfoApi> products, Optional<EoxApi> eox) {
        this.products = products;
        this.eox = eox;
    }

    /** These lookups for one tool call: their requests carry the call's caller, listener and cancellation. */
    ProductNames in(CallContext call) {
        return new ProductNames(products.map(p -> p.in(call)), eox.map(e -> e.in(call)));
    }

    /** {@code product_name_resolver}'s arguments. */
    record Product(
            @Arg(value = "A product ID or its start, e.g. C9300-24T or C9300-24.", required = true, maxLength = 50)
            String productId,
            Boolean includeSearchStrategies) {
    }

    /**
     * What was asked, the product ID it resolved to ("" when several match and none was chosen), what Cisco says the
     * product is, how it was chosen, the matches to choose from, and the calls to make next: each part when there is one.
     */
    record Resolved(String asked, String productId, Optional<String> name, Optional<String> series,
            Optional<String> category, Optional<String> supportPage, Optional<String> chosen, Optional<List<String>> choices,
            Optional<List<String>> nextCalls) {
    }

    TypedTool.Answer<Resolved> resolve(Product args, CallContext call, ClientRequests client) {
        return in(call).resolving(client, args);
    }

    /** The resolution, this object's APIs being bound to the call. */
    private TypedTool.Answer<Resolved> resolving(ClientRequests client, Product args) {
        String asked = args.productId().strip().toUpperCase(Locale.ROOT);
        boolean strategies = !Boolean.FALSE.equals(args.includeSearchStrategies());
        if (products.isEmpty() && eox.isEmpty()) {
            throw new CiscoException.InvalidInput("product_name_resolver needs the Product Information or the EoX API; add"
                    + " product or eox to SUPPORT_API.");
        }
        Optional<ProductInfo> info = info(asked);
        String pid = asked;
        List<String> choices = List.of();
        String chosenBy = "";
        if (info.isEmpty() && eox.isPresent()) {
            choices = candidates(asked);
            if (choices.size() == 1) {
                pid = choices.get(0);
                info = info(pid);
            } else if (choices.size() > 1) {
                Optional<String> picked = ask(client, asked, choices);
                if (picked.isEmpty()) {
                    return choicesOnly(asked, choices, client);
                }
                pid = picked.get();
                chosenBy = "chosen by the user from " + choices.size() + " matches";
                info = info(pid);
            }
        }
        StringBuilder text = new StringBuilder();
        if (info.isPresent()) {
            ProductInfo p = info.get();
            text.append(pid).append(": ").append(p.name()).append("\n  series: ").append(p.series()).append(" | category: ")
                    .append(p.category()).append(p.supportPage().isEmpty() ? "" : "\n  " + p.supportPage()).append('\n');
        } else if (choices.isEmpty()) {
            text.append("Cisco knows no product ").append(asked).append(products.isEmpty()
                    ? " (the Product Information API is not enabled, and the EoX API has no record of it)" : "").append(".\n");
        } else {
            text.append(pid).append('\n');
        }
        if (!chosenBy.isEmpty()) {
            text.append("(").append(chosenBy).append(")\n");
        }
        Optional<List<String>> next = Optional.empty();
        if (strategies && (info.isPresent() || !choices.isEmpty())) {
            List<String> calls = new ArrayList<>(List.of("search_bugs_by_product_id {base_pid: " + pid + "}",
                    "get_eox_by_product_id {product_ids: " + pid + "}",
                    "get_software_suggestions_by_product_ids {product_ids: " + pid + "}"));
            info.filter(p -> !p.series().isEmpty()).ifPresent(p -> {
                calls.add("search_bugs_by_product_series_affected {product_series: " + p.series() + ", affected_releases: <version>}");
                calls.add("get_security_advisories_by_product {product: " + p.series() + "}");
            });
            next = Optional.of(calls);
            text.append("Next: ").append(String.join("; ", calls)).append('\n');
        }
        boolean unknown = info.isEmpty() && choices.isEmpty();
        return new TypedTool.Answer<>(text.toString().strip(), new Resolved(asked, pid,
                unknown ? Optional.of("") : info.map(ProductInfo::name), info.map(ProductInfo::series),
                info.map(ProductInfo::category), info.map(ProductInfo::supportPage),
                chosenBy.isEmpty() ? Optional.empty() : Optional.of(chosenBy), Optional.empty(), next));
    }

    Optional<ProductInfo> info(String pid) {
        if (products.isEmpty() || pid.contains("*")) {
            return Optional.empty();
        }
        return Renamed.call(Map.of("product_ids", "product_id"),
                () -> products.get().lookup(ProductInfoApi.Lookup.BY_PRODUCT_ID, List.of(pid))).items().stream()
                .filter(ProductInfo::found).findFirst();
    }

    /** Product IDs that start with what was asked, from the EoX API's wildcard search. */
    private List<String> candidates(String asked) {
        String pattern = asked.endsWith("*") ? asked : asked + "*";
        return Renamed.call(Map.of("product_ids", "product_id"), () -> eox.get().byProductIds(List.of(pattern), 1))
                .records().stream().filter(EoxRecord::found)
                .map(EoxRecord::productId).distinct().limit(MAX_CHOICES).toList();
    }

    /** Asks the user to pick one, if the client can ask; empty if it cannot or the user did not pick. */
    private static Optional<String> ask(ClientRequests client, String asked, List<String> choices) {
        if (!client.canElicit()) {
            return Optional.empty();
        }
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("product_id", Map.of("type", "string",
                "title", "Product", "enum", choices)), "required", List.of("product_id"));
        McpSchema.ElicitResult answer = client.elicit(McpSchema.ElicitFormRequest.builder(
                choices.size() + " Cisco products match " + asked + ". Which one do you mean?", schema).build());
        if (answer.action() != McpSchema.ElicitResult.Action.ACCEPT || answer.content() == null) {
            return Optional.empty();
        }
        Object picked = answer.content().get("product_id");
        return picked instanceof String s && choices.contains(s) ? Optional.of(s) : Optional.empty();
    }

    private static TypedTool.Answer<Resolved> choicesOnly(String asked, List<String> choices,
            ClientRequests client) {
        boolean couldAsk = client.canElicit();
        return new TypedTool.Answer<>(choices.size() + " Cisco products match " + asked + (couldAsk ? " and none was chosen"
                : "") + "; call product_name_resolver again with one of them: " + String.join(", ", choices) + ".",
                new Resolved(asked, "", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.of(choices), Optional.empty()));
    }
}
