package dev.ciscosupport.mcp.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds {@link Settings} from the command line, then the environment, then a {@code .env} file, then
 * defaults. Empty values count as unset. A bad value stops the start with one line that names the
 * variable and what it accepts.
 */
public final class SettingsLoader {
    private final Function<String, String> environment;
    private final Map<String, String> dotEnv;

    /**
     * @param environment reads a variable of the process environment ({@code System::getenv} in production)
     * @param dotEnv      the variables of the {@code .env} file, already read
     */
    public SettingsLoader(Function<String, String> environment, Map<String, String> dotEnv) {
        this.environment = environment;
        this.dotEnv = Map.copyOf(dotEnv);
    }

    public Settings load(CliOptions cli) {
        boolean http = cli.http() != null ? cli.http() : false;
        String host = cli.host() != null ? nonBlank(cli.host()) : value("HOST");
        Integer port = cli.port() != null ? cli.port() : portFrom(value("PORT"));
        boolean sandbox = cli.sandbox() != null && cli.sandbox();
        return new Settings(
                http,
                host == null ? Settings.DEFAULT_HOST : host,
                checkedPort(port == null ? Settings.DEFAULT_PORT : port),
                sandbox,
                value("CISCO_CLIENT_ID"),
                value("CISCO_CLIENT_SECRET"),
                tools(cli),
                security(),
                bool("DANGEROUSLY_OMIT_AUTH", false),
                nodeEnv(value("NODE_ENV")),
                url("CISCO_API_BASE_URL", Settings.DEFAULT_API_BASE_URL),
                url("CISCO_TOKEN_URL", Settings.DEFAULT_TOKEN_URL),
                bool("CISCO_ENTITLEMENT_CHECK", true),
                upstream(),
                seconds("MCP_SHUTDOWN_GRACE_SECONDS", Duration.ofSeconds(20), 0, 600),
                conformanceFixtures(),
                LogSettings.of(value("CISCO_MCP_LOG_LEVEL"), value("CISCO_MCP_LOG_FORMAT")));
    }

    /**
     * {@code SUPPORT_API}, {@code MCP_TOOLSETS} and {@code MCP_DYNAMIC_TOOLSETS}: with dynamic toolsets a session
     * starts with the core lookups unless MCP_TOOLSETS says otherwise.
     */
    private ToolSelection tools(CliOptions cli) {
        boolean dynamic = cli.dynamicToolsets() != null ? cli.dynamicToolsets() : bool("MCP_DYNAMIC_TOOLSETS", false);
        String toolsets = cli.toolsets() != null ? cli.toolsets() : value("MCP_TOOLSETS");
        ToolSelection selection = supportApis(value("SUPPORT_API"))
                .withToolsets(Toolset.parse(toolsets == null && dynamic ? Toolset.CORE.settingName() : toolsets));
        return dynamic ? selection.dynamically() : selection;
    }

    /** Test-only fixtures; a production server must never answer with them. */
    private boolean conformanceFixtures() {
        boolean on = bool("MCP_CONFORMANCE_FIXTURES", false);
        if (on && "production".equalsIgnoreCase(value("NODE_ENV"))) {
            throw new SettingsException("MCP_CONFORMANCE_FIXTURES=true is for the conformance test run only and is refused"
                    + " when NODE_ENV=production.");
        }
        return on;
    }

    private Upstream upstream() {
        Upstream d = Upstream.defaults();
        Quota everyApi = quota("CISCO_QUOTA", null);
        Map<SupportApi, Quota> quotas = new EnumMap<>(SupportApi.class);
        Map<SupportApi, Duration> ttl = new EnumMap<>(SupportApi.class);
        for (SupportApi api : SupportApi.values()) {
            String suffix = api.settingName().toUpperCase(Locale.ROOT);
            quotas.put(api, quota("CISCO_QUOTA_" + suffix, everyApi != null ? everyApi : d.quota(api)));
            ttl.put(api, seconds("CISCO_CACHE_TTL_" + suffix, d.cacheTtl(api), 0, 7 * 86_400));
        }
        return new Upstream(
                seconds("CISCO_TIMEOUT_SECONDS", d.timeout(), 1, 300),
                integer("CISCO_RETRIES", d.retries(), 0, 5),
                seconds("CISCO_RETRY_BUDGET_SECONDS", d.retryBudget(), 1, 600),
                quotas,
                seconds("CISCO_QUOTA_MAX_WAIT_SECONDS", d.quotaWait(), 0, 600),
                ttl,
                integer("CISCO_CACHE_MB", d.cacheMegabytes(), 0, 4096),
                integer("CISCO_BREAKER_FAILURES", d.breakerFailures(), 1, 1000),
                seconds("CISCO_BREAKER_OPEN_SECONDS", d.breakerOpen(), 1, 3600));
    }

    private Quota quota(String name, Quota fallback) {
        String text = value(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Quota.parse(text);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(name + ": " + e.getMessage() + ".");
        }
    }

    private Duration seconds(String name, Duration fallback, long min, long max) {
        return Duration.ofSeconds(integer(name, fallback.toSeconds(), min, max));
    }

    /** The environment first, then {@code .env}; blank counts as unset. Values are trimmed. */
    private String value(String name) {
        String fromEnv = nonBlank(environment.apply(name));
        return fromEnv != null ? fromEnv : nonBlank(dotEnv.get(name));
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Integer portFrom(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new SettingsException("PORT must be a number from 0 to 65535 (got \"" + printable(text) + "\").");
        }
    }

