package dev.ciscosupport.mcp.tools;

import static dev.ciscosupport.mcp.tools.Schemas.arrayOf;
import static dev.ciscosupport.mcp.tools.Schemas.listPattern;
import static dev.ciscosupport.mcp.tools.Schemas.object;
import static dev.ciscosupport.mcp.tools.Schemas.strictObject;
import static dev.ciscosupport.mcp.tools.Schemas.string;
import static dev.ciscosupport.mcp.tools.Schemas.type;

import dev.ciscosupport.mcp.cisco.IdFormat;
import dev.ciscosupport.mcp.cisco.bug.Bug;
import dev.ciscosupport.mcp.cisco.bug.BugApi;
import dev.ciscosupport.mcp.cisco.bug.BugDetails;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TypeScript server's sampling tools, sending the client's model the data they fetched from Cisco
 * (that server sent placeholder notes instead of bugs). When the client does not offer sampling they
 * say so plainly and answer with the data itself.
 */
final class SamplingTools {
    static final int MAX_BUGS = 10;
    private final BugApi bugs;
    private final VersionComparison comparison;
    private final ToolContext context;

    SamplingTools(BugApi bugs, VersionComparison comparison, ToolContext context) {
        this.bugs = bugs;
        this.comparison = comparison;
        this.context = context;
    }

    List<SyncToolSpecification> specifications() {
        Map<String, Object> summarizeInput = new LinkedHashMap<>();
        summarizeInput.put("bug_ids", string("Comma-separated bug IDs, up to " + MAX_BUGS + ", e.g. CSCvx43106,CSCwf47405.",
                listPattern(IdFormat.BUG_ID.regex()), MAX_BUGS * 12));
        summarizeInput.put("search_context", string("What the summary is for, e.g. 'upgrade of the campus core to 17.9'.",
                "^[^\\u0000-\\u001f]{1,300}$", 300));
        Map<String, Object> riskInput = new LinkedHashMap<>();
        riskInput.put("product_id", string("Base product ID, e.g. C9300-24T.", "^" + IdFormat.PRODUCT_ID.regex() + "$",
                IdFormat.PRODUCT_ID.maxLength()));
        riskInput.put("current_version", string("The version running now, e.g. 17.6.5.", "^" + IdFormat.RELEASE.regex() + "$", 40));
        riskInput.put("target_version", string("The version to upgrade to, e.g. 17.9.4.", "^" + IdFormat.RELEASE.regex() + "$", 40));
        Map<String, Object> output = object(Schemas.properties(Schemas.source(), Schemas.cache(),
                Map.entry("sampled", type("boolean")), Map.entry("model", type("string")),
                Map.entry("data", type("object"))), List.of("source", "sampled", "data"));
        return List.of(
                ToolHandlers.readOnlyWithClient("summarize_bugs_with_ai", "Summarize Bugs with the Client's Model",
                        "Fetches the bugs and asks the client's model (sampling) to summarize them; without sampling, the"
                                + " bugs.",
                        strictObject(summarizeInput, List.of("bug_ids", "search_context")), output, context,
                        exchange -> args -> summarize(exchange, args)),
                ToolHandlers.readOnlyWithClient("analyze_upgrade_risk_with_ai", "Analyze Upgrade Risk with the Client's Model",
                        "Runs compare_software_versions and asks the client's model (sampling) to judge the upgrade;"
                                + " without sampling, the comparison.",
                        strictObject(riskInput, List.of("product_id", "current_version", "target_version")), output, context,
                        exchange -> args -> upgradeRisk(exchange, args)),
                ToolHandlers.readOnlyWithClient("resolve_product_name", "Resolve a Product Name with the Client's Model",
                        "Asks the client's model (sampling) for the product ID a description means, checked with Cisco.",
                        strictObject(Map.of("product_description", Schemas.text("What the product is called, e.g. 'the 24-port"
                                + " Catalyst 9300 with data features'.", 1000)), List.of("product_description")), output, context,
                        exchange -> args -> resolveName(exchange, args)),
                ToolHandlers.readOnlyWithClient("categorize_bug", "Categorize a Bug with the Client's Model",
                        "Asks the client's model (MCP sampling) to rate a bug description: severity 1-6, impact and category,"
                                + " as JSON.",
                        strictObject(Map.of("bug_description", Schemas.text("The bug's symptom and conditions.", 1000)),
                                List.of("bug_description")), output, context,
                        exchange -> args -> categorize(exchange, args)),
                ToolHandlers.readOnlyWithClient("extract_product_query", "Extract a Search from a Question with the Client's Model",
                        "Asks the client's model (sampling) for the product, version and keywords in a question, with"
                                + " smart_search_strategy's plan.",
                        strictObject(Map.of("natural_query", Schemas.text("The question in plain words.", 1000)),
                                List.of("natural_query")),
                        output, context, exchange -> args -> extract(exchange, args)));
    }

