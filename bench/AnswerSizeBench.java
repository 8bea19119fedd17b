import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answer size: for fixed tool calls on sandbox data, the tokens (o200k_base) of the text the model receives, next to
 * the raw Cisco JSON for the same data and to what the TypeScript server answers with (its 1.18 default: that JSON
 * encoded with GCF's generic profile, by the same npm package at the version its range resolves to, bench/node); and,
 * separately, the tokens of our structuredContent (a client that shows the model both pays for both). The server is
 * driven by the official MCP Java SDK client over stdio; the raw JSON is fetched from the same sandbox directly.
 */
public class AnswerSizeBench {
    public static void main(String[] args) throws Exception {
        Encoding tokens = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        SandboxServer sandbox = SandboxServer.startOnLoopback();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String bearer = token(http, sandbox);
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        BenchServer.useSandbox(env, sandbox, "all");
        McpSyncClient client = BenchServer.stdioClient(env);

        String wildcard = get(http, sandbox, bearer, "/supporttools/eox/rest/5/EOXByProductID/1/WS-C2960X*,C1111*");
        List<String> pids = new ArrayList<>();
        Matcher m = Pattern.compile("\"EOLProductID\":\"([^\"]+)\"").matcher(wildcard);
        while (m.find() && pids.size() < 20) {
            pids.add(m.group(1));
        }
        List<String> serials = new ArrayList<>(sandbox.serialNumbers().keySet()).subList(0, 50);

        System.out.println("| answer (same data) | raw Cisco JSON, tokens | TypeScript server's text (GCF), tokens"
                + " | our text, tokens | ratio to TypeScript's | our structuredContent, tokens |");
        System.out.println("|---|---|---|---|---|---|");
        double total = 0;
        double theirs = 0;
        double ours = 0;
        double structured = 0;
        Object[][] cases = {
            {"bug search page (10 bugs)", "search_bugs_by_keyword", Map.of("keyword", "Catalyst", "modified_date", "5"),
                "/bug/v2.0/bugs/keyword/Catalyst?modified_date=5"},
            {"20 EoX records", "get_eox_by_product_id", Map.of("product_ids", String.join(",", pids)),
                "/supporttools/eox/rest/5/EOXByProductID/1/" + String.join(",", pids) + "?responseencoding=json"},
            {"coverage summary of 50 serials", "get_coverage_summary_by_serial", Map.of("serial_numbers", String.join(",", serials)),
                "/sn2info/v2/coverage/summary/serial_numbers/" + String.join(",", serials) + "?page_index=1"},
            {"10 security advisories", "get_all_security_advisories", Map.of("page_size", 10),
                "/security/advisories/v2/all?pageIndex=1&pageSize=10"}};
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, Object> arguments = (Map<String, Object>) c[2];
            McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder((String) c[1]).arguments(arguments).build());
            String text = ((McpSchema.TextContent) result.content().get(0)).text();
            String rawJson = get(http, sandbox, bearer, (String) c[3]);
            int raw = tokens.countTokens(rawJson);
            int gcf = tokens.countTokens(typeScriptText(rawJson));
            int answer = tokens.countTokens(text);
            int content = tokens.countTokens(McpJsonDefaults.getMapper().writeValueAsString(result.structuredContent()));
            total += raw;
            theirs += gcf;
            ours += answer;
            structured += content;
            System.out.printf("| %s (`%s`) | %d | %d | %d | %.2f | %d |%n", c[0], c[1], raw, gcf, answer, (double) answer / gcf,
                    content);
        }
        System.out.printf("| **all four** | %.0f | %.0f | %.0f | **%.2f** | %.0f |%n", total, theirs, ours, ours / theirs,
                structured);
        System.out.println();
        System.out.printf("Target (issue 18): our text at most 0.5x the TypeScript server's: %.2fx, %s%n", ours / theirs,
                ours / theirs <= 0.5 ? "**met**" : "not met");
        client.closeGracefully();
        sandbox.close();
        System.exit(0);
    }

    /** What the TypeScript server answers with for this Cisco JSON (bench/node/gcf-encode.mjs). */
    private static String typeScriptText(String ciscoJson) throws Exception {
        Process node = new ProcessBuilder("node", "bench/node/gcf-encode.mjs").redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (var in = node.getOutputStream()) {
            in.write(ciscoJson.getBytes(StandardCharsets.UTF_8));
        }
        String text = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (node.waitFor() != 0) {
            throw new IllegalStateException("gcf-encode.mjs failed");
        }
        return text;
    }

    private static String token(HttpClient http, SandboxServer sandbox) throws Exception {
        String basic = Base64.getEncoder().encodeToString((SandboxServer.CLIENT_ID + ":" + SandboxServer.CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        String body = http.send(HttpRequest.newBuilder(sandbox.tokenUrl()).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
        m.find();
        return m.group(1);
    }

    private static String get(HttpClient http, SandboxServer sandbox, String bearer, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.apiBaseUrl() + path.replace("*", "%2A")))
                .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
