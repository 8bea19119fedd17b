package dev.ciscosupport.mcp.cli;

import dev.ciscosupport.mcp.cisco.CiscoGateway;
import dev.ciscosupport.mcp.cisco.CiscoHttp;
import dev.ciscosupport.mcp.cisco.CiscoTokenSource;
import dev.ciscosupport.mcp.cisco.resilience.QuotaLimiter;
import dev.ciscosupport.mcp.cisco.resilience.TimeSource;
import dev.ciscosupport.mcp.cisco.serial.SerialApi;
import dev.ciscosupport.mcp.cluster.Redis;
import dev.ciscosupport.mcp.cluster.SharedLimits;
import dev.ciscosupport.mcp.cluster.SharedTurns;
import dev.ciscosupport.mcp.config.CliOptions;
import dev.ciscosupport.mcp.config.DeploymentChecks;
import dev.ciscosupport.mcp.config.DotEnvFile;
import dev.ciscosupport.mcp.config.Quota;
import dev.ciscosupport.mcp.config.ServerVersion;
import dev.ciscosupport.mcp.config.Settings;
import dev.ciscosupport.mcp.config.SettingsException;
import dev.ciscosupport.mcp.config.SettingsLoader;
import dev.ciscosupport.mcp.config.SmartBondingSettings;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.config.ToolSelection;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import dev.ciscosupport.mcp.security.SecurityLog;
import dev.ciscosupport.mcp.security.TokenGenerator;
import dev.ciscosupport.mcp.server.EntitlementMemory;
import dev.ciscosupport.mcp.server.Entitlements;
import dev.ciscosupport.mcp.server.McpServers;
import dev.ciscosupport.mcp.server.ServerExtension;
import dev.ciscosupport.mcp.server.ServerFeatures;
import dev.ciscosupport.mcp.server.StdioServer;
import dev.ciscosupport.mcp.session.CancellableCalls;
import dev.ciscosupport.mcp.session.ClientNotices;
import dev.ciscosupport.mcp.session.SeenValues;
import dev.ciscosupport.mcp.smartbonding.SmartBonding;
import dev.ciscosupport.mcp.smartbonding.SmartBondingClient;
import dev.ciscosupport.mcp.smartbonding.UploadCredentials;
import dev.ciscosupport.mcp.tools.ApiTools;
import dev.ciscosupport.mcp.tools.DataSource;
import dev.ciscosupport.mcp.tools.ToolCatalog;
import dev.ciscosupport.mcp.tools.ToolContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The command line: parses flags, loads settings, wires the parts by hand and serves stdio or HTTP. */
@Command(name = "cisco-support-mcp", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = SandboxCommand.class, sortOptions = false,
        description = "MCP server for Cisco's Support APIs. Serves stdio by default; --http serves Streamable HTTP.")