    private ToolOutput resolveName(McpSyncServerExchange exchange, ToolArguments args) {
        String description = args.required("product_description");
        if (!canSample(exchange)) {
            return noSampling("resolve_product_name", Map.of("product_description", description),
                    "Use product_name_resolver with the start of the product ID instead.");
        }
        McpSchema.CreateMessageResult answer = sample(exchange, "Answer with one Cisco product ID (such as C9300-24T) and"
                + " nothing else, or UNKNOWN.", description, 50);
        String said = said(answer).strip().split("\\s+")[0].toUpperCase(java.util.Locale.ROOT);
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("sampled", true);
        structured.put("model", answer.model() == null ? "" : answer.model());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("product_id", said);
        structured.put("data", data);
        return new ToolOutput("The client's model reads \"" + description + "\" as " + said + ". Check it with"
                + " product_name_resolver or get_product_info_by_product_ids before relying on it.", structured);
    }

    private ToolOutput categorize(McpSyncServerExchange exchange, ToolArguments args) {
        String description = args.required("bug_description");
        if (!canSample(exchange)) {
            return noSampling("categorize_bug", Map.of("bug_description", description), "Rate it in the conversation instead.");
        }
        McpSchema.CreateMessageResult answer = sample(exchange, "Rate this Cisco bug. Answer only with JSON:"
                + " {\"severity\": 1-6 (1 catastrophic), \"impact\": \"...\", \"category\": \"crash|memory|performance|security|"
                + "functionality|other\"}.", description, 200);
        Map<String, Object> data = new LinkedHashMap<>();
        String said = said(answer);
        try {
            tools.jackson.databind.JsonNode json = dev.ciscosupport.mcp.json.Json.MAPPER.readTree(
                    said.substring(said.indexOf('{'), said.lastIndexOf('}') + 1));
            data.put("severity", json.path("severity").asInt(0));
            data.put("impact", json.path("impact").asString(""));
            data.put("category", json.path("category").asString(""));
        } catch (RuntimeException e) {
            data.put("unparsed_answer", said);
        }
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("sampled", true);
        structured.put("model", answer.model() == null ? "" : answer.model());
        structured.put("data", data);
        return new ToolOutput(data.containsKey("unparsed_answer") ? "The client's model did not answer in JSON: " + said
                : "The client's model rates it severity " + data.get("severity") + ", " + data.get("category") + ": "
                        + data.get("impact"), structured);
    }

    private ToolOutput extract(McpSyncServerExchange exchange, ToolArguments args) {
        String query = args.required("natural_query");
        ToolOutput plan = SearchPlanner.plan(args.with(Map.of("query_description", query)));
        if (!canSample(exchange)) {
            Map<String, Object> structured = new LinkedHashMap<>();
            structured.put("sampled", false);
            structured.put("data", plan.structured());
            return new ToolOutput("This client does not offer MCP sampling; here is the plan read from the question's IDs"
                    + " instead.\n" + plan.text(), structured);
        }
        McpSchema.CreateMessageResult answer = sample(exchange, "Extract from the question, as JSON only: {\"productId\","
                + " \"productSeries\", \"version\", \"severity\", \"status\", \"keywords\"} (empty strings when absent).",
                query, 300);
        Map<String, Object> data = new LinkedHashMap<>(plan.structured());
        data.put("model_extraction", said(answer));
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("sampled", true);
        structured.put("model", answer.model() == null ? "" : answer.model());
        structured.put("data", data);
        return new ToolOutput("The client's model extracted: " + said(answer) + "\n" + plan.text(), structured);
    }

    private static boolean canSample(McpSyncServerExchange exchange) {
        return exchange.getClientCapabilities() != null && exchange.getClientCapabilities().sampling() != null;
    }

