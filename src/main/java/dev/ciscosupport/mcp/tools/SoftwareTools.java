package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.IdFormat;
import dev.ciscosupport.mcp.cisco.software.SoftwareApi.Kind;
import dev.ciscosupport.mcp.cisco.software.SoftwareApi;
import dev.ciscosupport.mcp.cisco.software.SoftwareProduct;
import dev.ciscosupport.mcp.format.PageFormat;
import dev.ciscosupport.mcp.format.SoftwareFormat;
import java.util.List;
import java.util.Map;

/** The six Software Suggestion tools, with the TypeScript server's names and parameters; 10 IDs per Cisco call. */
final class SoftwareTools {
    private final SoftwareApi api;
    private final ToolContext context;

    SoftwareTools(SoftwareApi api, ToolContext context) {
        this.api = api;
        this.context = context;
    }

    /** The arguments of the list questions by product ID. */
    record ProductIds(
            @Arg(value = "Comma-separated base product IDs, e.g. C9300-24T; up to " + SoftwareApi.MAX_IDS + ".",
                    required = true) String productIds,
            @Arg(minimum = 1, maximum = 10_000) Integer pageIndex) implements IdList {
        @Override
        public String list() {
            return productIds;
        }
    }

    /** The arguments of the list questions by MDF ID. */
    record MdfIds(
            @Arg(value = "Comma-separated MDF IDs, e.g. 286310000; up to " + SoftwareApi.MAX_IDS + ".", required = true,
                    orWholeNumber = true) String mdfIds,
            @Arg(minimum = 1, maximum = 10_000) Integer pageIndex) implements IdList {
        @Override
        public String list() {
            return mdfIds;
        }
    }

    /** What the compatibility questions take besides the product. */
    interface Running extends Paged {
        /** The one product ID or MDF ID. */
        String id();

        String currentImage();

        String currentRelease();
    }

    /** {@code get_compatible_software_by_product_id}'s arguments. */
    record CompatibleByProductId(
            @Arg(value = "One base product ID, e.g. C9300-24T.", required = true, maxLength = 50) String productId,
            @Arg(value = IMAGE, maxLength = 59) String currentImage,
            @Arg(value = RELEASE, maxLength = 15) String currentRelease,
            @Arg(minimum = 1, maximum = 10_000) Integer pageIndex) implements Running {
        @Override
        public String id() {
            return productId;
        }
    }

    /** {@code get_compatible_software_by_mdf_id}'s arguments. */
    record CompatibleByMdfId(
            @Arg(value = "One MDF ID, e.g. 286310000.", required = true, orWholeNumber = true, maxLength = 15,
                    pattern = "^" + IdFormat.DIGITS + "$") String mdfId,
            @Arg(value = IMAGE, maxLength = 59) String currentImage,
            @Arg(value = RELEASE, maxLength = 15) String currentRelease,
            @Arg(minimum = 1, maximum = 10_000) Integer pageIndex) implements Running {
        @Override
        public String id() {
            return mdfId;
        }
    }

    /** What every Software Suggestion tool answers. */
    record Suggestions(Map<String, Object> page, int ciscoCalls, List<Map<String, Object>> products) {
    }

    private static final String IMAGE = "The image running now.";
    private static final String RELEASE = "The release running now, e.g. 17.6.4: only newer ones are listed.";

    List<ToolDefinition> definitions() {
        return List.of(
                list("get_software_suggestions_by_product_ids", "Get Software Suggestions by Product IDs", Kind.SOFTWARE,
                        ProductIds.class, "Cisco's suggested (recommended) software releases, with image files, for"
                                + " product IDs."),
                list("get_software_releases_by_product_ids", "Get Software Releases by Product IDs", Kind.RELEASES,
                        ProductIds.class, "Cisco's suggested software releases for product IDs, without image details."),
                compatible("get_compatible_software_by_product_id", "Get Compatible Software by Product ID",
                        CompatibleByProductId.class),
                list("get_software_suggestions_by_mdf_ids", "Get Software Suggestions by MDF IDs", Kind.SOFTWARE,
                        MdfIds.class, "Cisco's suggested software releases, with image files, for MDF IDs (numeric product"
                                + " identifiers)."),
                list("get_software_releases_by_mdf_ids", "Get Software Releases by MDF IDs", Kind.RELEASES, MdfIds.class,
                        "Cisco's suggested software releases for MDF IDs, without image details."),
                compatible("get_compatible_software_by_mdf_id", "Get Compatible Software by MDF ID", CompatibleByMdfId.class));
    }

    private <A extends Record & IdList> ToolDefinition list(String name, String title, Kind kind, Class<A> arguments,
            String description) {
        boolean byMdf = arguments == MdfIds.class;
        return TypedTool.readOnly(name, title, description, arguments, Suggestions.class, context, (args, call) -> output(
                name, title, api.in(call).suggestions(kind, byMdf, RecordArguments.items(args.list()), args.page())));
    }

    private <A extends Record & Running> ToolDefinition compatible(String name, String title, Class<A> arguments) {
        boolean byMdf = arguments == CompatibleByMdfId.class;
        return TypedTool.readOnly(name, title, "Software releases Cisco lists as compatible upgrades for a product, newer"
                + " than current_release when given.", arguments, Suggestions.class, context, (args, call) -> output(name,
                        title, api.in(call).compatible(byMdf, args.id(),
                                args.currentImage(), args.currentRelease(), args.page())));
    }

    private static TypedTool.Answer<Suggestions> output(String name, String title, SoftwareApi.Answers answers) {
        List<SoftwareProduct> products = answers.products();
        StringBuilder text = new StringBuilder(PageFormat.counted(title, products.stream().filter(SoftwareProduct::found)
                .count(), products.size(), "answered", answers.page()));
        products.forEach(p -> text.append("\n").append(SoftwareFormat.block(p)));
        text.append(PageFormat.more(name, answers.page()));
        return new TypedTool.Answer<>(text.toString(), new Suggestions(PageFormat.structured(answers.page()),
                answers.ciscoCalls(), products.stream().map(SoftwareFormat::structured).toList()));
    }
}
