package dev.ciscosupport.mcp.config;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the server was told at start, validated once. Immutable; secrets never appear in
 * {@link #toString()}.
 *
 * @param http              serve Streamable HTTP instead of stdio
 * @param host              address the HTTP server binds
 * @param port              HTTP port (0 picks a free one)
 * @param sandbox           answer from the embedded Cisco sandbox instead of Cisco
 * @param ciscoClientId     {@code CISCO_CLIENT_ID}, or null
 * @param ciscoClientSecret {@code CISCO_CLIENT_SECRET}, or null
 * @param tools             {@code SUPPORT_API}: the APIs, and the groups of Bug API tools, that are offered
 * @param security          how HTTP mode protects itself (tokens, origins, limits, TLS)
 * @param omitAuth          {@code DANGEROUSLY_OMIT_AUTH}
 * @param nodeEnv           {@code NODE_ENV} (development or production)
 * @param ciscoApiBaseUrl   where Cisco's APIs are
 * @param ciscoTokenUrl     Cisco's OAuth2 token endpoint
 * @param entitlementCheck  {@code CISCO_ENTITLEMENT_CHECK}: probe each enabled API once at start and withdraw
 *                          the tools of those the Cisco app is not entitled to
 * @param cacheFolder       {@code CISCO_MCP_CACHE}: where one start leaves findings for the next, or null (none known)
 * @param upstream          retries, quotas, cache and circuit breaker for the calls to Cisco
 * @param shutdownGrace     {@code MCP_SHUTDOWN_GRACE_SECONDS}: on SIGTERM, how long calls in flight may take to finish
 * @param conformanceFixtures {@code MCP_CONFORMANCE_FIXTURES}: also serve the fixtures the MCP conformance suite looks
 *                          for (test runs only; refused in production)
 * @param revisions         {@code MCP_PROTOCOL_REVISIONS}: which MCP protocol revisions are spoken
 * @param log               {@code CISCO_MCP_LOG_LEVEL} and {@code CISCO_MCP_LOG_FORMAT}
 * @param oauth             {@code MCP_AUTH} and the identity provider's settings
 * @param shared            {@code REDIS_URL} and what replicas share through it
 * @param fleet             how far {@code check_fleet} goes on its own
 * @param smartBonding      where the Smart Bonding tools go, with which credentials, and how far on their own
 */
public record Settings(
        boolean http,
        String host,
        int port,
        boolean sandbox,
        String ciscoClientId,
        String ciscoClientSecret,
        ToolSelection tools,
        HttpSecurity security,
        boolean omitAuth,
        String nodeEnv,
        URI ciscoApiBaseUrl,
        URI ciscoTokenUrl,
        boolean entitlementCheck,
        java.nio.file.Path cacheFolder,
        Upstream upstream,
        java.time.Duration shutdownGrace,
        boolean conformanceFixtures,
        ProtocolRevisions revisions,
        LogSettings log,
        OAuthSettings oauth,
        SharedSettings shared,
        FleetSettings fleet,
        SmartBondingSettings smartBonding) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3000;
    public static final URI DEFAULT_API_BASE_URL = URI.create("https://apix.cisco.com");
    public static final URI DEFAULT_TOKEN_URL = URI.create("https://id.cisco.com/oauth2/default/v1/token");

    /** The Cisco APIs that are called. */
    public Set<SupportApi> supportApis() {
        return tools.apis();
    }

    public boolean production() {
        return "production".equalsIgnoreCase(nodeEnv);
    }

    /** The names of the credential variables that are not set, in the order a person would fix them. */
    public Optional<String> missingCredentials() {
        boolean noId = ciscoClientId == null;
        boolean noSecret = ciscoClientSecret == null;
        if (noId && noSecret) {
            return Optional.of("CISCO_CLIENT_ID and CISCO_CLIENT_SECRET");
        }
        if (noId) {
            return Optional.of("CISCO_CLIENT_ID");
        }
        return noSecret ? Optional.of("CISCO_CLIENT_SECRET") : Optional.empty();
    }

    /** The same settings pointed at another Cisco (the sandbox) with its credentials. */
    public Settings withCisco(URI apiBaseUrl, URI tokenUrl, String clientId, String clientSecret) {
        return new Settings(http, host, port, sandbox, clientId, clientSecret, tools, security,
                omitAuth, nodeEnv, apiBaseUrl, tokenUrl, entitlementCheck, cacheFolder, upstream, shutdownGrace,
                conformanceFixtures, revisions, log, oauth, shared, fleet, smartBonding);
    }

    @Override
    public String toString() {
        return "Settings[http=" + http + ", host=" + host + ", port=" + port + ", sandbox=" + sandbox
                + ", ciscoClientId=" + redacted(ciscoClientId) + ", ciscoClientSecret=" + redacted(ciscoClientSecret)
                + ", supportApis=" + supportApis().stream().map(SupportApi::settingName).sorted()
                        .collect(Collectors.joining(",")) + ", bugTools=" + tools.bugTools()
                + ", security=" + security + ", omitAuth=" + omitAuth + ", nodeEnv=" + nodeEnv
                + ", ciscoApiBaseUrl=" + ciscoApiBaseUrl + ", ciscoTokenUrl=" + ciscoTokenUrl + ", entitlementCheck=" + entitlementCheck
                + ", upstream=" + upstream + ", shutdownGrace=" + shutdownGrace.toSeconds() + "s, conformanceFixtures="
                + conformanceFixtures + ", log=" + log + ", oauth=" + oauth + ", shared=" + shared + ", fleet=" + fleet
                + ", smartBonding=" + smartBonding + "]";
    }

    private static String redacted(String secret) {
        return secret == null ? "unset" : "(set)";
    }
}