    private static McpSchema.CreateMessageResult sample(McpSyncServerExchange exchange, String system, String prompt,
            int maxTokens) {
        return exchange.createMessage(McpSchema.CreateMessageRequest.builder(List.of(new McpSchema.SamplingMessage(
                McpSchema.Role.USER, McpSchema.TextContent.builder(prompt).build())), maxTokens)
                .systemPrompt(system).temperature(0.1).build());
    }

    private static String said(McpSchema.CreateMessageResult answer) {
        return answer.content() instanceof McpSchema.TextContent t ? t.text() : "";
    }

    private static ToolOutput noSampling(String tool, Map<String, Object> asked, String instead) {
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("sampled", false);
        structured.put("data", asked);
        return new ToolOutput("This client does not offer MCP sampling, so " + tool + " cannot ask its model. " + instead,
                structured);
    }

    private ToolOutput summarize(McpSyncServerExchange exchange, ToolArguments args) {
        List<String> ids = args.requiredList("bug_ids");
        if (ids.size() > MAX_BUGS) {
            throw new dev.ciscosupport.mcp.cisco.call.CiscoException.InvalidInput("bug_ids: at most " + MAX_BUGS
                    + " bugs per summary (got " + ids.size() + ").");
        }
        BugDetails found = bugs.in(args.call()).details("bug_ids", ids);
        StringBuilder data = new StringBuilder();
        for (Bug bug : found.bugs()) {
            data.append(bug.bugId()).append(" | severity ").append(bug.severity()).append(" | status ").append(bug.status())
                    .append(" | ").append(bug.headline()).append("\n  affected: ").append(String.join(" ", bug.affectedReleases()))
                    .append(" | fixed in: ").append(String.join(" ", bug.fixedReleases())).append("\n  ")
                    .append(clip(bug.description(), 800).replace("\n", "\n  ")).append('\n');
        }
        Map<String, Object> fetched = new LinkedHashMap<>();
        fetched.put("bug_ids", found.bugs().stream().map(Bug::bugId).toList());
        fetched.put("not_found", found.notFound());
        String context = args.required("search_context");
        return ask(exchange, "You summarize Cisco bugs for a network engineer: what each breaks, who is affected, the"
                + " workaround and the fixed release; then the overall risk. Use only the data given.",
                "Context: " + context + "\n\nCisco's records of the bugs:\n" + data, fetched,
                "Bugs fetched from Cisco (" + found.bugs().size() + ")" + (found.notFound().isEmpty() ? ""
                        : "; not found: " + String.join(", ", found.notFound())) + ":\n" + data);
    }

    private ToolOutput upgradeRisk(McpSyncServerExchange exchange, ToolArguments args) {
        Map<String, Object> compareArgs = new LinkedHashMap<>();
        compareArgs.put("product_id", args.required("product_id"));
        compareArgs.put("version_a", args.required("current_version"));
        compareArgs.put("version_b", args.required("target_version"));
        ToolOutput compared = comparison.compare(args.with(compareArgs));
        return ask(exchange, "You assess the risk of a Cisco software upgrade for a network engineer from the comparison"
                + " given (bugs only in each version, security advisories, end-of-life dates, Cisco's suggested release)."
                + " Say what improves, what is new risk, and recommend: upgrade, wait, or choose another release.",
                compared.text(), compared.structured(), compared.text());
    }

    /** Asks the client's model, or says plainly that the client cannot be asked and answers with the data. */
    private static ToolOutput ask(McpSyncServerExchange exchange, String system, String prompt, Map<String, Object> data,
            String fallback) {
        Map<String, Object> structured = new LinkedHashMap<>();
        if (!canSample(exchange)) {
            structured.put("sampled", false);
            structured.put("data", data);
            return new ToolOutput("This client does not offer MCP sampling, so its model cannot be asked from here. The data"
                    + " fetched from Cisco follows; summarize it in the conversation instead.\n" + fallback, structured);
        }
        McpSchema.CreateMessageResult answer = sample(exchange, system, prompt, 800);
        String said = said(answer);
        structured.put("sampled", true);
        structured.put("model", answer.model() == null ? "" : answer.model());
        structured.put("data", data);
        return new ToolOutput("Analysis by the client's model" + (answer.model() == null ? "" : " (" + answer.model() + ")")
                + ", from the Cisco data below it:\n" + said + "\n\n" + fallback, structured);
    }

    private static String clip(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.length() > max ? t.substring(0, max) + "..." : t;
    }
}
