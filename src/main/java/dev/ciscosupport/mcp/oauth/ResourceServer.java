package dev.ciscosupport.mcp.oauth;

import dev.ciscosupport.mcp.config.OAuthSettings;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * HTTP mode as the OAuth 2.1 resource server the MCP authorization specification describes: its Protected Resource
 * Metadata (RFC 9728), the {@code WWW-Authenticate} challenges that point clients at it (with the scopes to ask for,
 * and {@code insufficient_scope} for step-up), and the check of each access token ({@link AccessTokens}).
 */
public final class ResourceServer {
    /** Where RFC 9728 puts the metadata of a resource: this, then the resource's path. */
    public static final String METADATA_PATH = "/.well-known/oauth-protected-resource";
    private static final String REALM = "cisco-support-mcp";

    private final OAuthSettings settings;
    private final Supplier<URI> listening;
    private final Scopes scopes;
    private final List<String> supported;
    private final AccessTokens tokens;

    /**
     * @param apis      the Cisco APIs whose tools are offered (their scopes are the ones offered)
     * @param listening the URL the server listens on: the resource when {@code MCP_OAUTH_RESOURCE} is unset
     */
    public ResourceServer(OAuthSettings settings, Collection<SupportApi> apis, Supplier<URI> listening, InstantSource clock) {
        this.settings = settings;
        this.listening = listening;
        this.scopes = new Scopes(settings.scopePrefix(), settings.apiScopes());
        this.supported = scopes.supported(apis);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.tokens = new AccessTokens(settings, this::resource, scopes, http, clock);
    }

    /** The canonical URL of this server: the audience its tokens carry. */
    public URI resource() {
        return settings.resource() != null ? settings.resource() : listening.get();
    }

    public Scopes scopes() {
        return scopes;
    }

    public Grant verify(String token) throws TokenRefused {
        return tokens.verify(token);
    }

    /** The metadata's URL, as challenges give it: the resource's origin, the well-known path, the resource's path. */
    public URI metadataUrl() {
        URI resource = resource();
        String path = resource.getRawPath() == null || resource.getRawPath().equals("/") ? "" : resource.getRawPath();
        return URI.create(resource.getScheme() + "://" + resource.getRawAuthority() + METADATA_PATH + path);
    }

    /** The Protected Resource Metadata document (RFC 9728 section 2). */
    public String metadata() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("resource", resource().toString());
        document.put("authorization_servers", settings.issuers().stream().map(URI::toString).toList());
        document.put("scopes_supported", supported.stream().map(s -> settings.scopePrefix() + s).toList());
        document.put("bearer_methods_supported", List.of("header"));
        document.put("resource_name", "Cisco Support MCP server");
        return Json.MAPPER.writeValueAsString(document);
    }

    /**
     * The challenge of a 401: where the metadata is and the scopes to ask for (every enabled API's: the provider grants
     * each person those its policy allows), with {@code error="invalid_token"} and a description for a refused token.
     */
    public String unauthorized(String description) {
        StringBuilder challenge = new StringBuilder("Bearer realm=\"" + REALM + "\", resource_metadata=\"" + metadataUrl()
                + "\", scope=\"" + scopes.shown(supported) + "\"");
        if (description != null) {
            challenge.append(", error=\"invalid_token\", error_description=\"").append(quoted(description)).append('"');
        }
        return challenge.toString();
    }

    /**
     * The challenge of a 403 for a missing scope: the scopes the caller has and the one it lacks, so that a client that
     * asks for exactly these (step-up) loses nothing it had.
     */
    public String insufficientScope(Grant grant, String needed) {
        List<String> wanted = supported.stream().filter(s -> grant.scopes().contains(s) || s.equals(needed)).toList();
        return "Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\", scope=\"" + scopes.shown(wanted)
                + "\", resource_metadata=\"" + metadataUrl() + "\", error_description=\"This needs the scope "
                + settings.scopePrefix() + needed + ".\"";
    }

    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "'");
    }
}
