import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fleet check (issue 19): the tokens (o200k_base) the model receives for one check_fleet of 1,000 devices, next to the
 * tokens of answering the same question with one device at a time (per device: coverage, EoX, the software checker for
 * its OS and version, Cisco's suggested release: the lookups a model would make), measured on a sample of 100 devices
 * and scaled to 1,000; also the same with the software checker asked once per distinct version (a model that
 * remembers). Text and structuredContent are counted apart. Sandbox data, quota lifted (the time is not measured here).
 */
public class FleetTokensBench {
    private static final int DEVICES = 1_000;
    private static final int SAMPLE = 100;
    private static final List<String[]> SOFTWARE = List.of(new String[] {"iosxe", "IOS-XE", "17.9.4"},
            new String[] {"iosxe", "IOS-XE", "17.6.5"}, new String[] {"ios", "IOS", "15.2(7)E8"},
            new String[] {"nxos", "NX-OS", "9.3(10)"}, new String[] {"iosxe", "IOS-XE", "16.12.4"});

    public static void main(String[] args) throws Exception {
        Encoding tokens = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        SandboxServer sandbox = SandboxServer.startOnLoopback();
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        BenchServer.useSandbox(env, sandbox, "eox,serial,psirt,software");
        env.put("CISCO_QUOTA", "1000/s");
        env.put("FLEET_UNATTENDED_MAX_CALLS", "10000");
        McpSyncClient client = BenchServer.stdioClient(env);
        List<Map.Entry<String, String>> units = new ArrayList<>(sandbox.serialNumbers().entrySet()).subList(0, DEVICES);
        StringBuilder csv = new StringBuilder("hostname,serial,pid,os,version\n");
        for (int i = 0; i < DEVICES; i++) {
            String[] sw = SOFTWARE.get(i % SOFTWARE.size());
            csv.append("r").append(i).append(',').append(units.get(i).getKey()).append(',').append(units.get(i).getValue())
                    .append(',').append(sw[1]).append(',').append(sw[2]).append('\n');
        }
        McpSchema.CallToolResult fleet = client.callTool(McpSchema.CallToolRequest.builder("check_fleet")
                .arguments(Map.of("inventory", csv.toString())).build());
        int fleetText = tokens.countTokens(text(fleet));
        int fleetStructured = tokens.countTokens(McpJsonDefaults.getMapper().writeValueAsString(fleet.structuredContent()));

        long oneByOneText = 0;
        long oneByOneStructured = 0;
        long rememberingText = 0;
        int calls = 0;
        Set<String> versionsSeen = new HashSet<>();
        for (int i = 0; i < SAMPLE; i++) {
            String serial = units.get(i).getKey();
            String[] sw = SOFTWARE.get(i % SOFTWARE.size());
            List<McpSchema.CallToolRequest> lookups = List.of(
                    McpSchema.CallToolRequest.builder("get_coverage_summary_by_serial").arguments(Map.of("serial_numbers", serial)).build(),
                    McpSchema.CallToolRequest.builder("get_eox_by_serial_number").arguments(Map.of("serial_numbers", serial)).build(),
                    McpSchema.CallToolRequest.builder("get_software_suggestions_by_product_ids")
                            .arguments(Map.of("product_ids", units.get(i).getValue())).build(),
                    McpSchema.CallToolRequest.builder("get_security_advisories_by_software_version")
                            .arguments(Map.of("os_type", sw[0], "version", sw[2])).build());
            for (McpSchema.CallToolRequest lookup : lookups) {
                McpSchema.CallToolResult answer = client.callTool(lookup);
                calls++;
                int text = tokens.countTokens(text(answer));
                oneByOneText += text;
                oneByOneStructured += tokens.countTokens(McpJsonDefaults.getMapper()
                        .writeValueAsString(answer.structuredContent()));
                boolean checker = lookup.name().equals("get_security_advisories_by_software_version");
                if (!checker || versionsSeen.add(sw[0] + sw[2])) {
                    rememberingText += text;
                }
            }
        }
        double scale = (double) DEVICES / SAMPLE;
        System.out.println("| answering \"which of these 1,000 devices are vulnerable, out of support or uncovered?\" |"
                + " tool calls | text tokens | structuredContent tokens |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| one `check_fleet` (summary, worst ten, links to the CSV report, a chart) | 1 | %d | %d |%n",
                fleetText, fleetStructured);
        System.out.printf("| one device at a time (coverage, EoX, suggestions, software checker), %d sampled x %.0f | %.0f"
                + " | %.0f | %.0f |%n", SAMPLE, scale, calls * scale, oneByOneText * scale, oneByOneStructured * scale);
        System.out.printf("| the same, the software checker asked once per version | %.0f | %.0f | |%n",
                (calls - SAMPLE) * scale + SOFTWARE.size(), (rememberingText - 0) * scale);
        System.out.println();
        System.out.printf("check_fleet's text is %.4fx of one device at a time (%.0fx fewer tokens). Its chart (PNG, %d"
                + " bytes) is not counted: each model prices an image by its size (1000 x 420 px).%n",
                fleetText / (oneByOneText * scale), oneByOneText * scale / fleetText, fleet.content().stream()
                        .filter(McpSchema.ImageContent.class::isInstance).mapToInt(c -> ((McpSchema.ImageContent) c).data()
                                .length() * 3 / 4).sum());
        client.closeGracefully();
        sandbox.close();
        System.exit(0);
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }
}
