package dev.ciscosupport.mcp.config;

import dev.ciscosupport.mcp.config.Setting.Group;
import dev.ciscosupport.mcp.config.Setting.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every environment variable the server reads, once: {@link SettingsLoader} reads each by its entry (type, range,
 * default), {@code --help} lists them by group, the start-up summary names those set, and {@code SettingsTableTest}
 * holds the README's tables to this one.
 */
public final class SettingsTable {
    private static final List<Setting> ALL = new ArrayList<>();

    // Cisco, tools and the server
    public static final Setting CISCO_CLIENT_ID = add("CISCO_CLIENT_ID", Group.SERVER, Type.SECRET, null,
            "API Console app credentials (with CISCO_CLIENT_SECRET). Without them the server starts and lists its tools; each"
                    + " call answers which variables are missing.");
    public static final Setting CISCO_CLIENT_SECRET = add("CISCO_CLIENT_SECRET", Group.SERVER, Type.SECRET, null,
            "the API Console app's secret");
    public static final Setting SUPPORT_API = add("SUPPORT_API", Group.SERVER, Type.SPECIAL, "all",
            "comma list of " + SupportApi.allSettingNames() + ", enhanced_analysis, sampling, or all; an unknown name stops"
                    + " the start");
    public static final Setting MCP_TOOLSETS = add("MCP_TOOLSETS", Group.SERVER, Type.SPECIAL, "all",
            "which of those tools are listed: comma list of " + Toolset.names() + ", or all (core when unset and"
                    + " MCP_DYNAMIC_TOOLSETS is true)");
    public static final Setting MCP_DYNAMIC_TOOLSETS = add("MCP_DYNAMIC_TOOLSETS", Group.SERVER, Type.FLAG, "false",
            "true: each session is listed MCP_TOOLSETS (default core) plus list_toolsets and enable_toolset, and its model"
                    + " enables more");
    public static final Setting CISCO_ENTITLEMENT_CHECK = add("CISCO_ENTITLEMENT_CHECK", Group.SERVER, Type.FLAG, "true",
            "call each enabled API once in the background at start and withdraw the tools of those the Cisco app is not"
                    + " entitled to; what is found is kept a day in CISCO_MCP_CACHE, so the next starts ask Cisco nothing");
    public static final Setting CISCO_MCP_CACHE = add("CISCO_MCP_CACHE", Group.SERVER, Type.TEXT, null,
            "folder for what one start leaves the next (the entitlement findings, the launcher's class-data archive);"
                    + " default $XDG_CACHE_HOME/cisco-support-mcp or ~/.cache/cisco-support-mcp");
    public static final Setting MCP_BEARER_TOKEN = add("MCP_BEARER_TOKEN", Group.SERVER, Type.SECRET, null,
            "bearer token(s) for HTTP mode, comma-separated; when unset, one is generated and shown once on stderr");
    public static final Setting DANGEROUSLY_OMIT_AUTH = add("DANGEROUSLY_OMIT_AUTH", Group.SERVER, Type.FLAG, "false",
            "true turns HTTP authentication off (development only; a warning at every start)");
    public static final Setting PORT = add("PORT", Group.SERVER, Type.WHOLE, 0, 65_535, "3000",
            "HTTP port (0 picks a free one)");
    public static final Setting HOST = add("HOST", Group.SERVER, Type.TEXT, "127.0.0.1", "the address HTTP mode binds");
    public static final Setting NODE_ENV = choice("NODE_ENV", Group.SERVER, List.of("development", "production", "test"),
            "development", "production turns the deployment checks on (kept so existing deployments carry over)");
    public static final Setting CISCO_API_BASE_URL = add("CISCO_API_BASE_URL", Group.SERVER, Type.URL,
            "https://apix.cisco.com", "where Cisco's APIs are (the sandbox, in tests)");
    public static final Setting CISCO_TOKEN_URL = add("CISCO_TOKEN_URL", Group.SERVER, Type.URL,
            "https://id.cisco.com/oauth2/default/v1/token", "Cisco's OAuth2 token endpoint");
    public static final Setting CISCO_MCP_LOG_LEVEL = choice("CISCO_MCP_LOG_LEVEL", Group.SERVER, LogSettings.LEVELS, "INFO",
            "the level of every log line on stderr, the libraries' included");
    public static final Setting CISCO_MCP_LOG_FORMAT = choice("CISCO_MCP_LOG_FORMAT", Group.SERVER, List.of("plain", "json"),
            "plain", "plain lines or json lines, one format for every logger");
    public static final Setting MCP_PROTOCOL_REVISIONS = choice("MCP_PROTOCOL_REVISIONS", Group.SERVER,
            List.of("both", "2025-11-25", "2026-07-28"), "both", "the MCP revisions spoken: both, each client getting the"
                    + " one it opens with; 2025-11-25 (sessions; earlier revisions' clients too); or 2026-07-28 (stateless)");
    public static final Setting MCP_REQUEST_STATE_KEY = add("MCP_REQUEST_STATE_KEY", Group.SERVER, Type.SECRET, null,
            "at least 32 characters that sign what a 2026-07-28 client carries between the rounds of a tool that asks it"
                    + " something; the same on every replica behind one load balancer (unset: a random key per process)");
    public static final Setting MCP_CONFORMANCE_FIXTURES = add("MCP_CONFORMANCE_FIXTURES", Group.SERVER, Type.FLAG, "false",
            "also serve the MCP conformance suite's fixtures (its test run only; refused in production)");

