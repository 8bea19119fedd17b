package dev.ciscosupport.mcp.replay;

import dev.ciscosupport.mcp.cisco.resilience.QuotaLimiter;
import dev.ciscosupport.mcp.config.FleetSettings;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.smartbonding.SmartBonding;
import dev.ciscosupport.mcp.smartbonding.SmartBondingClient;
import dev.ciscosupport.mcp.smartbonding.UploadCredentials;
import dev.ciscosupport.mcp.cisco.CiscoGateway;
import dev.ciscosupport.mcp.cisco.CiscoHttp;
import dev.ciscosupport.mcp.cisco.CiscoTokenSource;
import dev.ciscosupport.mcp.cisco.TestCisco;
import dev.ciscosupport.mcp.cisco.resilience.TimeSource;
import dev.ciscosupport.mcp.cisco.serial.SerialApi;
import dev.ciscosupport.mcp.config.HttpSecurity;
import dev.ciscosupport.mcp.config.ProtocolRevisions;
import dev.ciscosupport.mcp.config.ToolSelection;
import dev.ciscosupport.mcp.config.Upstream;
import dev.ciscosupport.mcp.http.McpHttpServer;
import dev.ciscosupport.mcp.security.AcceptedToken;
import dev.ciscosupport.mcp.security.SecurityLog;
import dev.ciscosupport.mcp.security.TokenRegistry;
import dev.ciscosupport.mcp.server.EntitlementMemory;
import dev.ciscosupport.mcp.server.Entitlements;
import dev.ciscosupport.mcp.server.ServerFeatures;
import dev.ciscosupport.mcp.session.CancellableCalls;
import dev.ciscosupport.mcp.session.ClientNotices;
import dev.ciscosupport.mcp.session.SeenValues;
import dev.ciscosupport.mcp.tools.ApiTools;
import dev.ciscosupport.mcp.tools.DataSource;
import dev.ciscosupport.mcp.tools.ToolCatalog;
import dev.ciscosupport.mcp.tools.ToolContext;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole server (every API's tools, prompts and resources, the HTTP filters) in this JVM, pointed at a Cisco
 * (recorded or sandbox) by its URLs, and the official MCP Java SDK client connected to it over Streamable HTTP:
 * what a user's client sees, without starting a process.
 */
public final class InProcessServer implements AutoCloseable {
    private static final String BEARER = "in-process-test-token-0123456789abcdef";
    private final McpHttpServer http;
    private final McpSyncClient client;
    private final Entitlements entitlements;
    private final List<String> logMessages = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<McpSchema.ProgressNotification> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.Semaphore logArrived = new java.util.concurrent.Semaphore(0);
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

    public InProcessServer(URI apiBaseUrl, URI tokenUrl, String clientId, String clientSecret) {
        this(apiBaseUrl, tokenUrl, clientId, clientSecret, null, null);
    }

    /**
     * @param rechecks how withdrawn APIs are probed again (a test's, to run them when it says), or null for the server's
     * @param onToolsChanged told each time the client receives {@code notifications/tools/list_changed}, or null
     */
    public InProcessServer(URI apiBaseUrl, URI tokenUrl, String clientId, String clientSecret, Entitlements.Rechecks rechecks,
            Runnable onToolsChanged) {
        this(apiBaseUrl, tokenUrl, clientId, clientSecret, rechecks, onToolsChanged, ToolSelection.everything());
    }

    /** @param selection the tools offered, as SUPPORT_API and MCP_TOOLSETS choose them */
    public InProcessServer(URI apiBaseUrl, URI tokenUrl, String clientId, String clientSecret, Entitlements.Rechecks rechecks,
            Runnable onToolsChanged, ToolSelection selection) {
        this(apiBaseUrl, tokenUrl, clientId, clientSecret, rechecks, onToolsChanged, selection, TestCisco.plain(),
                TimeSource.SYSTEM);
    }

    /**
     * The server as it runs in production towards Cisco: retries, quota, cache and pauses as {@code upstream} sets them,
     * waiting on {@code time} (a test's clock, so back-off costs no real time).
     */
    public static InProcessServer withUpstream(URI apiBaseUrl, URI tokenUrl, String clientId, String clientSecret,
            Upstream upstream, TimeSource time) {
        return new InProcessServer(apiBaseUrl, tokenUrl, clientId, clientSecret, null, null, ToolSelection.everything(),
                upstream, time, unlimited(), List.of(), InstantSource.system());
    }

    /**
     * The server as an HTTP deployment runs it: its abuse limits as {@code security} sets them (on {@code clock}), and
     * {@code moreTokens} accepted besides the test client's {@link #bearer()}.
     */
    public static InProcessServer withSecurity(URI apiBaseUrl, URI tokenUrl, String clientId, String clientSecret,
            HttpSecurity security, List<AcceptedToken> moreTokens, InstantSource clock) {
        return withSecurity(apiBaseUrl, tokenUrl, clientId, clientSecret, security, moreTokens, clock, TestCisco.plain(),
                TimeSource.SYSTEM);
    }

    /** The same, with retries, quota, cache and pauses towards Cisco as {@code upstream} sets them, on {@code time}. */
    public static InProcessServer withSecurity(URI apiBaseUrl, URI tokenUrl, String clientId, String clientSecret,
            HttpSecurity security, List<AcceptedToken> moreTokens, InstantSource clock, Upstream upstream, TimeSource time) {
        return new InProcessServer(apiBaseUrl, tokenUrl, clientId, clientSecret, null, null, ToolSelection.everything(),
                upstream, time, security, moreTokens, clock);
    }

    /** Every API, Smart Bonding too (which {@code all} leaves out): the whole surface a user can switch on. */
    public static ToolSelection everyApi() {
        return new ToolSelection(java.util.EnumSet.allOf(SupportApi.class), java.util.EnumSet.allOf(ToolSelection.BugTools.class));
    }

    /** Smart Bonding as the sandbox at {@code apiBaseUrl} serves it: its API, token endpoint and file drive. */
    private static SmartBonding smartBonding(CiscoHttp http, URI apiBaseUrl, URI tokenUrl, String clientId,
            String clientSecret) {
        CiscoTokenSource tokens = new CiscoTokenSource(http, tokenUrl, clientId, clientSecret,
                InstantSource.system(), Duration.ofSeconds(5), CiscoTokenSource.Settings.SMART_BONDING);
        SmartBondingClient client = new SmartBondingClient(http, URI.create(apiBaseUrl + "/sb-partner-oauth-proxy-api"),
                apiBaseUrl, tokens, Optional.empty(), new QuotaLimiter(java.util.Map.of(), Duration.ofSeconds(5),
                        TimeSource.SYSTEM), Duration.ofSeconds(5));
        // The upload limit below the 1 MiB a request may carry, so that a test can cross it.
        return new SmartBonding(client, new UploadCredentials(InstantSource.system()), "sandbox", false, 512L << 10);
    }

    /** One test client makes many requests in a row: the per-client limits are not what most tests are about. */
    private static HttpSecurity unlimited() {
        HttpSecurity d = HttpSecurity.defaults();
        return new HttpSecurity(d.bearerTokens(), d.tokenFile(), d.queryToken(), d.allowedOrigins(),
                d.allowedHosts(), 100_000, 100_000, 100_000, d.lockoutFailures(), d.lockoutWindow(), d.lockoutDuration(),
                null, null, null, null, null, d.idleTimeout(), d.sessions(), false, false,
                List.of());
    }

    private InProcessServer(URI apiBaseUrl, URI tokenUrl, String clientId, String clientSecret, Entitlements.Rechecks rechecks,
            Runnable onToolsChanged, ToolSelection selection, Upstream upstream, TimeSource time) {
        this(apiBaseUrl, tokenUrl, clientId, clientSecret, rechecks, onToolsChanged, selection, upstream, time, unlimited(),
                List.of(), InstantSource.system());
    }

    private InProcessServer(URI apiBaseUrl, URI tokenUrl, String clientId, String clientSecret, Entitlements.Rechecks rechecks,
            Runnable onToolsChanged, ToolSelection selection, Upstream upstream, TimeSource time, HttpSecurity security,
            List<AcceptedToken> moreTokens, InstantSource clock) {
        CiscoHttp ciscoHttp = new CiscoHttp(Duration.ofSeconds(5));
        CiscoTokenSource tokens = new CiscoTokenSource(ciscoHttp, tokenUrl, clientId, clientSecret, InstantSource.system(),
                Duration.ofSeconds(5));
        CiscoGateway gateway = new CiscoGateway(ciscoHttp, apiBaseUrl, tokens, Optional.empty(), upstream, time);
        SecurityLog log = new SecurityLog(new PrintStream(logged, true, StandardCharsets.UTF_8), null, InstantSource.system());
        SeenValues seen = new SeenValues();
        CancellableCalls calls = new CancellableCalls();
        ClientNotices notices = new ClientNotices();
        ToolContext context = new ToolContext(DataSource.CISCO, log, seen, calls, notices, upstream.callDeadline(), time);
        Optional<SmartBonding> smartBonding = selection.apis().contains(SupportApi.SMART_BONDING)
                ? Optional.of(smartBonding(ciscoHttp, apiBaseUrl, tokenUrl, clientId, clientSecret)) : Optional.empty();
        List<ApiTools> apis = ToolCatalog.forApis(selection.offered(), gateway, context, FleetSettings.defaults(), smartBonding);
        entitlements = rechecks == null ? new Entitlements(apis, notices)
                : new Entitlements(apis, notices, rechecks, EntitlementMemory.none());
        gateway.onNotEntitled(entitlements::notEntitled);
        ServerFeatures features = ServerFeatures.of(apis, selection.offered().promptApis(), new SerialApi(gateway), seen,
                entitlements, selection.dynamic() ? selection.toolsets() : null, context);
        List<AcceptedToken> accepted = new java.util.ArrayList<>(moreTokens);
        accepted.add(AcceptedToken.of(BEARER, "in-process test client"));
        // Both revisions, as a deployment that speaks both: the 2025-11-25 client here must reach its own server.
        http = new McpHttpServer("127.0.0.1", 0, false, security, new TokenRegistry(accepted), null, log, clock, features,
                entitlements, context, ProtocolRevisions.BOTH, null);
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("the in-process server did not start", e);
        }
        URI url = http.url();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder(url.getScheme() + "://" + url.getAuthority()).endpoint(url.getPath())
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + BEARER)).build();
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30))
                .progressConsumer(progress::add)
                .loggingConsumer(message -> {
                    logMessages.add(String.valueOf(message.data()));
                    logArrived.release();
                })
                .toolsChangeConsumer(tools -> {
                    if (onToolsChanged != null) {
                        onToolsChanged.run();
                    }
                }).build();
        client.initialize();
    }

    public McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
    }

    /** The text a tool answered with (its first content item). */
    public static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    public McpSyncClient client() {
        return client;
    }

    /** The server's URL and the bearer token it takes, for tests that speak raw HTTP to it. */
    public URI url() {
        return http.url();
    }

    public String bearer() {
        return BEARER;
    }

    /** The server's security and access log so far: one JSON line per event, as it would go to stderr. */
    public String securityLog() {
        synchronized (logged) {
            return logged.toString(StandardCharsets.UTF_8);
        }
    }

    /** The progress notifications the client received so far, in order (for calls made with a progress token). */
    public List<McpSchema.ProgressNotification> progress() {
        return List.copyOf(progress);
    }

    /** What the server told the client in log notifications ({@code notifications/message}) so far. */
    public List<String> logMessages() {
        return List.copyOf(logMessages);
    }

    /**
     * Whether a log message containing {@code text} has arrived, waiting for it up to 10 s: notifications come on the
     * client's own thread, in no set order with other notifications.
     */
    public boolean awaitLog(String text) throws InterruptedException {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (logMessages.stream().noneMatch(m -> m.contains(text))) {
            long left = end - System.nanoTime();
            if (left <= 0 || !logArrived.tryAcquire(left, java.util.concurrent.TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    /** The names of the tools the client lists now. */
    public List<String> toolNames() {
        return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
    }

    @Override
    public void close() {
        client.closeGracefully();
        http.close();
        entitlements.close();
    }
}
