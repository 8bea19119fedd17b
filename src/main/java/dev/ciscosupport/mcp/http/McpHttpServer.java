package dev.ciscosupport.mcp.http;

import static dev.ciscosupport.mcp.http.RevisionFilter.legacyOnly;

import dev.ciscosupport.mcp.cluster.SharedLimits;
import dev.ciscosupport.mcp.config.HttpSecurity;
import dev.ciscosupport.mcp.config.OAuthSettings;
import dev.ciscosupport.mcp.config.ProtocolRevisions;
import dev.ciscosupport.mcp.config.Toolset;
import dev.ciscosupport.mcp.metrics.Meters;
import dev.ciscosupport.mcp.oauth.ResourceServer;
import dev.ciscosupport.mcp.security.ClientRateLimiter;
import dev.ciscosupport.mcp.security.FailedLogins;
import dev.ciscosupport.mcp.security.SecurityLog;
import dev.ciscosupport.mcp.security.TokenRegistry;
import dev.ciscosupport.mcp.server.Entitlements;
import dev.ciscosupport.mcp.server.McpServers;
import dev.ciscosupport.mcp.server.OfferedTools;
import dev.ciscosupport.mcp.server.ServerFeatures;
import dev.ciscosupport.mcp.session.ToolViews;
import dev.ciscosupport.mcp.tools.ToolContext;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.modern.server.transport.HttpServletMcpTransport;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * MCP over Streamable HTTP at {@code /mcp} on embedded Jetty, with the SDK's servlet transports: the 2025-11-25 one
 * (sessions, SSE on POST and GET, DELETE ends a session) and the stateless 2026-07-28 one, chosen per request
 * ({@link RevisionFilter}, {@link RevisionRouter}). Everything that decides who may come in is a filter in front of
 * them, in one visible chain, in this order (those marked "sessions" pass the stateless revision's requests by):
 * <ol>
 * <li>{@link ClientAddressFilter}: the client's address from a trusted load balancer's {@code X-Forwarded-For}</li>
 * <li>{@link AccessLogFilter}: one JSON line per request; a plain 500 for anything unexpected</li>
 * <li>{@link SecurityHeadersFilter}: the guide's headers on every answer</li>
 * <li>{@link MethodFilter}: 405 for methods MCP does not use (TRACE above all)</li>
 * <li>{@link DrainFilter}: counts requests in flight; during a shutdown, 503 for new ones</li>
 * <li>{@link HostOriginFilter}: DNS-rebinding protection (Host and Origin)</li>
 * <li>{@link CorsFilter}: CORS headers for allowed origins, preflight answered</li>
 * <li>{@link BearerAuthFilter}: the bearer token (shared, or the identity provider's access token for this server),
 * failed-login lockout (absent when auth is off); nothing before it reads a body</li>
 * <li>{@link BodySizeFilter}: 413 before reading an oversized body</li>
 * <li>{@link RevisionFilter}: which revision's server the request goes to</li>
 * <li>{@link JsonRpcBodyFilter}: 400 for a body that is not one JSON-RPC object (413 over the limit); later
 * refusals carry the request's id</li>
 * <li>{@link RateLimitFilter}: per-client request and new-session limits</li>
 * <li>{@link ScopeFilter}: an OAuth caller's scopes against the Cisco API the request uses (403, step-up)</li>
 * <li>{@link SessionFilter} (sessions): sessions opened only by initialize, within their caps, used only with the token that
 * opened them, closed when idle</li>
 * <li>{@link ProtocolVersionFilter}: 400 for an MCP-Protocol-Version the server does not speak</li>
 * <li>{@link McpMessageFilter} (sessions): cancellations acted on (202), unknown tools named</li>
 * <li>{@link SessionlessPingFilter} (sessions): the guide's {@code ping} without a session</li>
 * <li>{@link SdkResponseFilter} (sessions): the SDK's error bodies without stack traces; its SSE answers in fewer writes</li>
 * </ol>
 */
public final class McpHttpServer implements AutoCloseable {
    public static final String MCP_PATH = "/mcp";
    /** Far below the SDK's 16 MiB default: no MCP request to this server needs more. */
    static final int MAX_REQUEST_BYTES = 1024 * 1024;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    static final int MIN_REQUEST_BYTES_PER_SECOND = 1024;
    /**
     * How often the stateless revision's response streams carry a keep-alive comment. On that revision a client cancels
     * a call by closing its stream, and the server learns of it only when it next writes there: a write that fails stops
     * the call's Cisco work (within two of these of the close). A few bytes a second on each open stream.
     */
    public static final Duration STATELESS_KEEP_ALIVE = Duration.ofSeconds(1);
    /** How long a new connection may take to send its first request's headers (or the idle timeout, if shorter). */
    static final Duration HEADER_DEADLINE = Duration.ofSeconds(10);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(McpHttpServer.class);
    private final Server jetty;
    private final DrainFilter drain = new DrainFilter();
    private final ServerConnector connector;
    private final McpSyncServer mcp;
    /** The 2026-07-28 server's transport, or null when that revision is not spoken. */
    private final HttpServletMcpTransport stateless;
    private final boolean tls;
    private final Sessions sessions;
    /** The OAuth resource server, or null when only shared tokens are accepted. */
    private final ResourceServer resourceServer;
    /** The registry {@code /metrics} serves, or null when metrics are off. */
    private final PrometheusMeterRegistry metrics;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mcp-session-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param tokens the accepted shared bearer tokens, or null when none are (authentication off, or only the identity
     *               provider's tokens)
     * @param oauth  {@code MCP_AUTH} and the identity provider, or null for shared tokens only
     * @param tools  what the tools share: their calls in flight (cancellation) and what each caller spent of Cisco's quota
     * @param shared the abuse limits (request limits, lockout) replicas keep together, or null for this process alone
     */
    public McpHttpServer(String host, int port, boolean production, HttpSecurity security, TokenRegistry tokens,
            OAuthSettings oauth, SecurityLog log, InstantSource clock, ServerFeatures features, Entitlements entitlements,
            ToolContext tools, ProtocolRevisions revisions, SharedLimits shared) {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint(MCP_PATH)
                .keepAliveInterval(Duration.ofSeconds(25))
                .maxRequestSize(MAX_REQUEST_BYTES)
                .contextExtractor(McpHttpServer::transportContext)
                .build();
        this.mcp = McpServers.streamable(transport, features, entitlements);
        this.stateless = revisions.modern() ? HttpServletMcpTransport.builder(McpServers.modern(features, entitlements, revisions))
                .endpoint(MCP_PATH)
                .keepAliveInterval(STATELESS_KEEP_ALIVE)
                .maxRequestSize(MAX_REQUEST_BYTES)
                .contextExtractor(McpHttpServer::transportContext)
                // Host and Origin are checked in front of both revisions (HostOriginFilter, with the allowed lists); the
                // SDK's own check, with no list, would refuse every browser Origin.
                .httpHeaderValidator(ServerHttpHeaderValidator.NOOP)
                .build() : null;
        this.tls = security.tls();

        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("mcp-http");
        jetty = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        config.setRequestHeaderSize(MAX_HEADER_BYTES);
        if (tls) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false); // clients may use 127.0.0.1 with a certificate for localhost
            config.addCustomizer(secure);
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(TlsKeyStores.load(security));
            ssl.setKeyStorePassword(new String(TlsKeyStores.password(security)));
            connector = new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(config));
        } else {
            connector = new ServerConnector(jetty, new HttpConnectionFactory(config));
        }
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(security.idleTimeout().toMillis()); // slow or stalled clients are cut off
        connector.addEventListener(new RequestHeaderDeadline(connector, security.idleTimeout().compareTo(HEADER_DEADLINE) < 0
                ? security.idleTimeout() : HEADER_DEADLINE));
        jetty.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        addFilter(context, new ClientAddressFilter(security.trustedProxies()), "/*");
        addFilter(context, new AccessLogFilter(log), "/*");
        addFilter(context, new SecurityHeadersFilter(), "/*");
        addFilter(context, new MethodFilter(), "/*");
        addFilter(context, drain, "/*");
        addFilter(context, new HostOriginFilter(new OriginPolicy(production, security.allowedOrigins(),
                security.allowedHosts(), host), log), "/*");
        addFilter(context, new CorsFilter(), "/*");
        this.resourceServer = oauth != null && oauth.oauth() ? new ResourceServer(oauth, features.views().toolsets().values()
                .stream().map(Toolset::api).filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()),
                this::url, clock) : null;
        if (tokens != null || resourceServer != null) {
            addFilter(context, new BearerAuthFilter(tokens, resourceServer, new FailedLogins(security.lockoutFailures(),
                    security.lockoutWindow(), security.lockoutDuration(), clock, shared), log, security.queryToken()), "/*");
        }
        // Nobody without a token gets a body read: the size check and the JSON-RPC parse come after authentication.
        // Once parsed, every later refusal can name the request's id.
        addFilter(context, new BodySizeFilter(MAX_REQUEST_BYTES), "/*");
        addFilter(context, new RevisionFilter(revisions), MCP_PATH);
        addFilter(context, new JsonRpcBodyFilter(MAX_REQUEST_BYTES), MCP_PATH);
        ClientRateLimiter requests = new ClientRateLimiter(security.ratePerSecond(), security.rateBurst(), clock,
                shared == null ? null : shared.named("requests"));
        // A tool call weighs what it cost the shared Cisco quota: the request paid for one Cisco call, the rest are charged.
        tools.spend().listen((caller, ciscoRequests) -> requests.charge(caller, ciscoRequests - 1));
        addFilter(context, new RateLimitFilter(requests,
                new ClientRateLimiter(security.newSessionsPerMinute() / 60.0, security.newSessionsPerMinute(), clock,
                        shared == null ? null : shared.named("sessions")), log),
                "/*");
        if (resourceServer != null) {
            addFilter(context, new ScopeFilter(resourceServer, features, log), MCP_PATH);
        }
        sessions = new Sessions(security.sessions(), clock, new TransportSessionCloser(transport, MCP_PATH));
        // The stateless revision has no sessions, refuses removed methods (ping among them) itself, and its error bodies
        // are clean JSON-RPC whose data clients need.
        addFilter(context, legacyOnly(new SessionFilter(sessions, security.sessions().initializeBytes(), log)), MCP_PATH);
        addFilter(context, new ProtocolVersionFilter(revisions), MCP_PATH);
        addFilter(context, legacyOnly(new McpMessageFilter(tools.calls(), new OfferedTools(features, entitlements))),
                MCP_PATH);
        addFilter(context, legacyOnly(new SessionlessPingFilter()), MCP_PATH);
        addFilter(context, legacyOnly(new SdkResponseFilter()), MCP_PATH);
        ServletHolder mcpServlet = new ServletHolder("mcp", new RevisionRouter(transport, stateless));
        mcpServlet.setAsyncSupported(true);
        context.addServlet(mcpServlet, MCP_PATH);
        ServletHolder health = new ServletHolder("health", new HealthServlet(drain::draining));
        context.getServletHandler().addServletWithMapping(health, HealthServlet.READY);
        context.getServletHandler().addServletWithMapping(health, HealthServlet.LIVE);
        if (security.metrics()) {
            metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            Metrics.addRegistry(metrics);
            Meters.liveSessions(metrics, sessions, Sessions::size);
            context.addServlet(new ServletHolder("metrics", new MetricsServlet(metrics)), MetricsServlet.PATH);
        } else {
            metrics = null;
        }
        ServletHolder wellKnown = new ServletHolder("well-known", new WellKnownServlet(resourceServer));
        for (String path : WellKnownServlet.PATHS) {
            context.getServletHandler().addServletWithMapping(wellKnown, path);
        }
        context.setErrorHandler(new JsonErrorHandler(null)); // the access log filter logs these
        // A body that trickles in holds a thread while it is read: any real client sends its (small) request at once,
        // so one slower than this is cut off long before the idle timeout. Bodies are read only after authentication.
        jetty.setHandler(new MinimumDataRateHandler(context, MIN_REQUEST_BYTES_PER_SECOND, 0));
        // Errors Jetty answers before any filter runs (a bad request line, headers too large, an ambiguous path): the
        // same JSON, the same headers, and a log line of their own.
        jetty.setErrorHandler(new JsonErrorHandler(log));
        // No graceful stop of Jetty's own: shutdown() has drained the requests in flight, and Jetty would only wait for
        // idle keep-alive connections to close (a second or more per stop, for nothing).
        jetty.setStopTimeout(0);
    }

    public McpHttpServer start() throws Exception {
        jetty.start();
        // Idle sessions are also closed when a request finds them or a new session is admitted; the timer frees the
        // memory of those nobody comes back to.
        sweeper.scheduleWithFixedDelay(sessions::closeIdle, 1, 1, TimeUnit.MINUTES);
        return this;
    }

    /** The URL clients connect to. */
    public URI url() {
        String host = connector.getHost();
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return URI.create((tls ? "https" : "http") + "://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":"
                + connector.getLocalPort() + MCP_PATH);
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    /**
     * Stops taking requests (new ones get 503), waits up to {@code grace} for those in flight to be answered,
     * then closes the sessions and stops.
     */
    public void shutdown(Duration grace) {
        try {
            if (!drain.drain(grace)) {
                LOG.warn("Stopping with requests still in flight after {} s", grace.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        if (metrics != null) {
            Metrics.removeRegistry(metrics);
            metrics.close();
        }
        mcp.closeGracefully();
        if (stateless != null) {
            stateless.closeGracefully(); // ends the subscription streams
        }
        try {
            jetty.stop();
        } catch (Exception e) {
            // stopping: nothing useful to do with a failure
        }
    }

    /** Every filter in front of the SSE transport must be async-capable, or the first SSE use fails with 500. */
    private static void addFilter(ServletContextHandler context, Filter filter, String path) {
        FilterHolder holder = new FilterHolder(filter);
        holder.setAsyncSupported(true);
        context.addFilter(holder, path, EnumSet.of(DispatcherType.REQUEST));
    }

    /**
     * Who is calling, for the tools' logs and per-caller data. Absent values are left out: the SDK copies the map
     * with {@code Map.copyOf}, which throws on a null (a request without User-Agent, or any request with
     * authentication off, was answered 500 until FuzzIT's neighbour, the conformance run, showed it).
     */
    static McpTransportContext transportContext(HttpServletRequest request) {
        Map<String, Object> values = new HashMap<>();
        putIfPresent(values, "principal", request.getAttribute(BearerAuthFilter.PRINCIPAL));
        putIfPresent(values, "caller", request.getAttribute(BearerAuthFilter.CALLER));
        putIfPresent(values, ToolViews.GRANTED_APIS, request.getAttribute(ScopeFilter.GRANTED_APIS));
        putIfPresent(values, "ip", request.getRemoteAddr());
        putIfPresent(values, "userAgent", request.getHeader("User-Agent"));
        putIfPresent(values, "requestId", request.getAttribute(JsonRpcBodyFilter.REQUEST_ID));
        putIfPresent(values, ToolViews.TOOLSETS, request.getHeader(ToolViews.TOOLSETS_HEADER));
        putIfPresent(values, ToolViews.SESSION, request.getHeader("Mcp-Session-Id"));
        return McpTransportContext.create(values);
    }

    private static void putIfPresent(Map<String, Object> values, String key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