    // Calls to Cisco
    public static final Setting CISCO_TIMEOUT_SECONDS = add("CISCO_TIMEOUT_SECONDS", Group.CISCO_CALLS, Type.WHOLE, 1, 300,
            "30", "how long one request to Cisco may take");
    public static final Setting CISCO_RETRIES = add("CISCO_RETRIES", Group.CISCO_CALLS, Type.WHOLE, 0, 5, "2",
            "extra attempts after a failure that may pass");
    public static final Setting CISCO_RETRY_BUDGET_SECONDS = add("CISCO_RETRY_BUDGET_SECONDS", Group.CISCO_CALLS, Type.WHOLE,
            1, 600, "45", "no retry starts that could end later than this after the first attempt");
    public static final Setting CISCO_CALL_DEADLINE_SECONDS = add("CISCO_CALL_DEADLINE_SECONDS", Group.CISCO_CALLS,
            Type.WHOLE, 5, 3600, "120", "how long one tool call may go on asking Cisco: no request, retry or quota wait"
                    + " starts after it");
    public static final Setting CISCO_QUOTA = add("CISCO_QUOTA", Group.CISCO_CALLS, Type.QUOTA, null,
            "one quota for every API, as Cisco's API Console shows it (unset: each API's own, below)");
    public static final Map<SupportApi, Setting> CISCO_QUOTA_API = perApi(SupportApi.values(), "CISCO_QUOTA_", Type.QUOTA, 0, 0,
            api -> api == SupportApi.PSIRT ? "5/s,30/min,5000/day" : "5/s,5000/day", "the quota of the ");
    public static final Setting REDIS_URL = add("REDIS_URL", Group.CISCO_CALLS, Type.SECRET, null,
            "replicas behind one load balancer share Cisco's quota, the cache and the abuse limits through this Redis"
                    + " (redis://user:password@host:6379/0, rediss:// for TLS); unset: this process alone");
    public static final Setting REDIS_KEY_PREFIX = add("REDIS_KEY_PREFIX", Group.CISCO_CALLS, Type.TEXT, "csm",
            "the start of every key written there (replicas of one deployment use the same)");
    public static final Setting CISCO_QUOTA_REPLICAS = add("CISCO_QUOTA_REPLICAS", Group.CISCO_CALLS, Type.WHOLE, 1, 1000,
            "1", "how many replicas share one Cisco app's quota: while Redis cannot be reached, each keeps to this share of"
                    + " every limit");
    public static final Setting CISCO_QUOTA_MAX_WAIT_SECONDS = add("CISCO_QUOTA_MAX_WAIT_SECONDS", Group.CISCO_CALLS,
            Type.WHOLE, 0, 600, "20", "how long a call waits for its turn before it is answered \"rate limited\"");
    // Smart Bonding's answers are never cached: its pulls are consumed, its pushes change tickets.
    public static final Map<SupportApi, Setting> CISCO_CACHE_TTL_API = perApi(SupportApi.all().toArray(SupportApi[]::new),
            "CISCO_CACHE_TTL_", Type.WHOLE, 0, 7 * 86_400,
            api -> String.valueOf(defaultTtlSeconds(api)), "seconds an answer is reused (0: not cached) for the ");
    public static final Setting CISCO_CACHE_MB = add("CISCO_CACHE_MB", Group.CISCO_CALLS, Type.WHOLE, 0, 4096, "64",
            "memory for cached answers; 0 turns the cache off");
    public static final Setting CISCO_BREAKER_FAILURES = add("CISCO_BREAKER_FAILURES", Group.CISCO_CALLS, Type.WHOLE, 1, 1000,
            "5", "failed calls in a row that stop calls to an API");
    public static final Setting CISCO_BREAKER_OPEN_SECONDS = add("CISCO_BREAKER_OPEN_SECONDS", Group.CISCO_CALLS, Type.WHOLE,
            1, 3600, "30", "for how long calls to it stop");
    public static final Setting MCP_SHUTDOWN_GRACE_SECONDS = add("MCP_SHUTDOWN_GRACE_SECONDS", Group.CISCO_CALLS, Type.WHOLE,
            0, 600, "20", "on SIGTERM, how long calls in flight may take to finish");
    public static final Setting FLEET_CONFIRM_SECONDS = add("FLEET_CONFIRM_SECONDS", Group.CISCO_CALLS, Type.WHOLE, 0, 86_400,
            "30", "check_fleet asks the user first (elicitation) when its plan takes longer than this at the quota (0: always)");
    public static final Setting FLEET_UNATTENDED_MAX_CALLS = add("FLEET_UNATTENDED_MAX_CALLS", Group.CISCO_CALLS,
            Type.WHOLE, 0, 100_000, "300", "where the client cannot ask the user, check_fleet refuses a plan of more Cisco"
                    + " calls than this");
    public static final Setting FLEET_MAX_DEVICES = add("FLEET_MAX_DEVICES", Group.CISCO_CALLS, Type.WHOLE, 1, 100_000,
            "5000", "the most devices one check_fleet takes");
    public static final Setting FLEET_REPORT_MINUTES = add("FLEET_REPORT_MINUTES", Group.CISCO_CALLS, Type.WHOLE, 1, 10_080,
            "60", "how long the reports of check_fleet stay readable, each by its own caller only");