    private static int checkedPort(int port) {
        if (port < 0 || port > 65535) {
            throw new SettingsException("PORT must be a number from 0 to 65535 (got " + port + ").");
        }
        return port;
    }

    /** {@code SUPPORT_API}: the APIs, and the TypeScript server's extra values (see {@link ToolSelection}). */
    static ToolSelection supportApis(String text) {
        if (text == null) {
            return ToolSelection.everything(); // tools of APIs the Cisco app is not entitled to are withdrawn
        }
        EnumSet<SupportApi> apis = EnumSet.noneOf(SupportApi.class);
        EnumSet<ToolSelection.BugTools> bugTools = EnumSet.noneOf(ToolSelection.BugTools.class);
        List<String> notOffered = new ArrayList<>();
        for (String raw : text.split(",")) {
            String name = raw.strip().toLowerCase(java.util.Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            switch (name) {
                case "all" -> {
                    apis.addAll(EnumSet.allOf(SupportApi.class));
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
                case "smart_bonding" -> notOffered.add(name);
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
        return new ToolSelection(apis, bugTools, notOffered);
    }

    private HttpSecurity security() {
        HttpSecurity d = HttpSecurity.defaults();
        return new HttpSecurity(
                list(value("MCP_BEARER_TOKEN")),
                path("MCP_BEARER_TOKEN_FILE"),
                // A token in a URL ends up in proxies' and browsers' logs: production takes it only when told to.
                bool("MCP_ALLOW_QUERY_TOKEN", d.queryToken() && !"production".equalsIgnoreCase(value("NODE_ENV"))),
                origins(list(value("MCP_ALLOWED_ORIGINS"))),
                list(value("MCP_ALLOWED_HOSTS")).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList(),
                number("MCP_RATE_LIMIT", d.ratePerSecond(), 0.1, 100_000),
                integer("MCP_RATE_BURST", d.rateBurst(), 1, 100_000),
                integer("MCP_MAX_NEW_SESSIONS_PER_MINUTE", d.newSessionsPerMinute(), 1, 100_000),
                integer("MCP_LOCKOUT_FAILURES", d.lockoutFailures(), 1, 100_000),
                Duration.ofSeconds(integer("MCP_LOCKOUT_WINDOW_SECONDS", d.lockoutWindow().toSeconds(), 1, 86_400)),
                Duration.ofSeconds(integer("MCP_LOCKOUT_SECONDS", d.lockoutDuration().toSeconds(), 1, 86_400)),
                path("MCP_TLS_CERT"),
                path("MCP_TLS_KEY"),
                path("MCP_TLS_KEYSTORE"),
                value("MCP_TLS_KEYSTORE_PASSWORD"),
                path("MCP_SECURITY_LOG_FILE"),
                Duration.ofSeconds(integer("MCP_IDLE_TIMEOUT_SECONDS", d.idleTimeout().toSeconds(), 1, 3600)),
                new SessionLimits(
                        Duration.ofMinutes(integer("MCP_SESSION_IDLE_MINUTES", d.sessions().idle().toMinutes(), 1, 10_080)),
                        integer("MCP_MAX_SESSIONS", d.sessions().total(), 1, 1_000_000),
                        integer("MCP_MAX_SESSIONS_PER_CLIENT", d.sessions().perClient(), 1, 1_000_000),
                        SessionLimits.INITIALIZE_BYTES),
                bool("MCP_TLS_OFFLOADED", false),
                bool("MCP_METRICS", false));
    }

    /** A comma-separated list; blank items dropped. */
    private static List<String> list(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private Path path(String name) {
        String text = value(name);
        return text == null ? null : Path.of(text);
    }

    /** A whole number: {@code CISCO_RETRIES=1.9} is refused, not read as 1. */
    private int integer(String name, long fallback, long min, long max) {
        String text = value(name);
        if (text == null) {
            return (int) fallback;
        }
        try {
            long n = Long.parseLong(text.strip());
            if (n >= min && n <= max) {
                return (int) n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new SettingsException(name + " must be a whole number from " + min + " to " + max + " (got \""
                + printable(text) + "\").");
    }

    private double number(String name, double fallback, double min, double max) {
        String text = value(name);
        if (text == null) {
            return fallback;
        }
        try {
            double n = Double.parseDouble(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new SettingsException(name + " must be a number from " + plain(min) + " to " + plain(max) + " (got \""
                + printable(text) + "\").");
    }

    private static String plain(double n) {
        return n == Math.rint(n) ? String.valueOf((long) n) : String.valueOf(n);
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

    private boolean bool(String name, boolean fallback) {
        String text = value(name);
        if (text == null) {
            return fallback;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes":
                return true;
            case "false", "0", "no":
                return false;
            default:
                throw new SettingsException(name + " must be true or false (got \"" + printable(text) + "\").");
        }
    }

    private static String nodeEnv(String text) {
        if (text == null) {
            return "development";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        // The TypeScript server only echoed NODE_ENV; we give it meaning, so refuse typos such as "prod".
        if (!Set.of("development", "production", "test").contains(lower)) {
            throw new SettingsException("NODE_ENV must be development, production or test (got \""
                    + printable(text) + "\").");
        }
        return lower;
    }

    private URI url(String name, URI fallback) {
        String text = value(name);
        if (text == null) {
            return fallback;
        }
        // A URL with user:password@ in it must not be echoed into a log line.
        String shown = text.contains("@") ? "a URL with credentials in it" : "\"" + printable(text) + "\"";
        String problem = name + " must be an http or https URL such as " + fallback + " (got " + shown + ").";
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
