package dev.ciscosupport.mcp.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens the sandbox's token endpoint has issued, each valid for an hour of the sandbox's clock. */
final class SandboxTokens {
    static final Duration LIFETIME = Duration.ofSeconds(3600);
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final InstantSource clock;

    SandboxTokens(InstantSource clock) {
        this.clock = clock;
    }

    String issue() {
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        String token = "sbx." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiries.put(token, clock.instant().plus(LIFETIME));
        return token;
    }

    boolean valid(String token) {
        Instant expiry = expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    /** Every token issued so far stops working, as if they had all expired. */
    void revokeAll() {
        expiries.clear();
    }
}
