package dev.ciscosupport.mcp.oauth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.ciscosupport.mcp.config.OAuthSettings;
import dev.ciscosupport.mcp.json.Json;
import dev.ciscosupport.mcp.security.TokenRegistry;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Opaque access tokens checked by the issuer (OAuth 2.0 Token Introspection, RFC 7662), with the server's own client
 * ({@code MCP_OAUTH_CLIENT_ID}, HTTP Basic). An active answer is accepted only with this server among its audiences
 * ({@code aud} is optional in RFC 7662, but the MCP specification requires the audience check, so an answer without
 * one is refused). Accepted answers are kept by the token's digest for at most a minute and never past the token's
 * expiry, so a revoked token stops working within a minute; refusals are not kept.
 */
final class Introspection {
    static final Duration KEEP = Duration.ofSeconds(60);

    private final OAuthSettings settings;
    private final HttpClient http;
    private final InstantSource clock;
    private final Cache<String, Grant> accepted;

    Introspection(OAuthSettings settings, HttpClient http, InstantSource clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.accepted = Caffeine.newBuilder().maximumSize(10_000).ticker(() -> clock.instant().toEpochMilli() * 1_000_000)
                .expireAfter(Expiry.<String, Grant>creating((key, grant) -> {
                    Duration left = Duration.between(clock.instant(), grant.expiresAt());
                    return left.compareTo(KEEP) < 0 ? (left.isNegative() ? Duration.ZERO : left) : KEEP;
                })).build();
    }

    Grant check(String token, List<IssuerMetadata> issuers, Set<String> audiences, Scopes scopes) throws TokenRefused {
        String key = TokenRegistry.fingerprint(token);
        Grant known = accepted.getIfPresent(key);
        if (known != null) {
            return known;
        }
        TokenRefused last = null;
        for (IssuerMetadata issuer : issuers) {
            try {
                Grant grant = ask(token, issuer, audiences, scopes);
                accepted.put(key, grant);
                return grant;
            } catch (TokenRefused e) {
                last = e;
            }
        }
        throw last;
    }

    private Grant ask(String token, IssuerMetadata issuer, Set<String> audiences, Scopes scopes) throws TokenRefused {
        String credentials = URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(settings.clientSecret(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(issuer.introspection()).timeout(IssuerMetadata.TIMEOUT)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                        + "&token_type_hint=access_token")).build();
        JsonNode answer;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw TokenRefused.unavailable("the identity provider's introspection endpoint answered "
                        + response.statusCode() + (response.statusCode() == 401 ? " (check MCP_OAUTH_CLIENT_ID and"
                                + " MCP_OAUTH_CLIENT_SECRET)" : ""));
            }
            answer = Json.MAPPER.readTree(response.body());
        } catch (IOException | RuntimeException e) {
            throw TokenRefused.unavailable("the identity provider's introspection endpoint did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TokenRefused.unavailable("interrupted while asking the identity provider");
        }
        return grant(answer, issuer, audiences, scopes);
    }

    private Grant grant(JsonNode answer, IssuerMetadata issuer, Set<String> audiences, Scopes scopes) throws TokenRefused {
        if (!answer.path("active").asBoolean(false)) {
            throw TokenRefused.invalid("The token is not active (expired, revoked or unknown to the identity provider).");
        }
        String iss = answer.path("iss").asString("");
        if (!iss.isEmpty() && !iss.equals(issuer.issuer().toString())) {
            throw TokenRefused.invalid("The token's issuer is not the one that introspected it.");
        }
        List<String> aud = new ArrayList<>();
        JsonNode audNode = answer.path("aud");
        if (audNode.isArray()) {
            audNode.forEach(a -> aud.add(a.asString("")));
        } else if (audNode.isString()) {
            aud.add(audNode.asString());
        }
        if (aud.stream().noneMatch(audiences::contains)) {
            throw TokenRefused.invalid("The token was not issued for this server (its audience is another resource).");
        }
        Instant now = clock.instant();
        Instant expires = answer.has("exp") ? Instant.ofEpochSecond(answer.path("exp").asLong()) : now.plus(KEEP);
        if (expires.plus(settings.clockSkew()).isBefore(now)) {
            throw TokenRefused.invalid("The token has expired.");
        }
        String subject = first(answer, "sub", "username", "client_id");
        if (subject == null) {
            throw TokenRefused.invalid("The token lacks a required claim (sub).");
        }
        String name = first(answer, settings.nameClaim(), "username");
        Set<String> granted = new HashSet<>(List.of(answer.path("scope").asString("").trim().split("\\s+")));
        granted.remove("");
        return new Grant(issuer.issuer().toString(), subject, name, scopes.read(granted), expires);
    }

    private static String first(JsonNode answer, String... fields) {
        for (String field : fields) {
            String value = field == null ? "" : answer.path(field).asString("");
            if (!value.isEmpty()) {
                return value;
            }
        }
        return null;
    }
}