    // Smart Bonding (SUPPORT_API names smart_bonding)
    public static final Setting SMART_BONDING_CLIENT_ID = add("SMART_BONDING_CLIENT_ID", Group.SMART_BONDING, Type.SECRET,
            null, "the Smart Bonding credentials Cisco's Smart Bonding team issues (with SMART_BONDING_CLIENT_SECRET); not"
                    + " the API Console app's");
    public static final Setting SMART_BONDING_CLIENT_SECRET = add("SMART_BONDING_CLIENT_SECRET", Group.SMART_BONDING,
            Type.SECRET, null, "their secret");
    public static final Setting SMART_BONDING_ENV = choice("SMART_BONDING_ENV", Group.SMART_BONDING,
            List.of("production", "staging"), "production", "Cisco's production (sb.xylem.cisco.com, id.cisco.com) or"
                    + " staging (stage.sbnprd.xylem.cisco.com, int-id.cisco.com) Smart Bonding");
    public static final Setting SMART_BONDING_API_URL = add("SMART_BONDING_API_URL", Group.SMART_BONDING, Type.URL, null,
            "where the Smart Bonding API is, instead of SMART_BONDING_ENV's (a sandbox, in tests)");
    public static final Setting SMART_BONDING_TOKEN_URL = add("SMART_BONDING_TOKEN_URL", Group.SMART_BONDING, Type.URL, null,
            "its token endpoint, instead of SMART_BONDING_ENV's");
    public static final Setting SMART_BONDING_UPLOAD_URL = add("SMART_BONDING_UPLOAD_URL", Group.SMART_BONDING, Type.URL,
            null, "where attachments go, instead of https://cxd.cisco.com; a case's upload credentials go there and nowhere"
                    + " else");
    public static final Setting SMART_BONDING_UNATTENDED_WRITES = add("SMART_BONDING_UNATTENDED_WRITES",
            Group.SMART_BONDING, Type.FLAG, "false", "true: where the client cannot ask the user, tickets are still created"
                    + " and changed; false: such a call is refused with a sentence");
    public static final Setting SMART_BONDING_MAX_UPLOAD_MB = add("SMART_BONDING_MAX_UPLOAD_MB", Group.SMART_BONDING,
            Type.WHOLE, 1, 3, "3", "the largest attachment one call uploads; it travels base64 inside the tool call, and"
                    + " a call is at most 4 MiB over stdio and 1 MiB over HTTP");

