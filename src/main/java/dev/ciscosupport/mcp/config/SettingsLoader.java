package dev.ciscosupport.mcp.config;

import static dev.ciscosupport.mcp.config.SettingsTable.*;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds {@link Settings} from the command line, then the environment, then a {@code .env} file, then the defaults
 * of {@link SettingsTable}. Empty values count as unset. A bad value stops the start with one line that names the
 * variable and what it accepts; every setting is read by its table entry's type and range, so an integer setting
 * refuses {@code 1.9} instead of reading 1.
 */
public final class SettingsLoader {
    private final Function<String, String> environment;
    private final Map<String, String> dotEnv;
    /** Where each setting read so far came from, when not from its default: for the start-up summary. */
    private final Map<Setting, String> given = new LinkedHashMap<>();

    /**
     * @param environment reads a variable of the process environment ({@code System::getenv} in production)
     * @param dotEnv      the variables of the {@code .env} file, already read
     */
    public SettingsLoader(Function<String, String> environment, Map<String, String> dotEnv) {
        this.environment = environment;
        this.dotEnv = Map.copyOf(dotEnv);
    }

    /** The defaults alone: what a server started with an empty environment and no flags would use. */
    static SettingsLoader defaults() {
        return new SettingsLoader(name -> null, Map.of());
    }

    public Settings load(CliOptions cli) {
        boolean http = cli.http() != null ? cli.http() : false;
        String host = cli.host() != null ? nonBlank(cli.host()) : null;
        Integer port = cli.port() != null ? cli.port() : null;
        if (port != null && (port < PORT.min() || port > PORT.max())) {
            throw new SettingsException("--port must be " + PORT.accepts() + " (got " + port + ").");
        }
        boolean sandbox = cli.sandbox() != null && cli.sandbox();
        return new Settings(
                http,
                host != null ? host : text(HOST),
                port != null ? port : whole(PORT),
                sandbox,
                text(CISCO_CLIENT_ID),
                text(CISCO_CLIENT_SECRET),
                tools(cli),
                security(),
                flag(DANGEROUSLY_OMIT_AUTH),
                choice(NODE_ENV),
                url(CISCO_API_BASE_URL),
                url(CISCO_TOKEN_URL),
                flag(CISCO_ENTITLEMENT_CHECK),
                cacheFolder(),
                upstream(),
                Duration.ofSeconds(whole(MCP_SHUTDOWN_GRACE_SECONDS)),
                conformanceFixtures(),
                ProtocolRevisions.parse(choice(MCP_PROTOCOL_REVISIONS), text(MCP_REQUEST_STATE_KEY)),
                new LogSettings(choice(CISCO_MCP_LOG_LEVEL).toUpperCase(Locale.ROOT),
                        choice(CISCO_MCP_LOG_FORMAT).equals("json")),
                oauth(),
                new SharedSettings(sharedRedis(), text(REDIS_KEY_PREFIX), whole(CISCO_QUOTA_REPLICAS)),
                fleet(),
                smartBonding());
    }

    /** {@code REDIS_URL}: redis:// or rediss:// (TLS); never echoed, since it may carry a password. */
    private String sharedRedis() {
        String url = text(REDIS_URL);
        if (url != null && !url.matches("(?i)rediss?://\\S+")) {
            throw new SettingsException("REDIS_URL must be a redis:// or rediss:// (TLS) URL such as"
                    + " redis://user:password@redis.example.com:6379/0 (the value given is not shown: it may hold a password).");
        }
        return url;
    }

