package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The analysis and sampling tools through the official TypeScript SDK client, checked against what the sandbox's Cisco
 * APIs answer when asked directly, not against the tools' own output. (Named so that it sorts among the first classes
 * the test JVMs take, see the pom: it takes 20-30 s and, named AnalysisToolsIT, ran alone at the end of every run.)
 */
class SamplingAndAnalysisToolsIT extends SandboxToolsIT {
    private static final String PID = "C9300-24T";
    private static final String A = "17.6.5";
    private static final String B = "17.9.4";

    @Override
    Scenario scenario(String apis) {
        Map<String, String> env = env(apis);
        env.put("CISCO_QUOTA", "1000/s"); // a comparison makes a burst of calls; the quota has its own tests
        return Scenario.stdio(env);
    }

    /** Every bug Cisco (the sandbox) files against the version, severity 1 to 3, all pages, asked directly. */
    private Set<String> bugsOf(String version) {
        Set<String> ids = new TreeSet<>();
        for (int severity = 1; severity <= 3; severity++) {
            for (int page = 1; ; page++) {
                JsonNode body = cisco.direct.getJson("/bug/v2.0/bugs/products/product_id/" + PID + "/software_releases/"
                        + version + "?page_index=" + page + "&severity=" + severity + "&modified_date=5");
                ids.addAll(CiscoSandbox.ids(body));
                if (page >= body.path("pagination_response_record").path("last_index").asInt()) {
                    break;
                }
            }
        }
        return ids;
    }

