package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import dev.ciscosupport.mcp.sandbox.Fault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Prompts, resources, completions, progress and logging through the official TypeScript SDK client
 * against the built jar; what they say is checked against the sandbox's data set.
 */
class McpSurfaceIT extends SandboxToolsIT {
    private static final List<String> BUG_PROMPTS = List.of("cisco-high-severity-search", "cisco-incident-investigation",
            "cisco-upgrade-planning", "cisco-maintenance-prep", "cisco-security-advisory", "cisco-known-issues",
            "cisco-smart-search", "cisco-interactive-search");



    private static List<String> names(JsonNode list, String field, String key) {
        List<String> names = new ArrayList<>();
        list.path("value").path(field).forEach(p -> names.add(p.path(key).asString()));
        return names;
    }

    private static String promptText(JsonNode result) {
        return result.path("value").path("messages").path(0).path("content").path("text").asString();
    }

    @Test
    void theServerIntroducesItselfWithAnIconAndInstructionsThatNameRealTools() {
        JsonNode report = scenario("all").listTools().report();
        JsonNode icon = report.path("serverInfo").path("icons").path(0);
        assertThat(icon.path("src").asString()).startsWith("data:image/svg+xml;base64,");
        assertThat(icon.path("mimeType").asString()).isEqualTo("image/svg+xml");
        List<String> tools = names(report.path("results").path(0), "tools", "name");
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("\\b(get|search)_[a-z_]+")
                .matcher(report.path("instructions").asString());
        int checked = 0;
        while (named.find()) {
            String name = named.group().replaceAll("_+$", ""); // "search_bugs_*" names a family by its prefix
            assertThat(tools.stream().anyMatch(t -> t.equals(name) || t.startsWith(name))).as(name).isTrue();
            checked++;
        }
        assertThat(checked).isGreaterThan(2);
    }

    @Test
    void promptsAreListedOnlyForEnabledApis() {
        JsonNode bugOnly = scenario("bug").listPrompts().listResourceTemplates().run();
        assertThat(names(bugOnly.path(0), "prompts", "name")).containsExactlyInAnyOrderElementsOf(BUG_PROMPTS);
        assertThat(names(bugOnly.path(1), "resourceTemplates", "uriTemplate")).containsExactly("cisco://bugs/{bug_id}");

        JsonNode all = scenario("all").listPrompts().listResources().listResourceTemplates().run();
        List<String> prompts = names(all.path(0), "prompts", "name");
        assertThat(prompts).hasSize(12).containsAll(BUG_PROMPTS).contains("cisco-fleet-check", "cisco-case-investigation",
                "cisco-lifecycle-planning", "cisco-eox-research");
        assertThat(names(all.path(1), "resources", "uri")).containsExactlyInAnyOrder("cisco://security/advisories/recent",
                "cisco://security/advisories/critical", "cisco://bugs/recent/critical", "cisco://bugs/recent/high",
                "cisco://products/catalog");
        assertThat(names(all.path(2), "resourceTemplates", "uriTemplate")).containsExactlyInAnyOrder("cisco://bugs/{bug_id}",
                "cisco://products/{product_id}", "cisco://security/advisories/{advisory_id}", "cisco://security/cve/{cve_id}",
                "cisco://eox/{product_id}", "cisco://coverage/{serial}", "cisco://cases/{case_id}",
                "cisco://fleet/reports/{report}");
    }

