package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every tool of the built jar, found through tools/list by the TypeScript SDK client: malformed input is refused
 * before anything reaches Cisco. (That every API answers, and turns Cisco's rate limiting and timeouts into sentences,
 * is {@code compat.EveryApiTest}, in process.)
 */
class AllToolsIT extends SandboxToolsIT {
    /**
     * Arguments that take any words (a question, a bug's text, asked of the client's model or planned without Cisco),
     * and PSIRT's product_names, a flag the TypeScript server took as text (any text but "false" turns it on): a path
     * there is only text. That no probe reaches Cisco is checked all the same.
     */
    private static final java.util.Set<String> FREE_TEXT = java.util.Set.of("smart_search_strategy.query_description",
            "resolve_product_name.product_description", "categorize_bug.bug_description",
            "extract_product_query.natural_query", "get_all_security_advisories.product_names",
            "get_latest_security_advisories.product_names");

    @Test
    void everyToolRefusesMalformedInputBeforeCisco() {
        JsonNode tools = scenario("all").listTools().run().path(0).path("value").path("tools");
        assertThat(tools.size()).isEqualTo(56);
        Scenario bad = scenario("all");
        List<String> what = new ArrayList<>();
        for (JsonNode tool : tools) {
            String name = tool.path("name").asString();
            JsonNode properties = tool.path("inputSchema").path("properties");
            Map<String, Object> unknown = new LinkedHashMap<>();
            unknown.put("no_such_parameter", "x");
            bad.call(name, unknown);
            what.add(name + " with an unknown parameter");
            if (tool.path("inputSchema").path("required").size() > 0) {
                bad.call(name, Map.of());
                what.add(name + " without its required parameters");
            }
            // Every text argument but the few that are free text by design: identifiers, versions and names are
            // checked against their form in code (the advertised schemas no longer carry long patterns).
            properties.properties().forEach(p -> {
                if (p.getValue().path("type").toString().contains("string") && !p.getValue().has("enum")
                        && !p.getValue().has("format")) {
                    Map<String, Object> args = new LinkedHashMap<>();
                    args.put(p.getKey(), "../bug/v2.0/bugs%2F?x#y");
                    bad.call(name, args);
                    what.add(name + " with a path in " + p.getKey());
                }
            });
        }
        cisco.resetCounts();
        JsonNode results = bad.run();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < what.size(); i++) {
            if (!results.path(i).path("value").path("isError").asBoolean() && !results.path(i).has("error")
                    && !FREE_TEXT.contains(what.get(i).replace(" with a path in ", "."))) {
                accepted.add(what.get(i));
            }
        }
        assertThat(accepted).as("malformed calls answered as if fine").isEmpty();
        assertThat(what).hasSizeGreaterThan(150);
        // Only the product_names flag lets a call through (it only shows the products in the answer), never the probe.
        assertThat(cisco.server.requests().recentPaths()).as("requests that reached Cisco")
                .allMatch(path -> path.matches("/security/advisories/v2/(all\\?pageIndex=1&pageSize=20|latest/10)"))
                .noneMatch(path -> path.contains("..") || path.contains("%2F") || path.contains("#"));
    }
}
