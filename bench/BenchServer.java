import dev.ciscosupport.mcp.sandbox.SandboxServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /** The user plus system ticks of one /proc stat line (a process's or a thread's). */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime and stime: fields 14 and 15 of stat
    }

    /**
     * CPU time so far of the JVM {@code pid}'s compiler threads (C1 and C2), in clock ticks of 10 ms, from each
     * thread's /proc/PID/task/TID/stat. A compiler thread that the JVM retires takes its ticks with it: callers take
     * differences over a few seconds and treat a negative one as none.
     */
    static long compilerTicks(long pid) throws Exception {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (java.io.IOException gone) {
                    continue; // the thread ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    ticks += ticks(stat);
                }
            }
        }
        return ticks;
    }

    /**
     * Context switches so far of all of a process's threads (voluntary and not), from each thread's
     * /proc/PID/task/TID/status: every time a thread waits for another or for the network, and every wake-up, costs
     * one. A thread that ends takes its count with it: callers take differences over a few seconds.
     */
    static long contextSwitches(long pid) throws Exception {
        long switches = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            switches += Long.parseLong(line.replaceAll("\\D", ""));
                        }
                    }
                } catch (java.io.IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return switches;
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
