package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.security.BearerTokens;
import dev.ciscosupport.mcp.server.McpServers;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * MCP over Streamable HTTP at {@code /mcp} on embedded Jetty, with the SDK's servlet transport (sessions,
 * SSE on POST and GET, DELETE ends a session). Everything that decides who may come in is a filter in
 * front of it, in one visible chain: error-body repair, then the bearer token; the transport itself
 * checks Host and Origin against DNS rebinding.
 */
public final class McpHttpServer implements AutoCloseable {
    public static final String MCP_PATH = "/mcp";
    /** Far below the SDK's 16 MiB default: no MCP request to this server needs more. */
    static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private final Server jetty;
    private final ServerConnector connector;
    private final McpSyncServer mcp;

    /**
     * @param tokens the accepted bearer tokens, or null when authentication is switched off
     */
    public McpHttpServer(String host, int port, BearerTokens tokens, List<SyncToolSpecification> tools) {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint(MCP_PATH)
                .keepAliveInterval(Duration.ofSeconds(30))
                .maxRequestSize(MAX_REQUEST_BYTES)
                .contextExtractor(McpHttpServer::transportContext)
                .securityValidator(rebindingProtection(host))
                .build();
        this.mcp = McpServers.streamable(transport, tools);

        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("mcp-http");
        jetty = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(true);
        connector = new ServerConnector(jetty, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        addFilter(context, new McpErrorBodyFilter());
        if (tokens != null) {
            addFilter(context, new BearerAuthFilter(tokens));
        }
        ServletHolder mcpServlet = new ServletHolder("mcp", transport);
        mcpServlet.setAsyncSupported(true);
        context.addServlet(mcpServlet, MCP_PATH);
        context.addServlet(new ServletHolder("health", new HealthServlet()), "/health");
        jetty.setHandler(context);
        jetty.setStopTimeout(5_000);
    }

    public McpHttpServer start() throws Exception {
        jetty.start();
        return this;
    }

    /** The URL clients connect to. */
    public URI url() {
        String host = connector.getHost();
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return URI.create("http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + connector.getLocalPort()
                + MCP_PATH);
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() {
        mcp.closeGracefully();
        try {
            jetty.stop();
        } catch (Exception e) {
            // stopping: nothing useful to do with a failure
        }
    }

    /** Every filter in front of the SSE transport must be async-capable, or the first SSE use fails with 500. */
    private static void addFilter(ServletContextHandler context, Filter filter) {
        FilterHolder holder = new FilterHolder(filter);
        holder.setAsyncSupported(true);
        context.addFilter(holder, MCP_PATH, EnumSet.of(DispatcherType.REQUEST));
    }

    /** Host and Origin must name this server, so a web page cannot reach it through DNS rebinding. */
    private static DefaultServerTransportSecurityValidator rebindingProtection(String boundHost) {
        List<String> hosts = new ArrayList<>(List.of("localhost", "127.0.0.1", "[::1]"));
        if (!hosts.contains(boundHost) && !boundHost.equals("0.0.0.0") && !boundHost.equals("::")) {
            hosts.add(boundHost.contains(":") ? "[" + boundHost + "]" : boundHost);
        }
        DefaultServerTransportSecurityValidator.Builder validator = DefaultServerTransportSecurityValidator.builder();
        for (String host : hosts) {
            validator.allowedHost(host + ":*").allowedHost(host);
            validator.allowedOrigin("http://" + host + ":*").allowedOrigin("https://" + host + ":*");
        }
        return validator.build();
    }

    private static McpTransportContext transportContext(HttpServletRequest request) {
        Map<String, Object> values = new HashMap<>(); // Map.of would reject a null principal
        values.put("principal", request.getAttribute(BearerAuthFilter.PRINCIPAL));
        return McpTransportContext.create(values);
    }
}
