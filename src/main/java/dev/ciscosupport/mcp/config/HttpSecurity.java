package dev.ciscosupport.mcp.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How HTTP mode protects itself; every field has a variable (README, security section).
 *
 * @param bearerTokens          {@code MCP_BEARER_TOKEN}, comma-separated: every listed token is valid
 * @param tokenFile             {@code MCP_BEARER_TOKEN_FILE}: more tokens, one per line, re-read when it changes
 * @param queryToken            {@code MCP_ALLOW_QUERY_TOKEN}: accept {@code ?token=} (the guide's fallback)
 * @param allowedOrigins        {@code MCP_ALLOWED_ORIGINS}: browser origins allowed besides loopback (in production: only these)
 * @param allowedHosts          {@code MCP_ALLOWED_HOSTS}: Host names accepted besides loopback and the bound address
 * @param ratePerSecond         {@code MCP_RATE_LIMIT}: sustained requests per second per client
 * @param rateBurst             {@code MCP_RATE_BURST}: requests a client may make at once
 * @param newSessionsPerMinute  {@code MCP_MAX_NEW_SESSIONS_PER_MINUTE}: sessions one client may open per minute
 * @param lockoutFailures       {@code MCP_LOCKOUT_FAILURES}: failed authentications from one address that block it
 * @param lockoutWindow         {@code MCP_LOCKOUT_WINDOW_SECONDS}: the window those failures are counted in
 * @param lockoutDuration       {@code MCP_LOCKOUT_SECONDS}: how long the address stays blocked
 * @param tlsCertificate        {@code MCP_TLS_CERT}: PEM certificate chain
 * @param tlsKey                {@code MCP_TLS_KEY}: PEM private key (PKCS#8)
 * @param tlsKeystore           {@code MCP_TLS_KEYSTORE}: PKCS#12 keystore, instead of PEM files
 * @param tlsKeystorePassword   {@code MCP_TLS_KEYSTORE_PASSWORD}
 * @param securityLogFile       {@code MCP_SECURITY_LOG_FILE}: security events are also appended here
 * @param idleTimeout           {@code MCP_IDLE_TIMEOUT_SECONDS}: a connection silent this long (a slow or stalled
 *                              client) is closed
 * @param sessions              how many MCP sessions are kept and for how long ({@link SessionLimits})
 * @param tlsOffloaded          {@code MCP_TLS_OFFLOADED}: a proxy in front terminates TLS (no warning for plain HTTP on
 *                              a network address)
 * @param metrics               {@code MCP_METRICS}: serve Prometheus metrics at {@code /metrics} (bearer token required)
 * @param trustedProxies        {@code MCP_TRUSTED_PROXIES}: load balancers (addresses, CIDR ranges) whose
 *                              {@code X-Forwarded-For} names the client
 */
public record HttpSecurity(
        List<String> bearerTokens,
        Path tokenFile,
        boolean queryToken,
        List<String> allowedOrigins,
        List<String> allowedHosts,
        double ratePerSecond,
        int rateBurst,
        int newSessionsPerMinute,
        int lockoutFailures,
        Duration lockoutWindow,
        Duration lockoutDuration,
        Path tlsCertificate,
        Path tlsKey,
        Path tlsKeystore,
        String tlsKeystorePassword,
        Path securityLogFile,
        Duration idleTimeout,
        SessionLimits sessions,
        boolean tlsOffloaded,
        boolean metrics,
        List<String> trustedProxies) {

    public HttpSecurity {
        trustedProxies = List.copyOf(trustedProxies);
        bearerTokens = List.copyOf(bearerTokens);
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHosts = List.copyOf(allowedHosts);
    }

    /** What HTTP mode uses when nothing is set ({@link SettingsTable}'s defaults, outside production). */
    public static HttpSecurity defaults() {
        return SettingsLoader.defaults().security();
    }

    public boolean tls() {
        return tlsKeystore != null || tlsCertificate != null;
    }

    /** True when some token is configured (in the environment or a file). */
    public boolean hasConfiguredTokens() {
        return !bearerTokens.isEmpty() || tokenFile != null;
    }

    @Override
    public String toString() {
        return "HttpSecurity[bearerTokens=" + bearerTokens.size() + " set, tokenFile=" + tokenFile + ", queryToken="
                + queryToken + ", allowedOrigins=" + allowedOrigins + ", allowedHosts=" + allowedHosts + ", rate="
                + ratePerSecond + "/s burst " + rateBurst + ", newSessionsPerMinute=" + newSessionsPerMinute
                + ", lockout=" + lockoutFailures + " in " + lockoutWindow.toSeconds() + "s for "
                + lockoutDuration.toSeconds() + "s, tls=" + tls() + ", tlsKeystorePassword="
                + (tlsKeystorePassword == null ? "unset" : "(set)") + ", securityLogFile=" + securityLogFile + ", sessions=" + sessions + ", trustedProxies=" + trustedProxies + "]";
    }
}