    @Test
    void everyPromptWritesItsArgumentsIntoTheRightToolsAndRefusesWhatIsMissing() {
        Map<String, Map<String, String>> good = new LinkedHashMap<>();
        good.put("cisco-high-severity-search", Map.of("product_keyword", "C9300", "version", "17.9.4", "max_severity", "2"));
        good.put("cisco-incident-investigation", Map.of("symptom", "reload with traceback", "product", "C9300-24T"));
        good.put("cisco-upgrade-planning", Map.of("current_version", "17.6.5", "target_version", "17.9.4", "product", "C9300-24T"));
        good.put("cisco-maintenance-prep", Map.of("maintenance_type", "software upgrade", "product", "C9300-24T"));
        good.put("cisco-security-advisory", Map.of("product", "C9300-24T", "software_version", "17.9.4"));
        good.put("cisco-known-issues", Map.of("product", "C9300-24T", "software_version", "17.9.4"));
        good.put("cisco-case-investigation", Map.of("case_id", "694000000"));
        good.put("cisco-lifecycle-planning", Map.of("product_ids", "C9300-24T,WS-C3850-48XS-E"));
        good.put("cisco-eox-research", Map.of("product_focus", "serial_numbers", "search_values", "FOC0000A000"));
        good.put("cisco-smart-search", Map.of("search_query", "memory leak on ASA", "include_web_guidance", "true"));
        good.put("cisco-interactive-search", Map.of("initial_query", "crash after upgrade"));
        Scenario scenario = scenario("all");
        good.forEach(scenario::getPrompt);
        scenario.getPrompt("cisco-known-issues", Map.of("product", "C9300-24T"))
                .getPrompt("cisco-incident-investigation", Map.of("symptom", "reload"))
                .getPrompt("cisco-eox-research", Map.of("product_focus", "pids", "search_values", "x"))
                .getPrompt("cisco-high-severity-search", Map.of("product_keyword", "C9300", "max_severity", "9"))
                .getPrompt("cisco-case-investigation", Map.of());
        JsonNode results = scenario.run();

        int i = 0;
        for (Map.Entry<String, Map<String, String>> prompt : good.entrySet()) {
            String text = promptText(results.path(i++));
            assertThat(text).as(prompt.getKey()).doesNotContain("undefined").doesNotContain("null");
            prompt.getValue().forEach((name, value) -> {
                if (!name.equals("include_web_guidance") && !name.equals("product_focus") && !name.equals("max_severity")) {
                    assertThat(text).as("%s shows %s", prompt.getKey(), name).contains(value);
                }
            });
        }
        assertThat(promptText(results.path(0))).contains("search_bugs_by_keyword").contains("severity 1 to 2")
                .contains("one value per call");
        assertThat(promptText(results.path(8))).contains("get_eox_by_serial_number");
        assertThat(results.path(11).path("error").asString())
                .contains("The prompt cisco-known-issues needs software_version");
        assertThat(results.path(12).path("error").asString())
                .contains("The prompt cisco-incident-investigation needs product").contains("or serial_number");
        assertThat(results.path(13).path("error").asString())
                .contains("product_focus of the prompt cisco-eox-research must be one of product_ids, serial_numbers");
        assertThat(results.path(14).path("error").asString()).contains("max_severity").contains("from 1 to 6");
        assertThat(results.path(15).path("error").asString()).contains("needs case_id, contract_id or user_id");
        assertThat(cisco.apiRequests()).as("writing a prompt calls nothing").isZero();
    }

    @Test
    void aSerialNumberStandsInForTheProduct() {
        Map.Entry<String, String> unit = cisco.server.serialNumbers().entrySet().iterator().next();
        JsonNode results = scenario("all")
                .getPrompt("cisco-known-issues", Map.of("serial_number", unit.getKey(), "software_version", "17.9.4"))
                .getPrompt("cisco-known-issues", Map.of("serial_number", "NOSUCH0000", "software_version", "17.9.4"))
                .run();
        assertThat(promptText(results.path(0))).contains(unit.getValue() + " (serial number " + unit.getKey() + ")");
        assertThat(results.path(1).path("error").asString()).contains("NOSUCH0000");
        JsonNode withoutSerialApi = scenario("bug")
                .getPrompt("cisco-known-issues", Map.of("serial_number", unit.getKey(), "software_version", "17.9.4")).run();
        assertThat(withoutSerialApi.path(0).path("error").asString()).contains("add serial to SUPPORT_API");
    }

    @Test
    void everyResourceAndTemplateReadsRealDataThroughTheTools() {
        List<String> bugs = new ArrayList<>(cisco.server.bugHeadlines().keySet());
        String bug = bugs.get(3);
        Map.Entry<String, String> unit = cisco.server.serialNumbers().entrySet().iterator().next();
        JsonNode advisory = cisco.direct.getJson("/security/advisories/v2/latest/1").path("advisories").path(0);
        String advisoryId = advisory.path("advisoryId").asString();
        String cve = advisory.path("cves").path(0).asString();
        String caseId = "694000000";
        JsonNode results = scenario("all")
                .readResource("cisco://bugs/" + bug)
                .readResource("cisco://coverage/" + unit.getKey())
                .readResource("cisco://eox/" + unit.getValue())
                .readResource("cisco://security/advisories/recent")
                .readResource("cisco://bugs/not-a-bug")
                .readResource("cisco://bugs/")
                .readResource("cisco://products/" + unit.getValue())
                .readResource("cisco://security/advisories/" + advisoryId)
                .readResource("cisco://security/cve/" + cve)
                .readResource("cisco://cases/" + caseId)
                .readResource("cisco://security/advisories/critical")
                .readResource("cisco://bugs/recent/critical")
                .readResource("cisco://bugs/recent/high")
                .readResource("cisco://products/catalog")
                .run();
        JsonNode bugJson = content(results.path(0));
        assertThat(bugJson.path("bugs").path(0).path("bug_id").asString()).isEqualTo(bug);
        assertThat(bugJson.path("bugs").path(0).path("headline").asString()).isEqualTo(cisco.server.bugHeadlines().get(bug));
        assertThat(results.path(0).path("value").path("contents").path(0).path("mimeType").asString())
                .isEqualTo("application/json");
        assertThat(content(results.path(1)).path("items").path(0).path("serial_number").asString()).isEqualTo(unit.getKey());
        assertThat(content(results.path(2)).path("records").path(0).path("product_id").asString()).isEqualTo(unit.getValue());
        assertThat(content(results.path(3)).path("advisories").size()).isEqualTo(20);
        assertThat(results.path(4).path("error").asString()).contains("cisco://bugs/not-a-bug");
        assertThat(results.path(5).path("ok").asBoolean()).isFalse();
        assertThat(content(results.path(6)).path("items").path(0).path("product_id").asString()).isEqualTo(unit.getValue());
        assertThat(content(results.path(7)).path("advisories").path(0).path("advisory_id").asString()).isEqualTo(advisoryId);
        assertThat(content(results.path(8)).path("advisories").path(0).path("cves").toString()).contains(cve);
        assertThat(content(results.path(9)).toString()).contains(caseId);
        assertThat(content(results.path(10)).path("advisories")).allSatisfy(
                a -> assertThat(a.path("severity").asString()).isEqualToIgnoringCase("critical"));
        assertThat(content(results.path(11)).path("searches").size()).isEqualTo(2);
        assertThat(content(results.path(12)).path("searches").size()).isEqualTo(3);
        assertThat(content(results.path(13)).path("templates")).hasSize(7)
                .allSatisfy(t -> assertThat(t.path("example").asString()).startsWith("cisco://"));
    }

