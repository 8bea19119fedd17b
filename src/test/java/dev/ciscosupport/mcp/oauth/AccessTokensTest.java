package dev.ciscosupport.mcp.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.ciscosupport.mcp.config.OAuthSettings;
import dev.ciscosupport.mcp.config.SupportApi;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What is refused before the identity provider is asked anything, what the challenges say, and how scopes are read.
 * Tokens the provider signed are checked against a real provider in {@code OAuthIT}.
 */
class AccessTokensTest {
    static final URI ISSUER = URI.create("http://127.0.0.1:1/realms/network"); // nothing listens there
    static final URI RESOURCE = URI.create("https://mcp.example.com/mcp");

    final ResourceServer server = new ResourceServer(new OAuthSettings(OAuthSettings.Mode.OAUTH, List.of(ISSUER), RESOURCE,
            List.of(), "api://cisco-support/", true, "preferred_username", Duration.ofSeconds(30), null, null),
            Set.of(SupportApi.BUG, SupportApi.CASE), () -> URI.create("http://127.0.0.1:3000/mcp"), InstantSource.system());

    private TokenRefused refusal(String token) {
        return catchThrowableOfType(TokenRefused.class, () -> server.verify(token));
    }

    @Test
    void whatIsNotASignedTokenOfATrustedIssuerIsRefusedWithoutAskingTheProvider() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER.toString()).audience(RESOURCE.toString())
                .subject("ana").expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        assertThat(refusal("").getMessage()).contains("not a bearer token");
        assertThat(refusal("two words").getMessage()).contains("not a bearer token");
        assertThat(refusal("x".repeat(AccessTokens.MAX_TOKEN_LENGTH + 1)).getMessage()).contains("not a bearer token");
        assertThat(refusal(new PlainJWT(claims).serialize()).getMessage()).isEqualTo("The token is not signed (alg none).");
        assertThat(refusal("opaque-token-without-introspection").getMessage())
                .contains("no client at the identity provider to introspect");
    }

    @Test
    void aProviderThatCannotBeReachedIsUnavailableNotTheCallersFault() {
        // A signed-looking token of the trusted issuer: its keys are needed, and nothing listens at the issuer.
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iss\":\"" + ISSUER
                + "\",\"sub\":\"ana\",\"aud\":\"" + RESOURCE + "\",\"exp\":4102444800}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        TokenRefused refused = refusal(header + "." + payload + ".c2lnbmF0dXJl");
        assertThat(refused.unavailable()).isTrue();
        assertThat(refused.getMessage()).contains("metadata could not be read");
    }

    @Test
    void challengesNameTheMetadataAndTheScopesWithTheProvidersPrefix() {
        assertThat(server.metadataUrl()).hasToString("https://mcp.example.com/.well-known/oauth-protected-resource/mcp");
        assertThat(server.unauthorized(null)).isEqualTo("Bearer realm=\"cisco-support-mcp\", resource_metadata="
                + "\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\", scope=\"api://cisco-support/support.read"
                + " api://cisco-support/support.bug api://cisco-support/support.case\"");
        assertThat(server.unauthorized("The token has \"expired\".")).endsWith(
                ", error=\"invalid_token\", error_description=\"The token has 'expired'.\"");
        Grant grant = new Grant(ISSUER.toString(), "ana", "Ana", server.scopes().read(List.of("support.read",
                "api://cisco-support/support.bug")), Instant.now());
        assertThat(grant.scopes()).containsExactlyInAnyOrder("support.read", "support.bug");
        assertThat(grant.allows(server.scopes(), SupportApi.BUG)).isTrue();
        assertThat(grant.allows(server.scopes(), SupportApi.CASE)).isFalse();
        // Smart Bonding's tools change tickets at Cisco: a scope of their own, never implied by support.read.
        assertThat(grant.allows(server.scopes(), SupportApi.SMART_BONDING)).isFalse();
        assertThat(new Grant(ISSUER.toString(), "ana", "Ana", server.scopes().read(List.of("support.read",
                "api://cisco-support/support.smart_bonding")), Instant.now()).allows(server.scopes(), SupportApi.SMART_BONDING))
                .isTrue();
        assertThat(server.insufficientScope(grant, "support.case")).contains("error=\"insufficient_scope\"",
                "scope=\"api://cisco-support/support.read api://cisco-support/support.bug api://cisco-support/support.case\"");
        assertThat(server.metadata()).contains("\"resource\":\"https://mcp.example.com/mcp\"",
                "\"authorization_servers\":[\"http://127.0.0.1:1/realms/network\"]", "\"bearer_methods_supported\":[\"header\"]");
    }

    @Test
    void aPersonIsOneCallerWhateverTheToken() {
        Grant morning = new Grant("https://login.example.com", "ana", "Ana", Set.of(), Instant.now());
        Grant evening = new Grant("https://login.example.com", "ana", null, Set.of("support.read"), Instant.now());
        Grant namesake = new Grant("https://other.example.com", "ana", "Ana", Set.of(), Instant.now());
        assertThat(morning.caller()).isEqualTo(evening.caller()).isNotEqualTo(namesake.caller()).startsWith("oauth:");
        assertThat(evening.label()).isEqualTo("ana");
    }
}
