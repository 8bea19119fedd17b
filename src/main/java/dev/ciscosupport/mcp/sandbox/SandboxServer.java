package dev.ciscosupport.mcp.sandbox;

import java.net.URI;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An embedded stand-in for Cisco: the OAuth2 token endpoint and the Support APIs, answering with
 * Cisco's exact wire format over seeded data. It checks client credentials and bearer tokens as Cisco
 * does, counts what it receives, and injects faults on request. For {@code --sandbox}, tests,
 * demos and benchmarks; it listens on loopback by default.
 */
public final class SandboxServer implements AutoCloseable {
    public static final String CLIENT_ID = "sandbox-client-id";
    public static final String CLIENT_SECRET = "sandbox-client-secret";
    /** The same seed every run: the same bug IDs and texts every run. */
    static final long SEED = 20231015L;

    private final Server jetty;
    private final ServerConnector connector;
    private final Faults faults = new Faults();
    private final RequestLog log = new RequestLog();
    private final SandboxTokens tokens;
    private final EoxCatalog eox = new EoxCatalog(SEED);
    private final Entitlements entitlements = new Entitlements();
    private final BugCatalog bugCatalog;
    private final SmartBondingSandbox smartBonding;

    private SandboxServer(String host, int port, InstantSource clock) {
        this.tokens = new SandboxTokens(clock);
        BugCatalog catalog = new BugCatalog(SEED, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        this.bugCatalog = catalog;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        CoverageCatalog coverage = new CoverageCatalog(SEED, eox, today);
        CaseCatalog caseCatalog = new CaseCatalog(SEED, eox, coverage, catalog,
                clock.instant().atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0));
        CaseEndpoints cases = new CaseEndpoints(caseCatalog);
        this.smartBonding = new SmartBondingSandbox(tokens, clock);
        SandboxServlet servlet = new SandboxServlet(new TokenEndpoint(CLIENT_ID, CLIENT_SECRET, tokens), tokens,
                new BugEndpoints(catalog), new EoxEndpoints(eox),
                new PsirtEndpoints(new PsirtCatalog(SEED, catalog), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear()),
                new SerialEndpoints(coverage),
                new ProductInfoEndpoints(eox, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)), faults, log,
                entitlements, cases, new RmaEndpoints(caseCatalog, today), smartBonding);

        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("sandbox");
        threads.setDaemon(true);
        jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // Cisco IDs such as ISR4431/K9 travel as ISR4431%2FK9 inside one path segment.
        http.setUriCompliance(UriCompliance.LEGACY);
        connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        context.addServlet(new ServletHolder("cisco", servlet), "/*");
        jetty.setHandler(context);
    }

    /** Starts a sandbox on {@code host:port} (port 0 picks a free one). */
    public static SandboxServer start(String host, int port, InstantSource clock) {
        SandboxServer sandbox = new SandboxServer(host, port, clock);
        try {
            sandbox.jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException("The Cisco sandbox could not listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return sandbox;
    }

    public static SandboxServer startOnLoopback() {
        return start("127.0.0.1", 0, InstantSource.system());
    }

    /** What {@code CISCO_API_BASE_URL} should be to use this sandbox. */
    public URI apiBaseUrl() {
        return URI.create("http://" + hostForUrl() + ":" + connector.getLocalPort());
    }

    /** What {@code CISCO_TOKEN_URL} should be to use this sandbox. */
    public URI tokenUrl() {
        return URI.create(apiBaseUrl() + SandboxServlet.TOKEN_PATH);
    }

    /** Where the sandbox's Smart Bonding API is (its file drive is at {@link #apiBaseUrl()}{@code /home/}). */
    public URI smartBondingBase() {
        return URI.create(apiBaseUrl() + SmartBondingSandbox.API_PREFIX);
    }

    /** The next Smart Bonding request (API or file drive) is answered with {@code status} and Cisco's error body. */
    public void failNextSmartBonding(int status) {
        smartBonding.failNext(status);
    }

    /** Every Smart Bonding request received: method, path, correlation ID, kind of credentials. */
    public java.util.List<SmartBondingRequest> smartBondingRequests() {
        return smartBonding.requests().stream().map(s -> new SmartBondingRequest(s.method(), s.path(), s.correlationId(),
                s.authorization())).toList();
    }

    /** The files the sandbox's file drive holds for TAC case {@code ciscoCase}. */
    public java.util.Set<String> smartBondingFiles(String ciscoCase) {
        return smartBonding.files(ciscoCase);
    }

    /** A Smart Bonding request as the sandbox saw it ({@code authorization}: "Bearer", "Basic" or ""). */
    public record SmartBondingRequest(String method, String path, String correlationId, String authorization) {
    }

    public Faults faults() {
        return faults;
    }

    public RequestLog requests() {
        return log;
    }

    /** The sandbox's bugs, ID to headline, in a fixed order: values to try the tools with and to check answers against. */
    public java.util.Map<String, String> bugHeadlines() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        bugCatalog.all().forEach(b -> out.put(b.bugId(), b.headline()));
        return out;
    }

    /** The serial numbers of the sandbox's units in the field, with their product IDs: values to try the tools with. */
    public java.util.Map<String, String> serialNumbers() {
        return eox.serials();
    }

    /**
     * The credentials are entitled only to these APIs (bug, case, eox, psirt, product, serial, rma, software);
     * calls to the others get the gateway's 403 Not Authorized. Null: entitled to all (the default).
     */
    public void entitleOnly(java.util.Collection<String> apis) {
        entitlements.only(apis);
    }

    /** Every access token issued so far stops working, as if it had expired. */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    private String hostForUrl() {
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "127.0.0.1" : connector.getHost();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            // stopping a server we started: nothing useful to do with a failure here
        }
    }
}