    /** {@code MCP_AUTH} and the identity provider's settings; oauth or both without an issuer stops the start. */
    OAuthSettings oauth() {
        // The TypeScript server's own authorization server (AUTH_TYPE=oauth2.1) has no counterpart: say what does.
        String typeScriptAuth = nonBlank(environment.apply("AUTH_TYPE"));
        if (typeScriptAuth != null && typeScriptAuth.strip().equalsIgnoreCase("oauth2.1")) {
            throw new SettingsException("AUTH_TYPE=oauth2.1 (the TypeScript server's own sign-in page) is not offered: this"
                    + " server signs people in with the company's identity provider instead. Set MCP_AUTH=oauth and"
                    + " MCP_OAUTH_ISSUER (README, \"Sign-in with the company's identity provider\"), or unset AUTH_TYPE.");
        }
        OAuthSettings.Mode mode = OAuthSettings.Mode.valueOf(choice(MCP_AUTH).toUpperCase(Locale.ROOT));
        List<URI> issuers = list(MCP_OAUTH_ISSUER).stream().map(SettingsLoader::issuer).toList();
        if (mode != OAuthSettings.Mode.BEARER && issuers.isEmpty()) {
            throw new SettingsException("MCP_AUTH=" + choice(MCP_AUTH) + " needs MCP_OAUTH_ISSUER: the issuer URL of the"
                    + " identity provider whose tokens are accepted, such as https://login.example.com/realms/network.");
        }
        String clientId = text(MCP_OAUTH_CLIENT_ID);
        String clientSecret = text(MCP_OAUTH_CLIENT_SECRET);
        if ((clientId == null) != (clientSecret == null)) {
            throw new SettingsException("MCP_OAUTH_CLIENT_ID and MCP_OAUTH_CLIENT_SECRET go together: set both (for token"
                    + " introspection) or neither.");
        }
        return new OAuthSettings(mode, issuers, raw(MCP_OAUTH_RESOURCE) == null ? null : url(MCP_OAUTH_RESOURCE),
                list(MCP_OAUTH_AUDIENCE), text(MCP_OAUTH_SCOPE_PREFIX), flag(MCP_OAUTH_API_SCOPES), text(MCP_OAUTH_NAME_CLAIM),
                Duration.ofSeconds(whole(MCP_OAUTH_CLOCK_SKEW_SECONDS)), clientId, clientSecret);
    }

