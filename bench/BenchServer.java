import dev.ciscosupport.mcp.sandbox.SandboxServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the benchmarks share: the server jar, pointed at an in-process sandbox, and an MCP client for it. */
final class BenchServer {
    static final Path JAR = Path.of("target/cisco-support-mcp.jar").toAbsolutePath();

    private BenchServer() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** User plus system CPU time of a process so far, in clock ticks of 10 ms (Linux USER_HZ), from /proc/PID/stat. */
    static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime and stime: fields 14 and 15 of stat
    }

    /** How many methods the JVM {@code pid} has compiled so far (its JIT's own count, from {@code jstat -compiler}). */
    static long jitCompilations(long pid) throws Exception {
        Process jstat = new ProcessBuilder("jstat", "-compiler", Long.toString(pid)).redirectErrorStream(true).start();
        List<String> lines = new String(jstat.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .lines().toList();
        if (jstat.waitFor() != 0 || lines.size() < 2) {
            throw new IllegalStateException("jstat -compiler " + pid + " failed: " + lines);
        }
        return Long.parseLong(lines.get(1).trim().split("\\s+")[0]);
    }

    /** A size line of /proc/PID/status ({@code VmRSS}, {@code VmHWM}), in kB (Linux). */
    static long statusKb(long pid, String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** Points the server at the sandbox with its credentials, offering {@code supportApi}, without the start-up probe. */
    static void useSandbox(Map<String, String> env, SandboxServer sandbox, String supportApi) {
        env.put("CISCO_API_BASE_URL", sandbox.apiBaseUrl().toString());
        env.put("CISCO_TOKEN_URL", sandbox.tokenUrl().toString());
        env.put("CISCO_CLIENT_ID", SandboxServer.CLIENT_ID);
        env.put("CISCO_CLIENT_SECRET", SandboxServer.CLIENT_SECRET);
        env.put("CISCO_ENTITLEMENT_CHECK", "false");
        env.put("SUPPORT_API", supportApi);
        env.put("SMART_BONDING_API_URL", sandbox.smartBondingBase().toString());
        env.put("SMART_BONDING_TOKEN_URL", sandbox.tokenUrl().toString());
        env.put("SMART_BONDING_UPLOAD_URL", sandbox.apiBaseUrl().toString());
        env.put("SMART_BONDING_CLIENT_ID", SandboxServer.CLIENT_ID);
        env.put("SMART_BONDING_CLIENT_SECRET", SandboxServer.CLIENT_SECRET);
    }

    /** The official MCP Java SDK client, connected over stdio to a server process started with {@code env}. */
    static McpSyncClient stdioClient(Map<String, String> env) {
        ServerParameters server = ServerParameters.builder(java()).args("-jar", JAR.toString()).env(env).build();
        McpSyncClient client = McpClient.sync(new StdioClientTransport(server, McpJsonDefaults.getMapper()))
                .requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
        return client;
    }
}
