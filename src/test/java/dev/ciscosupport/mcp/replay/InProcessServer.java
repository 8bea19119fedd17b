package dev.ciscosupport.mcp.replay;

import dev.ciscosupport.mcp.cisco.CiscoGateway;
import dev.ciscosupport.mcp.cisco.CiscoTokenSource;
import dev.ciscosupport.mcp.cisco.TestCisco;
import dev.ciscosupport.mcp.cisco.resilience.TimeSource;
import dev.ciscosupport.mcp.cisco.serial.SerialApi;
import dev.ciscosupport.mcp.config.HttpSecurity;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.http.McpHttpServer;
import dev.ciscosupport.mcp.security.SecurityLog;
import dev.ciscosupport.mcp.security.TokenRegistry;
import dev.ciscosupport.mcp.server.Entitlements;
import dev.ciscosupport.mcp.server.ServerFeatures;
import dev.ciscosupport.mcp.tools.ApiTools;
import dev.ciscosupport.mcp.tools.CancellableCalls;
import dev.ciscosupport.mcp.tools.ClientNotices;
import dev.ciscosupport.mcp.tools.DataSource;
import dev.ciscosupport.mcp.tools.SeenValues;
import dev.ciscosupport.mcp.tools.ToolCatalog;
import dev.ciscosupport.mcp.tools.ToolContext;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumSet;
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

    public InProcessServer(URI apiBaseUrl, URI tokenUrl, String clientId, String clientSecret) {
        HttpClient httpClient = CiscoGateway.newHttpClient(Duration.ofSeconds(5));
        CiscoTokenSource tokens = new CiscoTokenSource(httpClient, tokenUrl, clientId, clientSecret, InstantSource.system(),
                Duration.ofSeconds(5));
        CiscoGateway gateway = new CiscoGateway(httpClient, apiBaseUrl, tokens, Optional.empty(), TestCisco.plain(),
                TimeSource.SYSTEM);
        SecurityLog log = new SecurityLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), null,
                InstantSource.system());
        SeenValues seen = new SeenValues();
        CancellableCalls calls = new CancellableCalls();
        ClientNotices notices = new ClientNotices();
        EnumSet<SupportApi> all = EnumSet.allOf(SupportApi.class);
        List<ApiTools> apis = ToolCatalog.forApis(all, gateway, new ToolContext(DataSource.CISCO, log, seen, calls, notices));
        Entitlements entitlements = new Entitlements(apis, notices);
        gateway.onNotEntitled(entitlements::notEntitled);
        ServerFeatures features = ServerFeatures.of(apis, all, new SerialApi(gateway), seen, entitlements);
        HttpSecurity security = HttpSecurity.defaults();
        http = new McpHttpServer("127.0.0.1", 0, false, security, TokenRegistry.of(List.of(BEARER)), log,
                InstantSource.system(), features, entitlements, calls);
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("the in-process server did not start", e);
        }
        URI url = http.url();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder(url.getScheme() + "://" + url.getAuthority()).endpoint(url.getPath())
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + BEARER)).build();
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
    }

    public McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(McpSchema.CallToolRequest.builder().name(tool).arguments(arguments).build());
    }

    public McpSyncClient client() {
        return client;
    }

    @Override
    public void close() {
        client.closeGracefully();
        http.close();
    }
}
