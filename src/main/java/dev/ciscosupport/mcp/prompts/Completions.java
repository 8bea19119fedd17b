package dev.ciscosupport.mcp.prompts;

import dev.ciscosupport.mcp.session.SeenValues.Kind;
import dev.ciscosupport.mcp.session.SeenValues;
import dev.ciscosupport.mcp.tools.ToolDefinition;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.modern.server.feature.McpSyncCompletionHandler;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code completion/complete} for every prompt argument and template variable: fixed choices
 * (severities, statuses, EoX searches, contexts) and the IDs the session has already seen in answers
 * (product IDs, releases, serial numbers, bug IDs, advisories, CVEs).
 */
public final class Completions {
    static final int MAX = 100;
    private static final Map<String, List<String>> CHOICES = Map.ofEntries(
            Map.entry("severity", CiscoPrompts.SEVERITIES),
            Map.entry("max_severity", CiscoPrompts.SEVERITIES),
            Map.entry("status", List.of("O", "F", "T", "C")),
            Map.entry("product_focus", CiscoPrompts.EOX_FOCUS),
            Map.entry("search_context", CiscoPrompts.SEARCH_CONTEXTS),
            Map.entry("security_focus", CiscoPrompts.SECURITY_FOCUS),
            Map.entry("include_web_guidance", CiscoPrompts.BOOLEANS),
            Map.entry("use_elicitation", CiscoPrompts.BOOLEANS));
    private static final Map<String, Kind> SEEN = Map.ofEntries(
            Map.entry("product", Kind.PRODUCT_ID), Map.entry("product_keyword", Kind.PRODUCT_ID),
            Map.entry("product_ids", Kind.PRODUCT_ID), Map.entry("product_id", Kind.PRODUCT_ID),
            Map.entry("version", Kind.RELEASE), Map.entry("software_version", Kind.RELEASE),
            Map.entry("current_version", Kind.RELEASE), Map.entry("target_version", Kind.RELEASE),
            Map.entry("serial_number", Kind.SERIAL), Map.entry("serial_numbers", Kind.SERIAL), Map.entry("serial", Kind.SERIAL),
            Map.entry("bug_id", Kind.BUG_ID), Map.entry("advisory_id", Kind.ADVISORY_ID), Map.entry("cve_id", Kind.CVE));

    private Completions() {
    }

    /** One completion handler per prompt and per template. */
    public static List<SyncCompletionSpecification> forAll(List<String> promptNames, List<String> uriTemplates,
            SeenValues seen) {
        List<SyncCompletionSpecification> all = new ArrayList<>();
        promptNames.forEach(name -> all.add(new SyncCompletionSpecification(new McpSchema.PromptReference(name),
                (exchange, request) -> complete(seen, exchange.sessionId(), request))));
        uriTemplates.forEach(uri -> all.add(new SyncCompletionSpecification(new McpSchema.ResourceReference(uri),
                (exchange, request) -> complete(seen, exchange.sessionId(), request))));
        return all;
    }

    /**
     * The same completions for the 2026-07-28 server, which has no sessions: what the caller has seen (in any session
     * of theirs, or in stateless calls) is what is offered.
     */
    public static McpSyncCompletionHandler modern(SeenValues seen, McpJsonMapper mapper) {
        return (context, request) -> mapper.convertValue(complete(seen, ToolDefinition.caller(context.transportContext(),
                null), mapper.convertValue(request, McpSchema.CompleteRequest.class)),
                io.modelcontextprotocol.modern.McpSchema.CompleteResult.class);
    }

    static McpSchema.CompleteResult complete(SeenValues seen, String session, McpSchema.CompleteRequest request) {
        String name = request.argument().name();
        String prefix = request.argument().value() == null ? "" : request.argument().value();
        List<String> values;
        if (CHOICES.containsKey(name)) {
            String wanted = prefix.toLowerCase(Locale.ROOT);
            values = CHOICES.get(name).stream().filter(v -> v.toLowerCase(Locale.ROOT).startsWith(wanted)).toList();
        } else if (SEEN.containsKey(name)) {
            values = seen.matching(session, SEEN.get(name), lastItem(prefix));
        } else {
            values = List.of();
        }
        List<String> shown = values.size() > MAX ? values.subList(0, MAX) : values;
        return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(shown, values.size(),
                values.size() > MAX));
    }

    /** For comma lists ("C9300-24T,C93"), the item being typed. */
    private static String lastItem(String prefix) {
        int comma = prefix.lastIndexOf(',');
        return (comma < 0 ? prefix : prefix.substring(comma + 1)).strip();
    }
}