public final class Main implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @Option(names = "--http", description = "Serve MCP over Streamable HTTP at /mcp instead of stdio.")
    Boolean http;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default 3000, or PORT).")
    Integer port;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to bind in HTTP mode (default 127.0.0.1, or HOST).")
    String host;

    @Option(names = "--sandbox", description = "Answer from the embedded Cisco sandbox: simulated data, no Cisco account needed.")
    Boolean sandbox;

    @Option(names = "--toolsets", paramLabel = "LIST", description = "Tools to list: a comma list of core, bug, analysis,"
            + " sampling, psirt, eox, product, serial, software, case, rma, or all (default all, or MCP_TOOLSETS).")
    String toolsets;

    @Option(names = "--dynamic-toolsets", description = "Each session starts with the core lookups (or --toolsets) and"
            + " its model enables more with enable_toolset (or MCP_DYNAMIC_TOOLSETS=true).")
    Boolean dynamicToolsets;

    @Option(names = "--generate-token", description = "Print a new random bearer token on stdout and exit.")
    boolean generateToken;

    public static void main(String[] args) {
        JettyPadding.settle();
        // Exit explicitly: the SDK's and Jetty's threads would otherwise keep the JVM alive.
        System.exit(args.length == 0 ? withoutArguments() : commandLine().execute(args));
    }

    /**
     * The most common start (a desktop client runs the server with no arguments) has nothing to parse, so it does not
     * load picocli, whose classes cost 60-100 ms before the first answer. A failure ends as picocli's would: its stack
     * trace on stderr, exit code 1.
     */
    private static int withoutArguments() {
        try {
            return new Main().call();
        } catch (Exception e) {
            e.printStackTrace();
            return 1;
        }
    }

    /** The command line as {@code --help} shows it: the flags, then every setting, from the one table that reads them. */
    static CommandLine commandLine() {
        CommandLine command = new CommandLine(new Main()).setParameterExceptionHandler(Main::badArgument);
        // The settings' lines only when the help is shown: writing them cost every start with a flag ~16 ms.
        command.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, help -> {
            // picocli reads the footer as a format: a % is doubled.
            help.commandSpec().usageMessage().footer(SettingsHelp.lines().stream().map(l -> l.replace("%", "%%"))
                    .toArray(String[]::new));
            return help.footer();
        });
        return command;
    }

    /** A wrong flag is one line, like a wrong setting: what is wrong and where the usage is, not the whole usage. */
    private static int badArgument(CommandLine.ParameterException e, String[] args) {
        System.err.println("cisco-support-mcp: " + e.getMessage() + " (see --help).");
        return 2;
    }

    @Override
    public Integer call() throws Exception {
        if (generateToken) {
            System.out.println(TokenGenerator.generate());
            System.out.flush();
            System.err.println("Use it with: export MCP_BEARER_TOKEN=<the token above>, or put MCP_BEARER_TOKEN=... in .env;"
                    + " clients send it as 'Authorization: Bearer <token>'.");
            return 0;
        }
        HeadStart.begin();
        Settings settings;
        SettingsLoader loader = new SettingsLoader(System::getenv, DotEnvFile.read(Path.of(".env")));
        try {
            settings = loader.load(new CliOptions(http, host, port, sandbox, toolsets, dynamicToolsets));
        } catch (SettingsException e) {
            System.err.println("cisco-support-mcp: " + e.getMessage());
            return 2;
        }
        LogSetup.apply(settings.log());
        List<String> given = loader.summary();
        LOG.info(given.isEmpty() ? "Settings: all at their defaults (--help lists them)"
                : "Settings given: " + String.join(", ", given) + "; the others at their defaults (--help lists them)");
        if (DeploymentChecks.enforce(settings, System.err) != 0) {
            return 2;
        }
        SandboxServer sandboxServer = null;
        if (settings.sandbox()) {
            sandboxServer = SandboxServer.startOnLoopback();
            settings = settings.withCisco(sandboxServer.apiBaseUrl(), sandboxServer.tokenUrl(), SandboxServer.CLIENT_ID,
                    SandboxServer.CLIENT_SECRET);
        }
        // Over HTTP a line per request: written in batches by a thread of its own, not by the request's.
        SecurityLog log = settings.http()
                ? SecurityLog.batched(System.err, settings.security().securityLogFile(), InstantSource.system())
                : new SecurityLog(System.err, settings.security().securityLogFile(), InstantSource.system());
        // Replicas share through Redis; the connection is made on first use, so a start never waits for it.
        Redis redis = settings.shared().enabled() ? new Redis(settings.shared().redisUrl(), settings.shared().keyPrefix(),
                settings.ciscoClientId()) : null;
        // One HTTP client for every request to Cisco (the Support APIs, Smart Bonding, their token endpoints).
        CiscoHttp http = new CiscoHttp(Duration.ofSeconds(10));
        CiscoGateway gateway = gateway(settings, http, redis);
        SeenValues seen = new SeenValues();
        CancellableCalls calls = new CancellableCalls();
        ClientNotices notices = new ClientNotices();
        ToolContext context = new ToolContext(settings.sandbox() ? DataSource.SANDBOX : DataSource.CISCO, log, seen, calls,
                notices, settings.upstream().callDeadline(), TimeSource.SYSTEM);
        ToolSelection offered = settings.tools().offered();
        Optional<SmartBonding> smartBonding = offered.apis().contains(SupportApi.SMART_BONDING)
                ? Optional.of(smartBonding(settings, http, sandboxServer, redis)) : Optional.empty();
        List<ApiTools> apis = ToolCatalog.forApis(offered, gateway, context, settings.fleet(), smartBonding);
        // The sandbox listens on a new port at every start: nothing found there is worth keeping.
        Entitlements entitlements = new Entitlements(apis, notices, settings.sandbox() ? EntitlementMemory.none()
                : EntitlementMemory.in(settings.cacheFolder(), settings.ciscoClientId(), settings.ciscoApiBaseUrl(),
                        InstantSource.system()));
        gateway.onNotEntitled(entitlements::notEntitled);
        ServerFeatures features = ServerFeatures.of(apis, offered.promptApis(), new SerialApi(gateway), seen,
                entitlements, settings.tools().dynamic() ? settings.tools().toolsets() : null, context);
        if (settings.conformanceFixtures()) {
            List<ServerExtension> fixtures = ServiceLoader.load(ServerExtension.class).stream().map(ServiceLoader.Provider::get)
                    .toList();
            if (fixtures.isEmpty()) {
                System.err.println("cisco-support-mcp: MCP_CONFORMANCE_FIXTURES=true needs the test fixtures on the class"
                        + " path; they are not part of the released jar (the conformance tests put them there).");
                return 2;
            }
            LOG.warn("MCP_CONFORMANCE_FIXTURES=true: serving the MCP conformance suite's test fixtures beside the real tools");
            for (ServerExtension extension : fixtures) {
                features = extension.extend(features);
            }
        }
        try {
            return settings.http() ? HttpMode.serve(settings, features, entitlements, log, context,
                    redis == null ? null : new SharedLimits(redis))
                    : serveStdio(settings, features, entitlements, calls, http);
        } finally {
            log.close();
            entitlements.close(); // background probes stop before the sandbox they may be talking to
            if (sandboxServer != null) {
                sandboxServer.close();
            }
        }
    }

    private static CiscoGateway gateway(Settings settings, CiscoHttp http, Redis redis) {
        settings.missingCredentials().ifPresent(names -> LOG.warn(
                "{} not set: the tools are listed, but every call will answer that credentials are missing", names));
        CiscoTokenSource tokens = new CiscoTokenSource(http, settings.ciscoTokenUrl(), settings.ciscoClientId(),
                settings.ciscoClientSecret(), InstantSource.system(), settings.upstream().timeout());
        return new CiscoGateway(http, settings.ciscoApiBaseUrl(), tokens, settings.missingCredentials(), settings.upstream(),
                TimeSource.SYSTEM, redis, settings.shared().replicas());
    }

    /**
     * Smart Bonding's own client: its hosts (or the sandbox's), its own credentials and token, its own quota
     * ({@code CISCO_QUOTA_SMART_BONDING}), shared by the replicas through Redis as the Support APIs' are.
     */
    private static SmartBonding smartBonding(Settings settings, CiscoHttp http, SandboxServer sandbox, Redis redis) {
        SmartBondingSettings bonding = settings.smartBonding();
        boolean local = sandbox != null;
        Optional<String> missing = local ? Optional.empty() : bonding.missingCredentials();
        missing.ifPresent(names -> LOG.warn("{} not set: the Smart Bonding tools are listed, but every call will answer that"
                + " credentials are missing", names));
        CiscoTokenSource tokens = new CiscoTokenSource(http, local ? sandbox.tokenUrl() : bonding.tokenUrl(),
                local ? SandboxServer.CLIENT_ID : bonding.clientId(), local ? SandboxServer.CLIENT_SECRET : bonding.clientSecret(),
                InstantSource.system(), settings.upstream().timeout(), CiscoTokenSource.Settings.SMART_BONDING);
        Quota own = settings.upstream().quotas().get(SupportApi.SMART_BONDING);
        Map<SupportApi, Quota> quota = own == null ? Map.of() : Map.of(SupportApi.SMART_BONDING, own);
        SmartBondingClient client = new SmartBondingClient(http, local ? sandbox.smartBondingBase() : bonding.apiBase(),
                local ? sandbox.apiBaseUrl() : bonding.uploadBase(), tokens, missing,
                new QuotaLimiter(quota, settings.upstream().quotaWait(), TimeSource.SYSTEM,
                        redis == null ? null : new SharedTurns(redis), settings.shared().replicas()),
                settings.upstream().timeout());
        return new SmartBonding(client, new UploadCredentials(InstantSource.system()),
                local ? "sandbox" : bonding.environment(), bonding.unattendedWrites(),
                bonding.maxUploadBytes());
    }

    private static int serveStdio(Settings settings, ServerFeatures features, Entitlements entitlements,
            CancellableCalls calls, CiscoHttp http)
            throws InterruptedException, java.io.IOException {
        if (System.console() != null) {
            ConnectionHints.stdio(System.err, settings.sandbox());
        }
        LOG.info("{} {} serving MCP over stdio with {} tools", ServerVersion.NAME, ServerVersion.VALUE, features.toolNames().size());
        // The entitlement check waits for the client's initialized notification, so withdrawals reach it (a stateless
        // client's first message starts it). The client for Cisco and the arguments' validator start then too, in the
        // background, so that the session's first tool call does not wait for them, nor, when the Support APIs are
        // reached over https, for the client's TLS set-up. Without credentials nothing is ever sent, and neither is
        // needed.
        Runnable initialized = settings.missingCredentials().isPresent() ? () -> { } : () -> {
            McpServers.prepareValidating();
            http.startInBackground("https".equalsIgnoreCase(settings.ciscoApiBaseUrl().getScheme()));
            if (settings.entitlementCheck()) {
                entitlements.checkInBackground();
            }
        };
        StdioServer.run(System.in, System.out, features, entitlements, initialized, settings.shutdownGrace(), calls,
                settings.revisions());
        return 0;
    }
}