    private Set<String> advisoriesOf(String version) {
        Set<String> ids = new TreeSet<>();
        cisco.direct.getJson("/security/advisories/v2/OSType/iosxe?version=" + version + "&pageIndex=1&pageSize=100")
                .path("advisories").forEach(a -> ids.add(a.path("advisoryId").asString()));
        return ids;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asString()));
        return out;
    }

    @Test
    void compareSoftwareVersionsGivesTheBugAndAdvisoryDifferencesOfTheDataSet() {
        Set<String> inA = bugsOf(A);
        Set<String> inB = bugsOf(B);
        Set<String> advA = advisoriesOf(A);
        Set<String> advB = advisoriesOf(B);
        assertThat(inA).as("the data set has bugs for both versions").isNotEmpty();
        assertThat(inB).isNotEmpty();
        cisco.resetCounts();

        JsonNode result = scenario("bug,psirt,eox,software").callWithProgress("compare_software_versions",
                Map.of("product_id", PID, "version_a", A, "version_b", B)).run().path(0);
        JsonNode structured = result.path("value").path("structuredContent");
        assertThat(result.path("value").path("isError").asBoolean()).as("%s", result).isFalse();

        assertThat(strings(structured.path("bugs").path("only_in_a")))
                .containsExactlyElementsOf(inA.stream().filter(id -> !inB.contains(id)).sorted().toList());
        assertThat(strings(structured.path("bugs").path("only_in_b")))
                .containsExactlyElementsOf(inB.stream().filter(id -> !inA.contains(id)).sorted().toList());
        assertThat(strings(structured.path("bugs").path("in_both")))
                .containsExactlyElementsOf(inA.stream().filter(inB::contains).sorted().toList());
        assertThat(structured.path("advisories").path("os_type").asString()).isEqualTo("iosxe");
        assertThat(strings(structured.path("advisories").path("only_in_a")))
                .containsExactlyElementsOf(advA.stream().filter(id -> !advB.contains(id)).sorted().toList());
        assertThat(strings(structured.path("advisories").path("only_in_b")))
                .containsExactlyElementsOf(advB.stream().filter(id -> !advA.contains(id)).sorted().toList());
        assertThat(structured.path("end_of_life").isObject()).isTrue();
        assertThat(structured.has("suggested_release")).isTrue();
        assertThat(structured.path("complete").asBoolean()).isTrue();
        assertThat(structured.path("cisco_calls").asInt()).as("stated calls are the calls made")
                .isEqualTo(cisco.apiRequests()).isLessThanOrEqualTo(40);
        JsonNode progress = result.path("value").path("progress");
        assertThat(progress.size()).as("progress after each Cisco answer").isEqualTo(cisco.apiRequests());
        for (int i = 0; i < progress.size(); i++) {
            assertThat(progress.path(i).path("progress").asInt()).isEqualTo(i + 1);
        }
    }

    @Test
    void whatCannotBeDoneIsSaidNotFilledIn() {
        JsonNode results = scenario("bug").call("compare_software_versions", Map.of("product_id", PID, "version_a", A,
                "version_b", B)).call("compare_software_versions", Map.of("product_id", PID, "version_a", A, "version_b", A))
                .run();
        JsonNode structured = results.path(0).path("value").path("structuredContent");
        assertThat(structured.path("not_done").path("advisories").asString()).contains("PSIRT openVuln API is not enabled");
        assertThat(structured.path("not_done").path("end_of_life").asString()).contains("EoX API is not enabled");
        assertThat(results.path(0).path("value").path("content").path(0).path("text").asString())
                .contains("Not done (suggested release)").doesNotContain("requires").doesNotContain("integration");
        assertThat(BugToolsContract.errorText(results.path(1))).contains("the same");
    }

    @Test
    void multiSeveritySearchMakesOneCallPerSeverityAndMergesThem() {
        JsonNode result = scenario("bug").call("multi_severity_search", Map.of("search_term", PID, "search_type", "product_id",
                "max_severity", 3)).run().path(0);
        JsonNode structured = result.path("value").path("structuredContent");
        assertThat(cisco.apiRequests()).isEqualTo(3);
        for (int severity = 1; severity <= 3; severity++) {
            int total = cisco.direct.getJson("/bug/v2.0/bugs/products/product_id/" + PID + "?page_index=1&severity=" + severity
                    + "&modified_date=5").path("pagination_response_record").path("total_records").asInt();
            assertThat(structured.path("severity_breakdown").path(String.valueOf(severity)).asInt()).isEqualTo(total);
        }
        assertThat(structured.path("bugs")).allSatisfy(b -> assertThat(b.path("severity").asInt()).isBetween(1, 3));
    }

    @Test
    void theClientsModelGetsTheRealBugsAndAClientWithoutSamplingIsToldPlainly() {
        List<String> ids = new ArrayList<>(cisco.server.bugHeadlines().keySet()).subList(10, 13);
        Map<String, Object> args = Map.of("bug_ids", String.join(",", ids), "search_context", "upgrade of the campus core");
        JsonNode sampled = scenario("bug").withSampling().call("summarize_bugs_with_ai", args).samplingRequests().run();
        JsonNode request = sampled.path(1).path("value").path("requests").path(0);
        String sent = request.path("messages").path(0).path("content").path("text").asString();
        for (String id : ids) {
            assertThat(sent).as("the model is sent Cisco's record of %s", id).contains(id)
                    .contains(cisco.server.bugHeadlines().get(id));
        }
        assertThat(sent).contains("upgrade of the campus core");
        JsonNode result = sampled.path(0).path("value");
        assertThat(result.path("structuredContent").path("sampled").asBoolean()).isTrue();
        assertThat(result.path("content").path(0).path("text").asString()).contains("TEST MODEL read " + sent.length());

        JsonNode plain = scenario("bug").call("summarize_bugs_with_ai", args).run().path(0).path("value");
        assertThat(plain.path("isError").asBoolean()).isFalse();
        assertThat(plain.path("content").path(0).path("text").asString())
                .startsWith("This client does not offer MCP sampling").contains(cisco.server.bugHeadlines().get(ids.get(0)));
        assertThat(plain.path("structuredContent").path("sampled").asBoolean()).isFalse();
    }

    @Test
    void theUpgradeRiskIsJudgedFromTheRealComparison() {
        JsonNode run = scenario("bug,psirt").withSampling().call("analyze_upgrade_risk_with_ai",
                Map.of("product_id", PID, "current_version", A, "target_version", B)).samplingRequests().run();
        String sent = run.path(1).path("value").path("requests").path(0).path("messages").path(0).path("content")
                .path("text").asString();
        Set<String> onlyB = new TreeSet<>(bugsOf(B));
        onlyB.removeAll(bugsOf(A));
        assertThat(onlyB).isNotEmpty();
        assertThat(sent).contains("Comparing " + PID).contains(onlyB.iterator().next()).contains("Security advisories");
        assertThat(run.path(0).path("value").path("structuredContent").path("data").path("bugs").path("only_in_b").size())
                .isEqualTo(onlyB.size());
    }

    @Test
    void aSearchPlanNamesOnlyToolsTheServerHasAndTheyAnswer() {
        JsonNode run = scenario("all").listTools().call("smart_search_strategy", Map.of("query_description",
                "Is CSCvx43106 affecting our C9300-24T on 17.9.4? Serial FOC0000A000.")).run();
        List<String> tools = new ArrayList<>();
        run.path(0).path("value").path("tools").forEach(t -> tools.add(t.path("name").asString()));
        JsonNode calls = run.path(1).path("value").path("structuredContent").path("calls");
        assertThat(calls.size()).isGreaterThanOrEqualTo(4);
        Scenario follow = scenario("all");
        calls.forEach(c -> {
            assertThat(tools).contains(c.path("tool").asString());
            follow.call(c.path("tool").asString(), dev.ciscosupport.mcp.json.Json.MAPPER.convertValue(c.path("arguments"),
                    new tools.jackson.core.type.TypeReference<Map<String, Object>>() { }));
        });
        assertThat(cisco.apiRequests()).as("planning calls nothing").isZero();
        JsonNode answers = follow.run();
        for (int i = 0; i < calls.size(); i++) {
            assertThat(answers.path(i).path("value").path("isError").asBoolean()).as("%s", answers.path(i)).isFalse();
        }
    }

    @Test
    void productNameResolverNamesAProductAndAsksTheUserWhenSeveralMatch() {
        String name = cisco.direct.getJson("/product/v1/information/product_ids/" + PID + "?page_index=1")
                .path("product_list").path(0).path("product_name").asString();
        List<String> matches = new ArrayList<>();
        cisco.direct.getJson("/supporttools/eox/rest/5/EOXByProductID/1/C9300-%2A?responseencoding=json")
                .path("EOXRecord").forEach(r -> matches.add(r.path("EOLProductID").asString()));
        assertThat(matches).as("the data set has several C9300 products").hasSizeGreaterThan(1);

        JsonNode exact = scenario("bug,product,eox").call("product_name_resolver", Map.of("product_id", PID)).run().path(0);
        assertThat(exact.path("value").path("structuredContent").path("name").asString()).isEqualTo(name).isNotBlank();

        JsonNode asked = scenario("bug,product,eox").withElicitationPickingTheFirstChoice()
                .call("product_name_resolver", Map.of("product_id", "C9300-")).elicitations().run();
        JsonNode offered = asked.path(1).path("value").path("requests").path(0).path("requestedSchema").path("properties")
                .path("product_id").path("enum");
        assertThat(strings(offered)).containsExactlyElementsOf(matches.subList(0, Math.min(20, matches.size())));
        JsonNode chosen = asked.path(0).path("value").path("structuredContent");
        assertThat(chosen.path("product_id").asString()).isEqualTo(matches.get(0));
        assertThat(chosen.path("chosen").asString()).contains("chosen by the user");

        JsonNode listed = scenario("bug,product,eox").call("product_name_resolver", Map.of("product_id", "C9300-")).run().path(0);
        assertThat(strings(listed.path("value").path("structuredContent").path("choices")))
                .containsExactlyElementsOf(matches.subList(0, Math.min(20, matches.size())));
        assertThat(listed.path("value").path("content").path(0).path("text").asString()).contains("call product_name_resolver again");
    }

    @Test
    void theOtherSamplingToolsAskTheModelOrSayTheyCannot() {
        JsonNode sampled = scenario("bug").withSampling()
                .call("resolve_product_name", Map.of("product_description", "the 24-port Catalyst 9300"))
                .call("categorize_bug", Map.of("bug_description", "switch reloads when a port channel member is removed"))
                .call("extract_product_query", Map.of("natural_query", "crashes on C9300-24T running 17.9.4"))
                .samplingRequests().run();
        JsonNode requests = sampled.path(3).path("value").path("requests");
        assertThat(requests.size()).isEqualTo(3);
        assertThat(requests.path(0).path("messages").path(0).path("content").path("text").asString())
                .isEqualTo("the 24-port Catalyst 9300");
        assertThat(requests.path(0).path("systemPrompt").asString()).contains("one Cisco product ID");
        assertThat(sampled.path(1).path("value").path("content").path(0).path("text").asString())
                .startsWith("The client's model did not answer in JSON"); // the test model answers in prose
        assertThat(sampled.path(2).path("value").path("content").path(0).path("text").asString())
                .contains("search_bugs_by_product_and_release");

        JsonNode plain = scenario("bug")
                .call("categorize_bug", Map.of("bug_description", "reload"))
                .call("extract_product_query", Map.of("natural_query", "crashes on C9300-24T running 17.9.4"))
                .run();
        assertThat(plain.path(0).path("value").path("content").path(0).path("text").asString())
                .startsWith("This client does not offer MCP sampling, so categorize_bug cannot ask its model");
        assertThat(plain.path(1).path("value").path("content").path(0).path("text").asString())
                .contains("search_bugs_by_product_and_release {base_pid=C9300-24T");
    }

    @Test
    void progressiveSearchGoesFromSpecificToBroadAndStopsWhenItHasEnough() {
        Set<String> specific = bugsOf(B); // C9300-24T in 17.9.4, severity 1 to 3: fewer than five here
        assertThat(specific).hasSizeLessThan(5);
        cisco.resetCounts();
        JsonNode result = scenario("bug").call("progressive_bug_search", Map.of("primary_search_term", PID, "version", B))
                .run().path(0).path("value").path("structuredContent");
        JsonNode tried = result.path("searches_tried");
        assertThat(tried.path(0).path("search").asString()).isEqualTo("product ID " + PID + " in " + B);
        assertThat(tried.path(0).path("new_bugs").asInt()).isEqualTo(specific.size());
        assertThat(tried.path(1).path("search").asString()).isEqualTo("product ID " + PID);
        List<String> ids = new ArrayList<>();
        result.path("bugs").forEach(b -> ids.add(b.path("bug_id").asString()));
        assertThat(ids).containsAll(specific).hasSizeGreaterThanOrEqualTo(5);
        assertThat(tried.size()).as("stopped once it had five").isEqualTo(2);
        assertThat(result.path("cisco_calls").asInt()).isEqualTo(cisco.apiRequests()).isEqualTo(6);
        assertThat(result.path("bugs")).allSatisfy(b -> assertThat(b.path("severity").asInt()).isBetween(1, 3));
    }

    @Test
    void comprehensiveAnalysisBringsEveryApiTogether() {
        String name = cisco.direct.getJson("/product/v1/information/product_ids/" + PID + "?page_index=1")
                .path("product_list").path(0).path("product_name").asString();
        Set<String> specific = bugsOf(B);
        Set<String> advisories = advisoriesOf(B);
        cisco.resetCounts();
        JsonNode result = scenario("all").call("comprehensive_analysis", Map.of("product_identifier", PID,
                "software_version", B)).run().path(0).path("value").path("structuredContent");
        assertThat(result.path("product").path("name").asString()).isEqualTo(name);
        List<String> bugIds = new ArrayList<>();
        result.path("bugs").forEach(b -> bugIds.add(b.path("bug_id").asString()));
        assertThat(bugIds).containsAll(specific);
        List<String> advisoryIds = new ArrayList<>();
        result.path("advisories").forEach(a -> advisoryIds.add(a.path("advisory_id").asString()));
        assertThat(advisoryIds).containsExactlyInAnyOrderElementsOf(advisories);
        assertThat(result.path("end_of_life").path("has_eox_record").isBoolean()).isTrue();
        assertThat(result.has("suggested_release")).isTrue();
        assertThat(result.has("not_done")).isFalse();
        assertThat(result.path("cisco_calls").asInt()).isEqualTo(cisco.apiRequests()).isLessThanOrEqualTo(40);
    }
}
