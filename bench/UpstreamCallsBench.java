import dev.ciscosupport.mcp.sandbox.SandboxServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream calls saved: a scripted session of the questions an engineer triaging a site asks (EoX of the
 * site's products, coverage of its serials, bugs and advisories, then the usual follow-ups that ask part of
 * it again), played three ways against a fresh server each: one ID per call and no cache, lists batched
 * into Cisco's multi-ID calls but no cache, and batched with the cache (the default: whole answers, and the
 * records of multi-ID lookups one by one). Counted at the sandbox: the requests that would reach Cisco.
 */
public class UpstreamCallsBench {
    record Call(String tool, String parameter, List<String> ids, Map<String, Object> other) {
    }

    public static void main(String[] args) throws Exception {
        SandboxServer sandbox = SandboxServer.startOnLoopback();
        List<String> serials = new ArrayList<>(sandbox.serialNumbers().keySet()).subList(0, 10);
        List<String> pids = sandbox.serialNumbers().values().stream().distinct().limit(4).toList();
        List<String> bugs = new ArrayList<>(sandbox.bugHeadlines().keySet()).subList(0, 5);
        List<Call> script = List.of(
                new Call("get_eox_by_product_id", "product_ids", pids, Map.of()),
                new Call("get_coverage_summary_by_serial", "serial_numbers", serials, Map.of()),
                new Call("search_bugs_by_product_id", "base_pid", List.of(pids.get(0)), Map.of("modified_date", "5")),
                new Call("get_bug_details", "bug_ids", bugs, Map.of()),
                new Call("get_latest_security_advisories", "number", List.of(), Map.of("number", 10)),
                // follow-ups: "and that first switch again?", "which of those serials are covered?", "details of the top two bugs"
                new Call("get_eox_by_product_id", "product_ids", List.of(pids.get(0)), Map.of()),
                new Call("get_coverage_summary_by_serial", "serial_numbers", serials, Map.of()),
                new Call("get_bug_details", "bug_ids", bugs.subList(0, 2), Map.of()),
                new Call("search_bugs_by_product_id", "base_pid", List.of(pids.get(0)), Map.of("modified_date", "5")),
                new Call("get_latest_security_advisories", "number", List.of(), Map.of("number", 10)),
                new Call("get_eox_by_product_id", "product_ids", pids, Map.of()));

        int unbatched = play(sandbox, script, false, false);
        int batched = play(sandbox, script, true, false);
        int cached = play(sandbox, script, true, true);
        int questions = script.size();
        System.out.println("| scripted session (" + questions + " questions) | requests to Cisco | of one-ID-per-call, no cache |");
        System.out.println("|---|---|---|");
        System.out.printf("| one ID per call, no cache | %d | 1.00 |%n", unbatched);
        System.out.printf("| Cisco's multi-ID calls, no cache (`CISCO_CACHE_MB=0`) | %d | %.2f |%n", batched, (double) batched / unbatched);
        System.out.printf("| multi-ID calls and the cache (default) | %d | **%.2f** |%n", cached, (double) cached / unbatched);
        // The TypeScript server cannot be built here; its inventory (shared/reference/anchor-mcp-cisco-support.md, 2 and
        // 3) shows each of these tools as one GET and no caching at all: one request per question.
        System.out.printf("| the TypeScript server: one GET per question, no cache (its inventory) | %d | %.2f |%n",
                questions, (double) questions / unbatched);
        System.out.println();
        double ratio = (double) cached / questions;
        System.out.printf("Target (issue 18): the scripted session at most 0.5x the TypeScript server's requests: %.2fx, %s%n",
                ratio, ratio <= 0.5 ? "**met**" : "not met");
        sandbox.close();
        System.exit(0);
    }

    /** Plays the script against a new server process and returns the requests the sandbox received. */
    private static int play(SandboxServer sandbox, List<Call> script, boolean batch, boolean cache) {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        BenchServer.useSandbox(env, sandbox, "all");
        env.put("CISCO_QUOTA", "1000000/s");
        env.put("CISCO_CACHE_MB", cache ? "64" : "0");
        McpSyncClient client = BenchServer.stdioClient(env);
        sandbox.requests().reset();
        for (Call call : script) {
            List<List<String>> groups = new ArrayList<>();
            if (call.ids().isEmpty()) {
                groups.add(List.of());
            } else if (batch) {
                groups.add(call.ids());
            } else {
                call.ids().forEach(id -> groups.add(List.of(id)));
            }
            for (List<String> ids : groups) {
                Map<String, Object> arguments = new LinkedHashMap<>(call.other());
                if (!ids.isEmpty()) {
                    arguments.put(call.parameter(), String.join(",", ids));
                }
                McpSchema.CallToolResult result = client.callTool(
                        McpSchema.CallToolRequest.builder(call.tool()).arguments(arguments).build());
                if (Boolean.TRUE.equals(result.isError())) {
                    throw new IllegalStateException(call.tool() + " failed: " + result.content());
                }
            }
        }
        int requests = sandbox.requests().apiRequests();
        client.closeGracefully();
        return requests;
    }
}
