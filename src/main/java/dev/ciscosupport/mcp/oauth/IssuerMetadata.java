package dev.ciscosupport.mcp.oauth;

import dev.ciscosupport.mcp.config.DeploymentChecks;
import dev.ciscosupport.mcp.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What an issuer publishes about itself (OpenID Connect Discovery, else RFC 8414 authorization-server metadata): where
 * its signing keys are and, if it has one, its introspection endpoint. The document must name the issuer exactly as
 * configured (RFC 8414 section 3.3), so a look-alike answer cannot point the server at someone else's keys.
 *
 * @param issuer        the issuer, as configured and as its tokens' {@code iss}
 * @param jwksUri       its JSON Web Key Set
 * @param introspection its RFC 7662 endpoint, or null
 */
public record IssuerMetadata(URI issuer, URI jwksUri, URI introspection) {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** Reads the issuer's metadata; {@link TokenRefused#unavailable} when no document could be read. */
    static IssuerMetadata discover(HttpClient http, URI issuer) throws TokenRefused {
        List<String> problems = new ArrayList<>();
        for (URI where : locations(issuer)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(where).timeout(TIMEOUT)
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    problems.add(where + " answered " + response.statusCode());
                    continue;
                }
                JsonNode document = Json.MAPPER.readTree(response.body());
                if (!issuer.toString().equals(document.path("issuer").asString(""))) {
                    problems.add(where + " names another issuer");
                    continue;
                }
                URI jwks = endpoint(document, "jwks_uri");
                if (jwks == null) {
                    problems.add(where + " has no usable jwks_uri");
                    continue;
                }
                return new IssuerMetadata(issuer, jwks, endpoint(document, "introspection_endpoint"));
            } catch (IOException | RuntimeException e) {
                problems.add(where + ": " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw TokenRefused.unavailable("interrupted while reading the identity provider's metadata");
            }
        }
        throw TokenRefused.unavailable("the identity provider's metadata could not be read (" + String.join("; ", problems)
                + ")");
    }

    /**
     * Where the metadata may be: OpenID's {@code <issuer>/.well-known/openid-configuration} (Entra ID, Okta, Keycloak,
     * Google all serve it), then RFC 8414's {@code <origin>/.well-known/oauth-authorization-server<issuer path>}.
     */
    static List<URI> locations(URI issuer) {
        String text = issuer.toString();
        String base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        String path = issuer.getRawPath() == null ? "" : issuer.getRawPath();
        path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String origin = issuer.getScheme() + "://" + issuer.getRawAuthority();
        return List.of(URI.create(base + "/.well-known/openid-configuration"),
                URI.create(origin + "/.well-known/oauth-authorization-server" + path));
    }

    /** An endpoint of the document: https, or http on loopback (a provider on the same machine); null otherwise. */
    private static URI endpoint(JsonNode document, String field) {
        String value = document.path(field).asString("");
        if (value.isEmpty()) {
            return null;
        }
        URI uri = URI.create(value);
        return DeploymentChecks.secureOrLoopback(uri) ? uri : null;
    }
}
