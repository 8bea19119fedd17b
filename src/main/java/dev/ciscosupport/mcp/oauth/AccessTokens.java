package dev.ciscosupport.mcp.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.ciscosupport.mcp.config.OAuthSettings;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides whether an access token was issued for this server by a trusted issuer, and to whom. A JWT access token
 * (RFC 9068) is checked here with Nimbus JOSE+JWT against the issuer's published keys: signature by an allowed
 * algorithm (RSA, RSASSA-PSS or ECDSA; never {@code none}, never a shared secret), {@code typ} {@code at+jwt} or
 * {@code JWT}, {@code iss} exactly a configured issuer, {@code aud} this server's resource (RFC 8707), {@code exp} and
 * {@code nbf} within {@code MCP_OAUTH_CLOCK_SKEW_SECONDS}, {@code sub} present. Another token (opaque) is asked of the
 * issuer's introspection endpoint when the server has a client there ({@link Introspection}). Keys are fetched on first
 * use and kept; a token signed with a key not seen yet makes the key set be fetched again (rate-limited), which is how
 * a rotation at the provider is picked up without a restart.
 */
public final class AccessTokens {
    private static final Set<JWSAlgorithm> ALGORITHMS;

    static {
        // Ed25519 needs Nimbus' optional Tink dependency, which is not shipped: asymmetric RSA and EC families only.
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>(JWSAlgorithm.Family.RSA);
        algorithms.addAll(JWSAlgorithm.Family.EC);
        ALGORITHMS = Set.copyOf(algorithms);
    }

    /** Longer than any access token a provider issues (Entra ID's run to a few KB), within the header limit. */
    static final int MAX_TOKEN_LENGTH = 12 * 1024;
    private static final java.util.regex.Pattern B64TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    /** How long after a failed discovery the next token may try again (an identity provider that is down). */
    static final Duration RETRY_DISCOVERY_AFTER = Duration.ofSeconds(5);

    private final OAuthSettings settings;
    private final Supplier<URI> resource;
    private final Scopes scopes;
    private final HttpClient http;
    private final InstantSource clock;
    private final Map<String, Issuer> issuers = new LinkedHashMap<>();
    private final Introspection introspection;

    /**
     * @param resource this server's canonical URL (known once it listens, when not configured)
     */
    public AccessTokens(OAuthSettings settings, Supplier<URI> resource, Scopes scopes, HttpClient http, InstantSource clock) {
        this.settings = settings;
        this.resource = resource;
        this.scopes = scopes;
        this.http = http;
        this.clock = clock;
        settings.issuers().forEach(issuer -> issuers.put(issuer.toString(), new Issuer(issuer)));
        this.introspection = settings.introspection() ? new Introspection(settings, http, clock) : null;
    }

    /** The grant of an accepted token; {@link TokenRefused} with a sentence saying why not. */
    public Grant verify(String token) throws TokenRefused {
        // RFC 6750's b64token, of a sane length: anything else is refused before it costs a parse or an introspection.
        if (token == null || token.length() > MAX_TOKEN_LENGTH || !B64TOKEN.matcher(token).matches()) {
            throw TokenRefused.invalid("The token is not a bearer token (RFC 6750).");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            return opaque(token);
        }
        if (jwt instanceof PlainJWT) {
            throw TokenRefused.invalid("The token is not signed (alg none).");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw TokenRefused.invalid("Encrypted tokens are not accepted; the provider must issue signed JWT access tokens.");
        }
        String claimedIssuer;
        try {
            claimedIssuer = signed.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw TokenRefused.invalid("The token's claims are not readable.");
        }
        Issuer issuer = claimedIssuer == null ? null : issuers.get(claimedIssuer);
        if (issuer == null) {
            throw TokenRefused.invalid("The token comes from an issuer this server does not trust"
                    + (claimedIssuer == null ? " (no iss)." : ": " + printable(claimedIssuer) + "."));
        }
        return issuer.verify(signed);
    }

    private Grant opaque(String token) throws TokenRefused {
        if (introspection == null) {
            throw TokenRefused.invalid("The token is not a JWT access token, and this server has no client at the identity"
                    + " provider to introspect other tokens.");
        }
        List<IssuerMetadata> endpoints = new ArrayList<>();
        for (Issuer issuer : issuers.values()) {
            IssuerMetadata metadata = issuer.metadata();
            if (metadata.introspection() != null) {
                endpoints.add(metadata);
            }
        }
        if (endpoints.isEmpty()) {
            throw TokenRefused.invalid("The token is not a JWT access token, and the identity provider publishes no"
                    + " introspection endpoint.");
        }
        return introspection.check(token, endpoints, audiences(), scopes);
    }