    /**
     * An issuer as its tokens' {@code iss} claim spells it, kept exactly (a trailing slash included, as some providers
     * have one): https, or http on a loopback address (a provider on the same machine, as in tests).
     */
    private static URI issuer(String text) {
        String problem = "MCP_OAUTH_ISSUER must list issuer URLs such as https://login.example.com/realms/network"
                + " (https; http only on loopback), comma-separated (got " + (text.contains("@")
                        ? "a URL with credentials in it" : "\"" + printable(text) + "\"") + ").";
        try {
            URI uri = new URI(text);
            if (!DeploymentChecks.secureOrLoopback(uri) || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                throw new SettingsException(problem);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new SettingsException(problem);
        }
    }

    /**
     * The settings that were given, with where from, secrets as "(set)": {@code SUPPORT_API=bug,psirt (environment)}.
     * Read after {@link #load}.
     */
    public List<String> summary() {
        return given.entrySet().stream().map(e -> e.getKey().name() + "="
                + (e.getKey().secret() ? "(set)" : printable(raw(e.getKey()))) + " (" + e.getValue() + ")").toList();
    }

    /**
     * {@code SUPPORT_API}, {@code MCP_TOOLSETS} and {@code MCP_DYNAMIC_TOOLSETS}: with dynamic toolsets a session
     * starts with the core lookups unless MCP_TOOLSETS says otherwise.
     */
    private ToolSelection tools(CliOptions cli) {
        boolean dynamic = cli.dynamicToolsets() != null ? cli.dynamicToolsets() : flag(MCP_DYNAMIC_TOOLSETS);
        String toolsets = cli.toolsets() != null ? cli.toolsets()
                : dynamic && raw(MCP_TOOLSETS) == null ? Toolset.CORE.settingName() : text(MCP_TOOLSETS);
        ToolSelection selection = supportApis(text(SUPPORT_API)).withToolsets(Toolset.parse(toolsets));
        return dynamic ? selection.dynamically() : selection;
    }

    /** {@code CISCO_MCP_CACHE}, else the user's cache folder as the XDG base directories say; null with neither. */
    private Path cacheFolder() {
        String set = text(CISCO_MCP_CACHE);
        if (set != null) {
            return Path.of(set);
        }
        String xdg = nonBlank(environment.apply("XDG_CACHE_HOME"));
        String home = nonBlank(environment.apply("HOME"));
        return xdg != null ? Path.of(xdg, "cisco-support-mcp") : home != null ? Path.of(home, ".cache", "cisco-support-mcp")
                : null;
    }

    /** Test-only fixtures; a production server must never answer with them. */
    private boolean conformanceFixtures() {
        boolean on = flag(MCP_CONFORMANCE_FIXTURES);
        if (on && "production".equals(choice(NODE_ENV))) {
            throw new SettingsException("MCP_CONFORMANCE_FIXTURES=true is for the conformance test run only and is refused"
                    + " when NODE_ENV=production.");
        }
        return on;
    }

    SmartBondingSettings smartBonding() {
        return new SmartBondingSettings(text(SMART_BONDING_CLIENT_ID), text(SMART_BONDING_CLIENT_SECRET),
                choice(SMART_BONDING_ENV).equals("staging"), flag(SMART_BONDING_UNATTENDED_WRITES),
                whole(SMART_BONDING_MAX_UPLOAD_MB) * 1024L * 1024L, optionalUrl(SMART_BONDING_API_URL),
                optionalUrl(SMART_BONDING_TOKEN_URL), optionalUrl(SMART_BONDING_UPLOAD_URL));
    }

    FleetSettings fleet() {
        return new FleetSettings(Duration.ofSeconds(whole(FLEET_CONFIRM_SECONDS)), whole(FLEET_UNATTENDED_MAX_CALLS),
                whole(FLEET_MAX_DEVICES), Duration.ofMinutes(whole(FLEET_REPORT_MINUTES)));
    }

    Upstream upstream() {
        Quota everyApi = quota(CISCO_QUOTA);
        Map<SupportApi, Quota> quotas = new EnumMap<>(SupportApi.class);
        Map<SupportApi, Duration> ttl = new EnumMap<>(SupportApi.class);
        for (SupportApi api : SupportApi.values()) {
            Setting own = CISCO_QUOTA_API.get(api);
            quotas.put(api, everyApi != null && raw(own) == null ? everyApi : quota(own));
            Setting cached = CISCO_CACHE_TTL_API.get(api);
            ttl.put(api, cached == null ? Duration.ZERO : Duration.ofSeconds(whole(cached)));
        }
        return new Upstream(
                Duration.ofSeconds(whole(CISCO_TIMEOUT_SECONDS)),
                whole(CISCO_RETRIES),
                Duration.ofSeconds(whole(CISCO_RETRY_BUDGET_SECONDS)),
                quotas,
                Duration.ofSeconds(whole(CISCO_QUOTA_MAX_WAIT_SECONDS)),
                ttl,
                whole(CISCO_CACHE_MB),
                whole(CISCO_BREAKER_FAILURES),
                Duration.ofSeconds(whole(CISCO_BREAKER_OPEN_SECONDS)),
                Duration.ofSeconds(whole(CISCO_CALL_DEADLINE_SECONDS)));
    }

    /** The value someone set (the environment first, then {@code .env}), trimmed; null when unset or blank. */
    private String raw(Setting setting) {
        String fromEnv = nonBlank(environment.apply(setting.name()));
        return fromEnv != null ? fromEnv : nonBlank(dotEnv.get(setting.name()));
    }

    /** The value set, or the table's default; notes where a set value came from. */
    private String value(Setting setting) {
        String fromEnv = nonBlank(environment.apply(setting.name()));
        if (fromEnv != null) {
            given.put(setting, "environment");
            return fromEnv;
        }
        String fromFile = nonBlank(dotEnv.get(setting.name()));
        if (fromFile != null) {
            given.put(setting, ".env");
            return fromFile;
        }
        return setting.fallback();
    }

    private String text(Setting setting) {
        return value(setting);
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** What a bad value gets: the variable, what it takes, and what was given (printable, shortened). */
    private static SettingsException refused(Setting setting, String text) {
        return new SettingsException(setting.name() + " must be " + setting.accepts() + " (got \"" + printable(text) + "\").");
    }

    /** {@code SUPPORT_API}: the APIs, and the TypeScript server's extra values (see {@link ToolSelection}). */
    static ToolSelection supportApis(String text) {
        if (text == null) {
            return ToolSelection.everything(); // tools of APIs the Cisco app is not entitled to are withdrawn
        }
        EnumSet<SupportApi> apis = EnumSet.noneOf(SupportApi.class);
        EnumSet<ToolSelection.BugTools> bugTools = EnumSet.noneOf(ToolSelection.BugTools.class);
        for (String raw : text.split(",")) {
            String name = raw.strip().toLowerCase(java.util.Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            switch (name) {
                case "all" -> {
                    apis.addAll(SupportApi.all());
                    bugTools.addAll(EnumSet.allOf(ToolSelection.BugTools.class));
                }
                case "enhanced_analysis" -> {
                    apis.add(SupportApi.BUG);
                    bugTools.add(ToolSelection.BugTools.ANALYSIS);
                }
                case "sampling" -> {
                    apis.add(SupportApi.BUG);
                    bugTools.add(ToolSelection.BugTools.SAMPLING);
                }
                default -> {
                    SupportApi api = SupportApi.fromSettingName(name).orElseThrow(() -> new SettingsException(
                            "SUPPORT_API: unknown API \"" + printable(raw.strip()) + "\"; use a comma list of "
                                    + SupportApi.allSettingNames() + ", enhanced_analysis, sampling, or all."));
                    apis.add(api);
                    if (api == SupportApi.BUG) {
                        bugTools.addAll(EnumSet.allOf(ToolSelection.BugTools.class));
                    }
                }
            }
        }
        if (apis.isEmpty()) {
            throw new SettingsException("SUPPORT_API names no API this server offers; use a comma list of "
                    + SupportApi.allSettingNames() + ", enhanced_analysis, sampling, or all.");
        }
        return new ToolSelection(apis, bugTools);
    }

    HttpSecurity security() {
        return new HttpSecurity(
                list(MCP_BEARER_TOKEN),
                path(MCP_BEARER_TOKEN_FILE),
                // A token in a URL ends up in proxies' and browsers' logs: production takes it only when told to.
                raw(MCP_ALLOW_QUERY_TOKEN) == null && "production".equals(choice(NODE_ENV)) ? false
                        : flag(MCP_ALLOW_QUERY_TOKEN),
                origins(list(MCP_ALLOWED_ORIGINS)),
                list(MCP_ALLOWED_HOSTS).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList(),
                decimal(MCP_RATE_LIMIT),
                whole(MCP_RATE_BURST),
                whole(MCP_MAX_NEW_SESSIONS_PER_MINUTE),
                whole(MCP_LOCKOUT_FAILURES),
                Duration.ofSeconds(whole(MCP_LOCKOUT_WINDOW_SECONDS)),
                Duration.ofSeconds(whole(MCP_LOCKOUT_SECONDS)),
                path(MCP_TLS_CERT),
                path(MCP_TLS_KEY),
                path(MCP_TLS_KEYSTORE),
                text(MCP_TLS_KEYSTORE_PASSWORD),
                appendableFile(MCP_SECURITY_LOG_FILE),
                Duration.ofSeconds(whole(MCP_IDLE_TIMEOUT_SECONDS)),
                new SessionLimits(
                        Duration.ofMinutes(whole(MCP_SESSION_IDLE_MINUTES)),
                        whole(MCP_MAX_SESSIONS),
                        whole(MCP_MAX_SESSIONS_PER_CLIENT),
                        SessionLimits.INITIALIZE_BYTES),
                flag(MCP_TLS_OFFLOADED),
                flag(MCP_METRICS),
                trustedProxies());
    }

    /** {@code MCP_TRUSTED_PROXIES}: IP addresses or CIDR ranges, never host names (which would be looked up). */
    private List<String> trustedProxies() {
        List<String> proxies = list(MCP_TRUSTED_PROXIES);
        for (String proxy : proxies) {
            if (!proxy.matches("[0-9.]+(/[0-9]{1,2})?|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(/[0-9]{1,3})?")) {
                throw new SettingsException("MCP_TRUSTED_PROXIES must list IP addresses or CIDR ranges of the load"
                        + " balancers in front, such as 10.0.0.5,10.1.0.0/16 (got \"" + printable(proxy) + "\").");
            }
        }
        return proxies;
    }

    /** A comma-separated list; blank items dropped. */
    private List<String> list(Setting setting) {
        String text = value(setting);
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private Path path(Setting setting) {
        String text = value(setting);
        return text == null ? null : Path.of(text);
    }

    /**
     * A file this process can append to, or create in an existing folder it can write: checked at the start, because
     * whoever set it watches that file, and a server that could not write there would keep its security events from
     * them and say so only on stderr. (Should the file become unwritable later, each line that fails is still said on
     * stderr.)
     */
    private Path appendableFile(Setting setting) {
        Path file = path(setting);
        if (file == null) {
            return null;
        }
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        boolean appendable = Files.exists(absolute) ? Files.isRegularFile(absolute) && Files.isWritable(absolute)
                : folder != null && Files.isDirectory(folder) && Files.isWritable(folder);
        if (!appendable) {
            throw new SettingsException(setting.name() + " must be a file this server can append to, or create in a"
                    + " folder that exists and that it can write (got \"" + printable(file.toString()) + "\").");
        }
        return file;
    }

    /** A whole number in the setting's range: {@code CISCO_RETRIES=1.9} is refused, not read as 1. */
    private int whole(Setting setting) {
        String text = value(setting);
        try {
            long n = Long.parseLong(text.strip());
            if (n >= setting.min() && n <= setting.max()) {
                return (int) n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw refused(setting, text);
    }

    private double decimal(Setting setting) {
        String text = value(setting);
        try {
            double n = Double.parseDouble(text);
            if (n > 0 && n >= setting.min() && n <= setting.max()) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw refused(setting, text);
    }

    private Quota quota(Setting setting) {
        String text = value(setting);
        if (text == null) {
            return null;
        }
        try {
            return Quota.parse(text);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(setting.name() + ": " + e.getMessage() + ".");
        }
    }

    private String choice(Setting setting) {
        String text = value(setting);
        return setting.choices().stream().filter(c -> c.equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> refused(setting, text));
    }

    /** Origins as browsers send them: scheme://host[:port], no path; compared exactly, never as prefixes. */
    private static List<String> origins(List<String> origins) {
        for (String origin : origins) {
            if (!origin.matches("(?i)https?://[A-Za-z0-9.\\[\\]:-]+")) {
                throw new SettingsException("MCP_ALLOWED_ORIGINS must list origins such as https://app.example.com or"
                        + " http://localhost:6274, comma-separated, without paths (got \"" + printable(origin) + "\").");
            }
        }
        return origins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
    }

    private boolean flag(Setting setting) {
        String text = value(setting);
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes":
                return true;
            case "false", "0", "no":
                return false;
            default:
                throw refused(setting, text);
        }
    }

    /** A URL setting without a default: null when not given. */
    private URI optionalUrl(Setting setting) {
        return raw(setting) == null ? null : url(setting);
    }

    private URI url(Setting setting) {
        String text = value(setting);
        // A URL with user:password@ in it must not be echoed into a log line.
        String shown = text.contains("@") ? "a URL with credentials in it" : "\"" + printable(text) + "\"";
        String problem = setting.name() + " must be an http or https URL such as "
                + (setting.fallback() == null ? "https://host:port/path" : setting.fallback()) + " (got " + shown
                + ").";
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new SettingsException(problem);
            }
            String withoutTrailingSlash = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            return URI.create(withoutTrailingSlash);
        } catch (URISyntaxException e) {
            throw new SettingsException(problem);
        }
    }

    /** Keeps error lines short and on one line whatever the user typed. */
    static String printable(String text) {
        String clean = text.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 60 ? clean.substring(0, 57) + "..." : clean;
    }
}