    private static JsonNode content(JsonNode read) {
        assertThat(read.path("ok").asBoolean()).as("%s", read).isTrue();
        return Json.MAPPER.readTree(read.path("value").path("contents").path(0).path("text").asString());
    }

    @Test
    void completionsOfferChoicesAndWhatTheSessionHasSeen() {
        String bug = new ArrayList<>(cisco.server.bugHeadlines().keySet()).get(5);
        Map.Entry<String, String> unit = cisco.server.serialNumbers().entrySet().iterator().next();
        JsonNode results = scenario("all")
                .complete("ref/prompt", "cisco-high-severity-search", "max_severity", "")
                .complete("ref/prompt", "cisco-eox-research", "product_focus", "se")
                .complete("ref/resource", "cisco://bugs/{bug_id}", "bug_id", "CSC")
                .call("get_bug_details", Map.of("bug_ids", bug))
                .call("get_coverage_summary_by_serial", Map.of("serial_numbers", unit.getKey()))
                .complete("ref/resource", "cisco://bugs/{bug_id}", "bug_id", bug.substring(0, 5))
                .complete("ref/prompt", "cisco-known-issues", "serial_number", unit.getKey().substring(0, 3))
                .complete("ref/prompt", "cisco-known-issues", "product", "")
                .complete("ref/prompt", "cisco-known-issues", "software_version", "")
                .run();
        assertThat(values(results.path(0))).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(values(results.path(1))).containsExactly("serial_numbers");
        assertThat(values(results.path(2))).as("nothing seen yet").isEmpty();
        assertThat(values(results.path(5))).contains(bug);
        assertThat(values(results.path(6))).contains(unit.getKey());
        assertThat(values(results.path(7))).contains(unit.getValue());
        assertThat(values(results.path(8))).as("releases of the bug seen").isNotEmpty();
    }

    private static List<String> values(JsonNode completion) {
        List<String> values = new ArrayList<>();
        completion.path("value").path("completion").path("values").forEach(v -> values.add(v.asString()));
        return values;
    }

    @Test
    void aMultiCallToolReportsProgressInOrder() {
        List<String> serials = new ArrayList<>(cisco.server.serialNumbers().keySet()).subList(0, 160); // 75 per call: 3 calls
        JsonNode result = scenario("serial")
                .callWithProgress("get_coverage_summary_by_serial", Map.of("serial_numbers", String.join(",", serials)))
                .run().path(0);
        JsonNode progress = result.path("value").path("progress");
        assertThat(progress.size()).as("%s", result).isEqualTo(cisco.apiRequests()).isEqualTo(3);
        for (int i = 0; i < progress.size(); i++) {
            assertThat(progress.path(i).path("progress").asInt()).isEqualTo(i + 1);
            assertThat(progress.path(i).path("message").asString()).contains("Serial Number to Information API");
        }
    }

    @Test
    void retriesAreToldToTheClientAtTheLevelItAskedFor() {
        cisco.server.faults().inject(Fault.SERVICE_UNAVAILABLE, 1);
        JsonNode told = scenario("bug").call("search_bugs_by_keyword", Map.of("keyword", "crash")).logs().run();
        JsonNode warned = told.path(1).path("value").path("logs");
        assertThat(warned.size()).as("%s", warned).isEqualTo(1);
        assertThat(warned.path(0).path("level").asString()).isEqualTo("warning");
        assertThat(warned.path(0).path("data").asString()).contains("HTTP 503").contains("Retrying in");

        cisco.resetCounts();
        cisco.server.faults().inject(Fault.SERVICE_UNAVAILABLE, 1);
        JsonNode quiet = scenario("bug").setLoggingLevel("error")
                .call("search_bugs_by_keyword", Map.of("keyword", "crash")).logs().run();
        assertThat(cisco.apiRequests()).as("the call was retried this time too").isEqualTo(2);
        assertThat(quiet.path(1).path("value").path("isError").asBoolean()).isFalse();
        assertThat(quiet.path(2).path("value").path("logs").size()).as("level error: no warnings").isZero();
    }
}