    /** The audiences a token may carry: the resource, and those of {@code MCP_OAUTH_AUDIENCE}. */
    Set<String> audiences() {
        Set<String> out = new LinkedHashSet<>();
        out.add(resource.get().toString());
        out.addAll(settings.audiences());
        return out;
    }

    /** An attacker's text, made safe for a log line and an error. */
    static String printable(String text) {
        String clean = text.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 100 ? clean.substring(0, 97) + "..." : clean;
    }

    /** One trusted issuer: its metadata and a processor built on its keys, both made on first use. */
    private final class Issuer {
        private final URI uri;
        private IssuerMetadata metadata;
        private DefaultJWTProcessor<SecurityContext> processor;
        private Instant failedAt;
        private TokenRefused failure;

        Issuer(URI uri) {
            this.uri = uri;
        }

        synchronized IssuerMetadata metadata() throws TokenRefused {
            if (metadata == null) {
                if (failedAt != null && clock.instant().isBefore(failedAt.plus(RETRY_DISCOVERY_AFTER))) {
                    throw failure;
                }
                try {
                    metadata = IssuerMetadata.discover(http, uri);
                } catch (TokenRefused e) {
                    failedAt = clock.instant();
                    failure = e;
                    throw e;
                }
            }
            return metadata;
        }

        private synchronized DefaultJWTProcessor<SecurityContext> processor() throws TokenRefused {
            if (processor == null) {
                JWKSource<SecurityContext> keys;
                try {
                    keys = JWKSourceBuilder.<SecurityContext>create(metadata().jwksUri().toURL(),
                            new DefaultResourceRetriever(5_000, 5_000, 512 * 1024)).build();
                } catch (MalformedURLException e) {
                    throw TokenRefused.unavailable("the identity provider's jwks_uri is not a URL");
                }
                DefaultJWTProcessor<SecurityContext> made = new DefaultJWTProcessor<>();
                made.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"),
                        new JOSEObjectType("application/at+jwt"), JOSEObjectType.JWT, null));
                made.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
                DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audiences(),
                        new JWTClaimsSet.Builder().issuer(uri.toString()).build(), Set.of("sub", "exp"), null) {
                    @Override
                    protected Date currentTime() {
                        return Date.from(clock.instant());
                    }
                };
                claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
                made.setJWTClaimsSetVerifier(claims);
                processor = made;
            }
            return processor;
        }

        Grant verify(SignedJWT token) throws TokenRefused {
            JWTClaimsSet claims;
            try {
                claims = processor().process(token, null);
            } catch (BadJWTException e) {
                throw TokenRefused.invalid(claimsProblem(e.getMessage()));
            } catch (BadJOSEException e) {
                throw TokenRefused.invalid(e.getMessage() != null && e.getMessage().contains("type")
                        ? "The token's typ is not that of an access token (at+jwt)."
                        : "The token's signature does not verify with the issuer's published keys.");
            } catch (JWKSetUnavailableException e) {
                throw TokenRefused.unavailable("the identity provider's keys could not be read");
            } catch (KeySourceException e) {
                // A key the provider does not publish, asked again too soon after the last fetch (rate limit).
                throw TokenRefused.invalid("The token's signature does not verify with the issuer's published keys.");
            } catch (JOSEException e) {
                throw TokenRefused.invalid("The token's signature does not verify with the issuer's published keys.");
            }
            return new Grant(uri.toString(), claims.getSubject(), stringClaim(claims, settings.nameClaim()),
                    scopes.read(scopeClaim(claims)), claims.getExpirationTime().toInstant());
        }
    }

    private static String claimsProblem(String message) {
        String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("expired")) {
            return "The token has expired.";
        }
        if (m.contains(" aud ") || m.contains("audience")) {
            return "The token was not issued for this server (its audience is another resource).";
        }
        if (m.contains("before use time")) {
            return "The token is not valid yet (nbf).";
        }
        if (m.contains("missing required claims")) {
            return "The token lacks a required claim (sub, exp).";
        }
        if (m.contains("iss")) {
            return "The token's issuer does not match its keys.";
        }
        return "The token's claims are not accepted.";
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object value = name == null ? null : claims.getClaim(name);
        return value instanceof String s ? s : null;
    }

    /** {@code scope} (RFC 9068: space-separated), or {@code scp} (Entra ID: space-separated; Okta: an array). */
    static Set<String> scopeClaim(JWTClaimsSet claims) {
        Set<String> out = new HashSet<>();
        for (String name : List.of("scope", "scp")) {
            Object value = claims.getClaim(name);
            if (value instanceof String s) {
                out.addAll(List.of(s.trim().split("\\s+")));
            } else if (value instanceof List<?> list) {
                list.forEach(item -> out.add(String.valueOf(item)));
            }
        }
        out.remove("");
        return out;
    }
}
