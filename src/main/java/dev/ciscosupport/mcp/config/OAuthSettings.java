package dev.ciscosupport.mcp.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How HTTP mode knows its callers: shared bearer tokens, access tokens of the company's identity provider (the server as
 * an OAuth 2.1 resource server, as the MCP authorization specification describes), or both. Every field has a variable
 * (README, "Sign-in with the company's identity provider").
 *
 * @param mode         {@code MCP_AUTH}
 * @param issuers      {@code MCP_OAUTH_ISSUER}: the issuers whose tokens are accepted, exactly as their {@code iss}
 * @param resource     {@code MCP_OAUTH_RESOURCE}: the canonical URL (the audience), or null for the URL it listens on
 * @param audiences    {@code MCP_OAUTH_AUDIENCE}: more accepted audiences
 * @param scopePrefix  {@code MCP_OAUTH_SCOPE_PREFIX}: put before scope names where clients ask for them ("" for none)
 * @param apiScopes    {@code MCP_OAUTH_API_SCOPES}: each Cisco API's tools need their own scope
 * @param nameClaim    {@code MCP_OAUTH_NAME_CLAIM}: the claim that names the person
 * @param clockSkew    {@code MCP_OAUTH_CLOCK_SKEW_SECONDS}
 * @param clientId     {@code MCP_OAUTH_CLIENT_ID}: for token introspection, or null
 * @param clientSecret {@code MCP_OAUTH_CLIENT_SECRET}, or null
 */
public record OAuthSettings(Mode mode, List<URI> issuers, URI resource, List<String> audiences, String scopePrefix,
        boolean apiScopes, String nameClaim, Duration clockSkew, String clientId, String clientSecret) {

    /** {@code MCP_AUTH}. */
    public enum Mode {
        BEARER, OAUTH, BOTH
    }

    public OAuthSettings {
        issuers = List.copyOf(issuers);
        audiences = List.copyOf(audiences);
        scopePrefix = scopePrefix == null ? "" : scopePrefix;
    }

    /** Whether the identity provider's tokens are accepted. */
    public boolean oauth() {
        return mode != Mode.BEARER;
    }

    /** Whether shared bearer tokens are accepted. */
    public boolean sharedTokens() {
        return mode != Mode.OAUTH;
    }

    /** Whether opaque tokens can be checked (the server has a client of its own at the provider). */
    public boolean introspection() {
        return clientId != null && clientSecret != null;
    }

    @Override
    public String toString() {
        return "OAuthSettings[mode=" + mode + ", issuers=" + issuers + ", resource=" + resource + ", audiences=" + audiences
                + ", scopePrefix=" + scopePrefix + ", apiScopes=" + apiScopes + ", nameClaim=" + nameClaim + ", clockSkew="
                + clockSkew.toSeconds() + "s, clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "unset" : "(set)") + "]";
    }
}
