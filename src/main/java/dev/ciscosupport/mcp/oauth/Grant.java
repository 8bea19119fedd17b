package dev.ciscosupport.mcp.oauth;

import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.security.TokenRegistry;
import java.time.Instant;
import java.util.Set;

/**
 * What an accepted access token says: who the caller is (a person, or a service's client) and what they may do.
 *
 * @param issuer    the issuer that signed or introspected it
 * @param subject   its {@code sub}: the person, stable across their tokens
 * @param name      the person's name for logs ({@code MCP_OAUTH_NAME_CLAIM}), or null
 * @param scopes    its scopes, without the provider's prefix
 * @param expiresAt when it stops being accepted
 */
public record Grant(String issuer, String subject, String name, Set<String> scopes, Instant expiresAt) {

    public Grant {
        scopes = Set.copyOf(scopes);
    }

    /**
     * Who is calling, as per-caller limits, session owners and the Case/RMA cache name it: the same for every token of
     * one person from one issuer, so a refreshed token keeps its sessions and its cached cases.
     */
    public String caller() {
        return "oauth:" + TokenRegistry.fingerprint(issuer + "\n" + subject);
    }

    /** The caller's name in logs: the name claim, else the subject. */
    public String label() {
        return name != null && !name.isBlank() ? name : subject;
    }

    /** Whether this grant may use {@code api}'s tools under {@code scopes}. */
    public boolean allows(Scopes scopes, SupportApi api) {
        return scopes.needed(api).map(this.scopes::contains).orElse(true);
    }
}
