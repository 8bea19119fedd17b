import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code tools/list} costs on every turn, in o200k_base tokens: the whole answer, and its model-facing part
 * (names, titles, descriptions, input schemas), for every tool of the eight Support APIs and for each toolset
 * ({@code MCP_TOOLSETS}), next to the first wave's figures. The server jar is driven over stdio by the official
 * MCP Java SDK client, as a user's client would list it.
 */
public class ToolListBench {
    /** The first wave's 54 tools, measured the same way before issue 12. */
    private static final int BEFORE_WHOLE = 32_371;
    private static final int BEFORE_MODEL = 17_631;
    private static final List<String> TOOLSETS = List.of("all", "core", "bug", "analysis", "sampling", "psirt", "eox",
            "fleet", "product", "serial", "software", "case", "rma", "smart_bonding");

    public static void main(String[] args) throws Exception {
        Encoding o200k = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        SandboxServer sandbox = SandboxServer.startOnLoopback();
        System.out.println("| tools/list (`MCP_TOOLSETS`) | tools | whole, tokens | of the first wave's whole | model-facing, tokens"
                + " | of the first wave's model-facing |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.printf("| first wave (54 tools, before issue 12) | 54 | %d | 1.00 | %d | 1.00 |%n", BEFORE_WHOLE, BEFORE_MODEL);
        for (String toolset : TOOLSETS) {
            Map<String, String> env = new LinkedHashMap<>(System.getenv());
            // Smart Bonding is not part of all (as on the TypeScript server): its toolset is measured with it named.
            BenchServer.useSandbox(env, sandbox, toolset.equals("smart_bonding") ? "all,smart_bonding" : "all");
            env.put("MCP_TOOLSETS", toolset);
            McpSyncClient client = BenchServer.stdioClient(env);
            McpSchema.ListToolsResult list = client.listTools();
            client.closeGracefully();
            int whole = o200k.countTokens(McpJsonDefaults.getMapper().writeValueAsString(list));
            int model = 0;
            for (McpSchema.Tool tool : list.tools()) {
                McpSchema.Tool modelFacing = McpSchema.Tool.builder(tool.name(), tool.inputSchema()).title(tool.title())
                        .description(tool.description()).build();
                model += o200k.countTokens(McpJsonDefaults.getMapper().writeValueAsString(modelFacing));
            }
            System.out.printf("| `%s` | %d | %d | %.2f | %d | %.2f |%n", toolset, list.tools().size(), whole,
                    (double) whole / BEFORE_WHOLE, model, (double) model / BEFORE_MODEL);
        }
        sandbox.close();
        System.exit(0);
    }
}
