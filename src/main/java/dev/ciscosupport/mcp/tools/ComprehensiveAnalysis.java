package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.analysis.Budget;
import dev.ciscosupport.mcp.analysis.Products;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.product.ProductInfo;
import dev.ciscosupport.mcp.cisco.psirt.PsirtApi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * comprehensive_analysis: one product (and version) seen from every API that is enabled: what it is
 * (Product Information), its bugs (progressive search), the advisories for the version (PSIRT's software
 * checker), its end-of-life dates and Cisco's suggested release. What cannot be done is said.
 */
final class ComprehensiveAnalysis {
    static final int CALL_BUDGET = 40;
    private final ProductNames names;
    private final ProgressiveSearch bugs;
    private final VersionComparison parts;

    ComprehensiveAnalysis(ProductNames names, ProgressiveSearch bugs, VersionComparison parts) {
        this.names = names;
        this.bugs = bugs;
        this.parts = parts;
    }

    /** What matters most to the one asking. */
    enum Focus {
        SECURITY, STABILITY, LIFECYCLE, UPGRADE_PLANNING, INCIDENT_RESPONSE, COMPREHENSIVE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code comprehensive_analysis}' arguments. */
    record Subject(
            @Arg(value = "Base product ID, e.g. C9300-24T (or a product name: bugs only).", required = true, maxLength = 100)
            String productIdentifier,
            @Arg(value = "Software version, e.g. 17.9.4.", maxLength = 40) String softwareVersion,
            @Arg("What matters most.") Focus analysisFocus,
            @Arg("OS, when the product ID does not say.") PsirtApi.OsType osType,
            Boolean includeWebSearchGuidance) {
    }

    /** Everything found about the product, each part only when done (not_done says why not), and what it cost. */
    record Analysis(String productId, String softwareVersion, String analysisFocus, Optional<Map<String, Object>> product,
            List<Map<String, Object>> bugs, List<Map<String, Object>> bugSearches,
            Optional<List<Map<String, Object>>> advisories, Optional<Map<String, Object>> endOfLife,
            Optional<String> suggestedRelease, Optional<Map<String, Object>> notDone, int ciscoCalls, int callBudget) {
    }

    TypedTool.Answer<Analysis> analyze(Subject args, CallContext call) {
        Budget budget = new Budget(call, CALL_BUDGET);
        try {
            return analyzing(args, call, budget);
        } finally {
            budget.end();
        }
    }

    private TypedTool.Answer<Analysis> analyzing(Subject args, CallContext call, Budget budget) {
        String given = args.productIdentifier().strip();
        // A product ID is written in capitals; a name (the TypeScript server's examples use them) is kept as written.
        String pid = Products.isName(given) ? given : given.toUpperCase(Locale.ROOT);
        String version = args.softwareVersion();
        Focus focus = args.analysisFocus() == null ? Focus.COMPREHENSIVE : args.analysisFocus();
        StringBuilder text = new StringBuilder("Analysis of " + pid + (version == null ? "" : " " + version) + " (" + focus + ")\n");
        Map<String, Object> notDone = new LinkedHashMap<>();

        Optional<ProductInfo> info = Optional.empty();
        try {
            info = Products.isName(pid) ? Optional.empty() : names.in(call).info(pid);
        } catch (RuntimeException e) {
            VersionComparison.note(notDone, "product", "the Product Information API answered: " + e.getMessage(), text);
        }
        info.ifPresent(p -> text.append("Product: ").append(p.name()).append(" (").append(p.series()).append(")\n"));

        TypedTool.Answer<ProgressiveSearch.Progress> found = bugs.search(new ProgressiveSearch.Terms(pid, version,
                focus == Focus.LIFECYCLE || focus == Focus.UPGRADE_PLANNING ? ProgressiveSearch.Range.MEDIUM
                        : ProgressiveSearch.Range.HIGH, null), call);
        text.append(found.text()).append('\n');

        VersionComparison parts = this.parts.in(call);
        Optional<List<Map<String, Object>>> advisories = Optional.empty();
        if (version != null) {
            advisories = parts.advisoriesOf(pid, version, args.osType() == null ? null : args.osType().toString(), budget,
                    notDone, text);
        } else {
            VersionComparison.note(notDone, "advisories", "no software_version given, and advisories are per version", text);
        }
        Optional<Map<String, Object>> endOfLife = parts.lifecycle(pid, budget, notDone, text);
        Optional<String> suggested = parts.suggestion(pid, budget, notDone, text);
        if (Boolean.TRUE.equals(args.includeWebSearchGuidance())) {
            text.append("This server does not search the web; Cisco's pages for it: ")
                    .append(info.map(ProductInfo::supportPage).filter(p -> !p.isEmpty()).orElse("https://www.cisco.com/c/en/us/support/"))
                    .append('\n');
        }
        return new TypedTool.Answer<>(text.append("Cisco calls: ").append(budget.used()).append(" (at most ")
                .append(CALL_BUDGET).append(").").toString(), new Analysis(pid, version == null ? "" : version,
                        focus.toString(), info.map(p -> Map.<String, Object>of("name", p.name(), "series", p.series(),
                                "category", p.category())), found.structured().bugs(), found.structured().searchesTried(),
                        advisories, endOfLife, suggested, notDone.isEmpty() ? Optional.empty() : Optional.of(notDone),
                        budget.used(), CALL_BUDGET));
    }
}
