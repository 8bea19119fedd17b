package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.bug.Bug;
import dev.ciscosupport.mcp.cisco.bug.BugApi;
import dev.ciscosupport.mcp.cisco.bug.BugDetails;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** {@code summarize_bugs_with_ai}'s arguments. */
    record Summarize(
            @Arg(value = "Comma-separated bug IDs, up to " + MAX_BUGS + ", e.g. CSCvx43106,CSCwf47405.", required = true)
            String bugIds,
            @Arg(value = "What the summary is for, e.g. 'upgrade of the campus core to 17.9'.", required = true,
                    pattern = "^[^\\u0000-\\u001f]{1,300}$", maxLength = 300) String searchContext) {
    }

    /** {@code analyze_upgrade_risk_with_ai}'s arguments. */
    record UpgradeRisk(
            @Arg(value = "Base product ID, e.g. C9300-24T.", required = true, maxLength = 50) String productId,
            @Arg(value = "The version running now, e.g. 17.6.5.", required = true, maxLength = 40) String currentVersion,
            @Arg(value = "The version to upgrade to, e.g. 17.9.4.", required = true, maxLength = 40) String targetVersion) {
    }

    /** {@code resolve_product_name}'s arguments. */
    record ProductDescription(
            @Arg(value = "What the product is called, e.g. 'the 24-port Catalyst 9300 with data features'.", required = true,
                    maxLength = 1000) String productDescription) {
    }

    /** {@code categorize_bug}'s arguments. */
    record BugDescription(
            @Arg(value = "The bug's symptom and conditions.", required = true, maxLength = 1000) String bugDescription) {
    }

    /** {@code extract_product_query}'s arguments. */
    record NaturalQuery(
            @Arg(value = "The question in plain words.", required = true, maxLength = 1000) String naturalQuery) {
    }

    /** What every sampling tool answers: whether the client's model was asked, which model, and the data it was given. */
    record Sampled(boolean sampled, Optional<String> model, Map<String, Object> data) {
    }

    List<ToolDefinition> definitions() {
        return List.of(
                TypedTool.readOnlyWithClient("summarize_bugs_with_ai", "Summarize Bugs with the Client's Model",
                        "Fetches the bugs and asks the client's model (sampling) to summarize them; without sampling, the"
                                + " bugs.", Summarize.class, Sampled.class, context, this::summarize),
                TypedTool.readOnlyWithClient("analyze_upgrade_risk_with_ai", "Analyze Upgrade Risk with the Client's Model",
                        "Runs compare_software_versions and asks the client's model (sampling) to judge the upgrade;"
                                + " without sampling, the comparison.", UpgradeRisk.class, Sampled.class, context,
                        this::upgradeRisk),
                TypedTool.readOnlyWithClient("resolve_product_name", "Resolve a Product Name with the Client's Model",
                        "Asks the client's model (sampling) for the product ID a description means, checked with Cisco.",
                        ProductDescription.class, Sampled.class, context, (args, call, client) -> resolveName(client, args)),
                TypedTool.readOnlyWithClient("categorize_bug", "Categorize a Bug with the Client's Model",
                        "Asks the client's model (MCP sampling) to rate a bug description: severity 1-6, impact and category,"
                                + " as JSON.", BugDescription.class, Sampled.class, context,
                        (args, call, client) -> categorize(client, args)),
                TypedTool.readOnlyWithClient("extract_product_query", "Extract a Search from a Question with the Client's Model",
                        "Asks the client's model (sampling) for the product, version and keywords in a question, with"
                                + " smart_search_strategy's plan.", NaturalQuery.class, Sampled.class, context,
                        this::extract));
    }

    private static TypedTool.Answer<Sampled> resolveName(ClientRequests client, ProductDescription args) {
        String description = args.productDescription();
        if (!client.canSample()) {
            return noSampling("resolve_product_name", Map.of("product_description", description),
                    "Use product_name_resolver with the start of the product ID instead.");
        }
        McpSchema.CreateMessageResult answer = sample(client, "Answer with one Cisco product ID (such as C9300-24T) and"
                + " nothing else, or UNKNOWN.", description, 50);
        String said = said(answer).strip().split("\\s+")[0].toUpperCase(java.util.Locale.ROOT);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("product_id", said);
        return new TypedTool.Answer<>("The client's model reads \"" + description + "\" as " + said + ". Check it with"
                + " product_name_resolver or get_product_info_by_product_ids before relying on it.", sampled(answer, data));
    }

    private static TypedTool.Answer<Sampled> categorize(ClientRequests client, BugDescription args) {
        String description = args.bugDescription();
        if (!client.canSample()) {
            return noSampling("categorize_bug", Map.of("bug_description", description), "Rate it in the conversation instead.");
        }
        McpSchema.CreateMessageResult answer = sample(client, "Rate this Cisco bug. Answer only with JSON:"
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
        return new TypedTool.Answer<>(data.containsKey("unparsed_answer") ? "The client's model did not answer in JSON: "
                + said : "The client's model rates it severity " + data.get("severity") + ", " + data.get("category") + ": "
                        + data.get("impact"), sampled(answer, data));
    }

    private TypedTool.Answer<Sampled> extract(NaturalQuery args, CallContext call, ClientRequests client) {
        String query = args.naturalQuery();
        TypedTool.Answer<SearchPlanner.Plan> plan = SearchPlanner.plan(new SearchPlanner.Question(query, null));
        Map<String, Object> planned = RecordArguments.structured(plan.structured());
        if (!client.canSample()) {
            return new TypedTool.Answer<>("This client does not offer MCP sampling; here is the plan read from the question's"
                    + " IDs instead.\n" + plan.text(), new Sampled(false, Optional.empty(), planned));
        }
        McpSchema.CreateMessageResult answer = sample(client, "Extract from the question, as JSON only: {\"productId\","
                + " \"productSeries\", \"version\", \"severity\", \"status\", \"keywords\"} (empty strings when absent).",
                query, 300);
        Map<String, Object> data = new LinkedHashMap<>(planned);
        data.put("model_extraction", said(answer));
        return new TypedTool.Answer<>("The client's model extracted: " + said(answer) + "\n" + plan.text(),
                sampled(answer, data));
    }

    private static McpSchema.CreateMessageResult sample(ClientRequests client, String system, String prompt,
            int maxTokens) {
        return client.createMessage(McpSchema.CreateMessageRequest.builder(List.of(new McpSchema.SamplingMessage(
                McpSchema.Role.USER, McpSchema.TextContent.builder(prompt).build())), maxTokens)
                .systemPrompt(system).temperature(0.1).build());
    }

    private static String said(McpSchema.CreateMessageResult answer) {
        return answer.content() instanceof McpSchema.TextContent t ? t.text() : "";
    }

    private static TypedTool.Answer<Sampled> noSampling(String tool, Map<String, Object> asked, String instead) {
        return new TypedTool.Answer<>("This client does not offer MCP sampling, so " + tool + " cannot ask its model. "
                + instead, new Sampled(false, Optional.empty(), asked));
    }

    /** The client's model answered, given {@code data}. */
    private static Sampled sampled(McpSchema.CreateMessageResult answer, Map<String, Object> data) {
        return new Sampled(true, Optional.of(answer.model() == null ? "" : answer.model()), data);
    }

    private TypedTool.Answer<Sampled> summarize(Summarize args, CallContext call, ClientRequests client) {
        List<String> ids = RecordArguments.items(args.bugIds());
        if (ids.size() > MAX_BUGS) {
            throw new dev.ciscosupport.mcp.cisco.call.CiscoException.InvalidInput("bug_ids: at most " + MAX_BUGS
                    + " bugs per summary (got " + ids.size() + ").");
        }
        BugDetails found = bugs.in(call).details(ids);
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
        String context = args.searchContext();
        return ask(client, "You summarize Cisco bugs for a network engineer: what each breaks, who is affected, the"
                + " workaround and the fixed release; then the overall risk. Use only the data given.",
                "Context: " + context + "\n\nCisco's records of the bugs:\n" + data, fetched,
                "Bugs fetched from Cisco (" + found.bugs().size() + ")" + (found.notFound().isEmpty() ? ""
                        : "; not found: " + String.join(", ", found.notFound())) + ":\n" + data);
    }

    private TypedTool.Answer<Sampled> upgradeRisk(UpgradeRisk args, CallContext call, ClientRequests client) {
        TypedTool.Answer<VersionComparison.Comparison> compared = comparison.compare(new VersionComparison.Versions(
                args.productId(), args.currentVersion(), args.targetVersion()), call);
        return ask(client, "You assess the risk of a Cisco software upgrade for a network engineer from the comparison"
                + " given (bugs only in each version, security advisories, end-of-life dates, Cisco's suggested release)."
                + " Say what improves, what is new risk, and recommend: upgrade, wait, or choose another release.",
                compared.text(), RecordArguments.structured(compared.structured()), compared.text());
    }

    /** Asks the client's model, or says plainly that the client cannot be asked and answers with the data. */
    private static TypedTool.Answer<Sampled> ask(ClientRequests client, String system, String prompt,
            Map<String, Object> data, String fallback) {
        if (!client.canSample()) {
            return new TypedTool.Answer<>("This client does not offer MCP sampling, so its model cannot be asked from here."
                    + " The data fetched from Cisco follows; summarize it in the conversation instead.\n" + fallback,
                    new Sampled(false, Optional.empty(), data));
        }
        McpSchema.CreateMessageResult answer = sample(client, system, prompt, 800);
        return new TypedTool.Answer<>("Analysis by the client's model" + (answer.model() == null ? "" : " ("
                + answer.model() + ")") + ", from the Cisco data below it:\n" + said(answer) + "\n\n" + fallback,
                sampled(answer, data));
    }

    private static String clip(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.length() > max ? t.substring(0, max) + "..." : t;
    }
}