    // HTTP mode
    public static final Setting MCP_BEARER_TOKEN_FILE = add("MCP_BEARER_TOKEN_FILE", Group.HTTP, Type.FILE, null,
            "token file, re-read when it changes");
    public static final Setting MCP_ALLOW_QUERY_TOKEN = add("MCP_ALLOW_QUERY_TOKEN", Group.HTTP, Type.FLAG, "true",
            "accept ?token= (false when unset in production)");
    public static final Setting MCP_ALLOWED_ORIGINS = add("MCP_ALLOWED_ORIGINS", Group.HTTP, Type.SPECIAL, null,
            "browser origins allowed, such as https://app.example.com, comma-separated (in production: the only ones)");
    public static final Setting MCP_ALLOWED_HOSTS = add("MCP_ALLOWED_HOSTS", Group.HTTP, Type.LIST, null,
            "Host names accepted besides loopback and the bound address");
    public static final Setting MCP_RATE_LIMIT = add("MCP_RATE_LIMIT", Group.HTTP, Type.DECIMAL, 0, 100_000, "10",
            "requests per second per client");
    public static final Setting MCP_RATE_BURST = add("MCP_RATE_BURST", Group.HTTP, Type.WHOLE, 1, 100_000, "40",
            "the burst of requests a client may send at once");
    public static final Setting MCP_MAX_NEW_SESSIONS_PER_MINUTE = add("MCP_MAX_NEW_SESSIONS_PER_MINUTE", Group.HTTP,
            Type.WHOLE, 1, 100_000, "30", "sessions one client may open per minute");
    public static final Setting MCP_SESSION_IDLE_MINUTES = add("MCP_SESSION_IDLE_MINUTES", Group.HTTP, Type.WHOLE, 1, 10_080,
            "30", "a session without a request this long is closed");
    public static final Setting MCP_MAX_SESSIONS_PER_CLIENT = add("MCP_MAX_SESSIONS_PER_CLIENT", Group.HTTP, Type.WHOLE, 1,
            1_000_000, "100", "live sessions per token (its oldest idle one makes room)");
    public static final Setting MCP_MAX_SESSIONS = add("MCP_MAX_SESSIONS", Group.HTTP, Type.WHOLE, 1, 1_000_000, "1000",
            "live sessions in all (503 beyond)");
    public static final Setting MCP_LOCKOUT_FAILURES = add("MCP_LOCKOUT_FAILURES", Group.HTTP, Type.WHOLE, 1, 100_000, "10",
            "failed logins that block an address");
    public static final Setting MCP_LOCKOUT_WINDOW_SECONDS = add("MCP_LOCKOUT_WINDOW_SECONDS", Group.HTTP, Type.WHOLE, 1,
            86_400, "60", "in what window");
    public static final Setting MCP_LOCKOUT_SECONDS = add("MCP_LOCKOUT_SECONDS", Group.HTTP, Type.WHOLE, 1, 86_400, "300",
            "for how long");
    public static final Setting MCP_TLS_CERT = add("MCP_TLS_CERT", Group.HTTP, Type.FILE, null,
            "HTTPS: certificate chain (PEM), with MCP_TLS_KEY");
    public static final Setting MCP_TLS_KEY = add("MCP_TLS_KEY", Group.HTTP, Type.FILE, null, "HTTPS: private key (PEM)");
    public static final Setting MCP_TLS_KEYSTORE = add("MCP_TLS_KEYSTORE", Group.HTTP, Type.FILE, null,
            "HTTPS: a PKCS#12 keystore instead of PEM files");
    public static final Setting MCP_TLS_KEYSTORE_PASSWORD = add("MCP_TLS_KEYSTORE_PASSWORD", Group.HTTP, Type.SECRET, null,
            "the keystore's password");
    public static final Setting MCP_SECURITY_LOG_FILE = add("MCP_SECURITY_LOG_FILE", Group.HTTP, Type.FILE, null,
            "security events and access log also appended here");
    public static final Setting MCP_IDLE_TIMEOUT_SECONDS = add("MCP_IDLE_TIMEOUT_SECONDS", Group.HTTP, Type.WHOLE, 1, 3600,
            "60", "a connection silent this long (slow or stalled client) is closed");
    public static final Setting MCP_TLS_OFFLOADED = add("MCP_TLS_OFFLOADED", Group.HTTP, Type.FLAG, "false",
            "true: a proxy in front terminates TLS (no warning for plain HTTP on a network address)");
    public static final Setting MCP_TRUSTED_PROXIES = add("MCP_TRUSTED_PROXIES", Group.HTTP, Type.LIST, null,
            "load balancers in front (IP addresses or CIDR ranges): from them, X-Forwarded-For names the client, for logs,"
                    + " limits and the lockout");
    public static final Setting MCP_METRICS = add("MCP_METRICS", Group.HTTP, Type.FLAG, "false",
            "true: Prometheus metrics at /metrics (bearer token required)");

