package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.product.ProductInfo;
import java.util.LinkedHashMap;
import java.util.List;
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

    ToolOutput analyze(ToolArguments args) {
        String given = args.required("product_identifier").strip();
        // A product ID is written in capitals; a name (the TypeScript server's examples use them) is kept as written.
        String pid = VersionComparison.isName(given) ? given : given.toUpperCase(java.util.Locale.ROOT);
        String version = args.optional("software_version");
        String focus = args.optional("analysis_focus") == null ? "comprehensive" : args.optional("analysis_focus");
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("product_id", pid);
        structured.put("software_version", version == null ? "" : version);
        structured.put("analysis_focus", focus);
        StringBuilder text = new StringBuilder("Analysis of " + pid + (version == null ? "" : " " + version) + " (" + focus + ")\n");

        Optional<ProductInfo> info = Optional.empty();
        try {
            info = VersionComparison.isName(pid) ? Optional.empty() : names.in(args.call()).info(pid);
        } catch (RuntimeException e) {
            VersionComparison.note(structured, "product", "the Product Information API answered: " + e.getMessage(), text);
        }
        info.ifPresent(p -> {
            structured.put("product", Map.of("name", p.name(), "series", p.series(), "category", p.category()));
            text.append("Product: ").append(p.name()).append(" (").append(p.series()).append(")\n");
        });

        TypedTool.Answer<ProgressiveSearch.Progress> found = bugs.search(new ProgressiveSearch.Terms(pid, version,
                focus.equals("lifecycle") || focus.equals("upgrade_planning") ? ProgressiveSearch.Range.MEDIUM
                        : ProgressiveSearch.Range.HIGH, null), args.call());
        structured.put("bugs", found.structured().bugs());
        structured.put("bug_searches", found.structured().searchesTried());
        text.append(found.text()).append('\n');
        int calls = found.structured().ciscoCalls() + (!VersionComparison.isName(pid) && names.looksUp(pid) ? 1 : 0);

        VersionComparison.Budget budget = new VersionComparison.Budget(CALL_BUDGET - calls);
        if (version != null) {
            parts.advisoriesOf(pid, version, args.optional("os_type"), budget, structured, text);
        } else {
            VersionComparison.note(structured, "advisories", "no software_version given, and advisories are per version", text);
        }
        parts.lifecycle(pid, budget, structured, text);
        parts.suggestion(pid, budget, structured, text);
        if (args.optionalBoolean("include_web_search_guidance", false)) {
            text.append("This server does not search the web; Cisco's pages for it: ")
                    .append(info.map(ProductInfo::supportPage).filter(p -> !p.isEmpty()).orElse("https://www.cisco.com/c/en/us/support/"))
                    .append('\n');
        }
        structured.put("cisco_calls", calls + budget.calls);
        structured.put("call_budget", CALL_BUDGET);
        return new ToolOutput(text.append("Cisco calls: ").append(calls + budget.calls).append(" (at most ")
                .append(CALL_BUDGET).append(").").toString(), structured);
    }

    static List<String> focuses() {
        return List.of("security", "stability", "lifecycle", "upgrade_planning", "incident_response", "comprehensive");
    }
}
