package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The TypeScript SDK v2 client, which speaks both protocol revisions, against the jar speaking both
 * ({@code MCP_PROTOCOL_REVISIONS=both}) over HTTP and stdio. In "legacy" mode it opens with initialize and gets a
 * 2025-11-25 session; in "auto" mode it asks server/discover first and, finding 2026-07-28, stays stateless; pinned to
 * 2026-07-28 it insists on that. Every way, a tool of every Cisco API answers, a multi-call tool reports progress, and
 * the tools that ask the client's model (sampling) and its user (elicitation) get their answers: by requests to the
 * client in a 2025-11-25 session, by input-required results and a second call on 2026-07-28.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoEraClientIT {
    private static final String TOKEN = "it-token-two-eras-0123456789abcdef";
    /** One tool of each Cisco API, with arguments the sandbox answers. */
    private static final Map<String, Map<String, Object>> ONE_TOOL_PER_API = Map.of(
            "search_bugs_by_keyword", Map.of("keyword", "BGP"),
            "get_latest_security_advisories", Map.of("number", 2),
            "get_eox_by_product_id", Map.of("product_ids", "WS-C2960X*"),
            "get_coverage_status_by_serial", Map.of("serial_numbers", "FOC0000A000"),
            "get_product_info_by_product_ids", Map.of("product_ids", "C9300-24T"),
            "get_software_releases_by_product_ids", Map.of("product_ids", "C9300-24T"),
            "search_cases_by_user", Map.of("user_ids", "jdoe"),
            "get_rmas_by_user", Map.of("user_id", "jdoe", "from_date", "2020-01-01"));
    /** The tools that ask the client's model or user while they work. */
    private static final Set<String> ASKING_THE_CLIENT = Set.of("product_name_resolver", "summarize_bugs_with_ai",
            "analyze_upgrade_risk_with_ai", "resolve_product_name", "categorize_bug", "extract_product_query");
    private final CiscoSandbox cisco = new CiscoSandbox();
    private HttpServerProcess server;

    @BeforeAll
    void start() throws Exception {
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("SUPPORT_API", "all");
        env.put("MCP_BEARER_TOKEN", TOKEN);
        env.put("MCP_PROTOCOL_REVISIONS", "both");
        server = new HttpServerProcess(env);
    }

    @AfterAll
    void stop() {
        server.close();
        cisco.close();
    }

    @ParameterizedTest(name = "{0} over {1}")
    // "legacy" over stdio is the plain 2025 handshake the v1 client's tests make at length.
    @CsvSource({"legacy, http, 2025-11-25", "auto, http, 2026-07-28", "2026-07-28, http, 2026-07-28",
            "auto, stdio, 2026-07-28", "2026-07-28, stdio, 2026-07-28"})
    void theClientGetsTheRevisionItAsksForAndEveryApiAnswers(String mode, String transport, String revision) {
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("SUPPORT_API", "all");
        env.put("MCP_PROTOCOL_REVISIONS", "both");
        Scenario scenario = (transport.equals("http") ? Scenario.http(server.url(), TOKEN) : Scenario.stdio(env))
                .negotiating(mode).withSampling().withElicitationPickingTheFirstChoice().listTools();
        ONE_TOOL_PER_API.forEach(scenario::call);
        scenario.callWithProgress("multi_severity_search", Map.of("search_term", "crash", "search_type", "keyword",
                "max_severity", 3));
        String bug = cisco.server.bugHeadlines().keySet().iterator().next();
        scenario.call("summarize_bugs_with_ai", Map.of("bug_ids", bug, "search_context", "an upgrade"));
        scenario.call("product_name_resolver", Map.of("product_id", "C9300-"));
        scenario.samplingRequests().elicitations();
        // A resource reads through its tool; a template variable completes with the bug the summary was given.
        scenario.readResource("cisco://bugs/" + bug).complete("ref/resource", "cisco://bugs/{bug_id}", "bug_id",
                bug.substring(0, 5));
        JsonNode report = scenario.report();

        assertThat(report.path("protocolVersion").asString()).isEqualTo(revision);
        assertThat(report.path("era").asString()).isEqualTo(revision.equals("2025-11-25") ? "legacy" : "modern");
        JsonNode results = report.path("results");
        Set<String> listed = new TreeSet<>();
        results.path(0).path("value").path("tools").forEach(tool -> listed.add(tool.path("name").asString()));
        assertThat(listed).hasSizeGreaterThanOrEqualTo(54).containsAll(ONE_TOOL_PER_API.keySet()).containsAll(ASKING_THE_CLIENT);
        for (int i = 1; i <= ONE_TOOL_PER_API.size(); i++) {
            JsonNode result = results.path(i);
            assertThat(result.path("ok").asBoolean()).as("%s", result).isTrue();
            assertThat(result.path("value").path("isError").asBoolean()).as("%s", result).isFalse();
            assertThat(result.path("value").path("structuredContent").path("source").asString()).isEqualTo("cisco");
        }
        JsonNode progressed = results.path(1 + ONE_TOOL_PER_API.size()).path("value");
        assertThat(progressed.path("isError").asBoolean()).as("%s", progressed).isFalse();
        List<Double> progress = new ArrayList<>();
        progressed.path("progress").forEach(p -> progress.add(p.path("progress").asDouble()));
        // The v2 client (2.4.0) runs notification handlers a microtask late but a response at once, and forgets the
        // call's progress handler with it: over stdio the last notification, read in the same chunk as the result, is
        // then dropped ("unknown token"). StdioTransportIT shows the order on the wire; here HTTP must show all.
        assertThat(progress).as("one notification per Cisco answer, in order: %s", progressed)
                .hasSizeGreaterThanOrEqualTo(transport.equals("http") ? 3 : 1).isSorted()
                .isEqualTo(List.of(1.0, 2.0, 3.0).subList(0, progress.size()));

        int next = 2 + ONE_TOOL_PER_API.size();
        JsonNode summary = results.path(next).path("value");
        JsonNode asked = results.path(next + 2).path("value").path("requests");
        assertThat(asked.size()).as("the model was asked once").isEqualTo(1);
        String sent = asked.path(0).path("messages").path(0).path("content").path("text").asString();
        assertThat(sent).as("with Cisco's record of the bug").contains(bug).contains(cisco.server.bugHeadlines().get(bug));
        assertThat(summary.path("structuredContent").path("sampled").asBoolean()).as("%s", summary).isTrue();
        assertThat(summary.path("content").path(0).path("text").asString()).contains("TEST MODEL read " + sent.length());

        JsonNode resolved = results.path(next + 1).path("value").path("structuredContent");
        JsonNode form = results.path(next + 3).path("value").path("requests");
        assertThat(form.size()).as("the user was asked once").isEqualTo(1);
        String first = form.path(0).path("requestedSchema").path("properties").path("product_id").path("enum").path(0)
                .asString();
        assertThat(resolved.path("product_id").asString()).as("%s", resolved).isEqualTo(first).startsWith("C9300-");
        assertThat(resolved.path("chosen").asString()).contains("chosen by the user");

        JsonNode read = results.path(next + 4).path("value").path("contents").path(0);
        assertThat(read.path("uri").asString()).isEqualTo("cisco://bugs/" + bug);
        assertThat(Json.MAPPER.readTree(read.path("text").asString()).path("bugs").path(0).path("headline").asString())
                .isEqualTo(cisco.server.bugHeadlines().get(bug));
        assertThat(strings(results.path(next + 5).path("value").path("completion").path("values"))).contains(bug);
        assertThat(results.size()).isEqualTo(next + 6);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