    // HTTP mode: sign-in with the company's identity provider
    public static final Setting MCP_AUTH = choice("MCP_AUTH", Group.OAUTH, List.of("bearer", "oauth", "both"), "bearer",
            "bearer: shared tokens (MCP_BEARER_TOKEN, the token file); oauth: access tokens of the identity provider"
                    + " (MCP_OAUTH_ISSUER) issued for this server; both: either");
    public static final Setting MCP_OAUTH_ISSUER = add("MCP_OAUTH_ISSUER", Group.OAUTH, Type.SPECIAL, null,
            "the identity provider's issuer URL(s), comma-separated, exactly as its tokens' iss claim (https; http only on"
                    + " loopback); its keys and endpoints come from its OAuth or OpenID metadata");
    public static final Setting MCP_OAUTH_RESOURCE = add("MCP_OAUTH_RESOURCE", Group.OAUTH, Type.URL, null,
            "this server's canonical URL, the audience its tokens must carry (default: the URL it listens on, /mcp"
                    + " included; required behind a proxy or on a network address)");
    public static final Setting MCP_OAUTH_AUDIENCE = add("MCP_OAUTH_AUDIENCE", Group.OAUTH, Type.LIST, null,
            "more audiences accepted besides MCP_OAUTH_RESOURCE (Entra ID's v2 tokens carry the app's client ID)");
    public static final Setting MCP_OAUTH_SCOPE_PREFIX = add("MCP_OAUTH_SCOPE_PREFIX", Group.OAUTH, Type.TEXT, null,
            "what the provider puts before this server's scope names when clients ask for them (Entra ID:"
                    + " api://<application ID>/)");
    public static final Setting MCP_OAUTH_API_SCOPES = add("MCP_OAUTH_API_SCOPES", Group.OAUTH, Type.FLAG, "true",
            "true: each Cisco API's tools need its own scope (support.bug, support.case...); false: support.read is all a"
                    + " caller needs");
    public static final Setting MCP_OAUTH_NAME_CLAIM = add("MCP_OAUTH_NAME_CLAIM", Group.OAUTH, Type.TEXT,
            "preferred_username", "the claim that names the person in logs (the subject when the token has none)");
    public static final Setting MCP_OAUTH_CLOCK_SKEW_SECONDS = add("MCP_OAUTH_CLOCK_SKEW_SECONDS", Group.OAUTH, Type.WHOLE,
            0, 300, "30", "how far the provider's clock may be from this one (exp, nbf)");
    public static final Setting MCP_OAUTH_CLIENT_ID = add("MCP_OAUTH_CLIENT_ID", Group.OAUTH, Type.TEXT, null,
            "this server's own client at the provider, to check opaque (non-JWT) tokens by introspection (RFC 7662)");
    public static final Setting MCP_OAUTH_CLIENT_SECRET = add("MCP_OAUTH_CLIENT_SECRET", Group.OAUTH, Type.SECRET, null,
            "that client's secret");

    private SettingsTable() {
    }

    /** Every setting, in the order of the groups and, within a group, of this table. */
    public static List<Setting> all() {
        return Collections.unmodifiableList(ALL);
    }

    public static Optional<Setting> named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Advisories, EoX dates and product data change slowly; cases and RMAs belong to a caller and change by the hour. */
    private static long defaultTtlSeconds(SupportApi api) {
        return switch (api) {
            case EOX, PRODUCT -> 24 * 3600;
            case SOFTWARE -> 6 * 3600;
            case PSIRT, SERIAL -> 3600;
            case BUG -> 30 * 60;
            case CASE, RMA -> 2 * 60;
            case SMART_BONDING -> 0; // never cached: it has no such setting
        };
    }

    private static Setting add(String name, Group group, Type type, String fallback, String meaning) {
        return add(name, group, type, 0, 0, fallback, meaning);
    }

    private static Setting add(String name, Group group, Type type, long min, long max, String fallback, String meaning) {
        Setting setting = new Setting(name, group, type, min, max, List.of(), fallback, meaning);
        ALL.add(setting);
        return setting;
    }

    private static Setting choice(String name, Group group, List<String> choices, String fallback, String meaning) {
        Setting setting = new Setting(name, group, Type.CHOICE, 0, 0, choices, fallback, meaning);
        ALL.add(setting);
        return setting;
    }

    /** One setting per Cisco API of {@code apis}, named by the API as {@code SUPPORT_API} names it: {@code CISCO_QUOTA_PSIRT}. */
    private static Map<SupportApi, Setting> perApi(SupportApi[] apis, String prefix, Type type, long min, long max,
            java.util.function.Function<SupportApi, String> fallback, String meaning) {
        Map<SupportApi, Setting> out = new EnumMap<>(SupportApi.class);
        for (SupportApi api : apis) {
            out.put(api, add(prefix + api.settingName().toUpperCase(Locale.ROOT), Group.CISCO_CALLS, type, min, max,
                    fallback.apply(api), meaning + api.displayName()));
        }
        return Collections.unmodifiableMap(out);
    }
}
