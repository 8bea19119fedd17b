package dev.ciscosupport.mcp.cisco;

import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Cisco's OAuth2 access token (client credentials, HTTP Basic), kept in memory only.
 *
 * <p>A token is refreshed 30 minutes before it expires, or at half its lifetime when that comes first
 * (Cisco's live 3600 s, so both rules say 30 minutes). Callers that arrive while a refresh is running
 * wait for it and share its result: one refresh, however many concurrent calls.
 */
public final class CiscoTokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(CiscoTokenSource.class);
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(30);
    /** A token this young is not retried when Cisco refuses it: it is the API that is refused, not the token. */
    private static final Duration FRESH = Duration.ofSeconds(60);

    private final CiscoHttp http;
    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final InstantSource clock;
    private final Duration timeout;
    private final ReentrantLock refreshLock = new ReentrantLock();
    private volatile Token current;

    record Token(String value, Instant issuedAt, Instant refreshAt, Instant expiresAt) {
    }

    /**
     * What a person fixes when the token endpoint fails: the credential variables and the setting that chose the
     * endpoint, named in the error sentences.
     */
    public record Settings(String clientId, String clientSecret, String endpoint, String console) {
        /** The API Console app's, for the Support APIs. */
        public static final Settings SUPPORT_APIS = new Settings("CISCO_CLIENT_ID", "CISCO_CLIENT_SECRET", "CISCO_TOKEN_URL",
                "the app is active in Cisco's API Console");
        /** Smart Bonding's own credentials, issued by Cisco's Smart Bonding team. */
        public static final Settings SMART_BONDING = new Settings("SMART_BONDING_CLIENT_ID", "SMART_BONDING_CLIENT_SECRET",
                "SMART_BONDING_ENV", "Cisco's Smart Bonding team has activated them for this environment");
    }

    private final Settings named;

    public CiscoTokenSource(CiscoHttp http, URI tokenUrl, String clientId, String clientSecret, InstantSource clock,
            Duration timeout) {
        this(http, tokenUrl, clientId, clientSecret, clock, timeout, Settings.SUPPORT_APIS);
    }

    /** @param named the settings a failure's sentence tells the person to check */
    public CiscoTokenSource(CiscoHttp http, URI tokenUrl, String clientId, String clientSecret, InstantSource clock,
            Duration timeout, Settings named) {
        this.named = named;
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** A usable access token, fetched or refreshed when needed. */
    public String token() {
        Token token = current;
        if (token != null && clock.instant().isBefore(token.refreshAt())) {
            return token.value();
        }
        refreshLock.lock();
        try {
            token = current;
            Instant now = clock.instant();
            if (token != null && now.isBefore(token.refreshAt())) {
                return token.value(); // another caller refreshed while we waited
            }
            try {
                current = fetch();
            } catch (CiscoException.Unavailable e) {
                if (token != null && now.isBefore(token.expiresAt())) {
                    // The early refresh failed, but the token we have is still good: keep working with it.
                    LOG.warn("Refreshing the Cisco token failed ({}); the current token stays in use until it expires",
                            e.getMessage());
                    return token.value();
                }
                throw e;
            }
            return current.value();
        } finally {
            refreshLock.unlock();
        }
    }

    /** Forgets {@code refused} if it is still the current token, so the next call fetches a new one. */
    public void invalidate(String refused) {
        refreshLock.lock();
        try {
            Token token = current;
            if (token != null && token.value().equals(refused)) {
                current = null;
            }
        } finally {
            refreshLock.unlock();
        }
    }

    /** True when {@code value} was fetched moments ago, so a refusal cannot be blamed on its age. */
    public boolean isFresh(String value) {
        Token token = current;
        return token != null && token.value().equals(value)
                && clock.instant().isBefore(token.issuedAt().plus(FRESH));
    }

    private Token fetch() {
        String basic = Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        HttpFields headers = HttpFields.build().add(HttpHeader.AUTHORIZATION, "Basic " + basic)
                .add(HttpHeader.ACCEPT, "application/json");
        CiscoHttp.Answer response;
        try {
            response = sendOnceMore(headers);
        } catch (CiscoHttp.Unanswered e) {
            throw switch (e.failure()) {
                case TIMED_OUT -> new CiscoException.Unavailable("Cisco's token endpoint (" + tokenUrl
                        + ") did not answer within " + timeout.toSeconds() + " s; try again shortly.");
                case TLS_REFUSED -> new CiscoException.Unavailable(CiscoHttp.handshakeFailed("Cisco's token endpoint at "
                        + tokenUrl, named.endpoint()), false);
                case PROXY_REFUSED -> new CiscoException.Unavailable(CiscoHttp.proxyRefused("Cisco's token endpoint at "
                        + tokenUrl), false);
                default -> new CiscoException.Unavailable("Could not reach Cisco's token endpoint (" + tokenUrl
                        + "); check the network and " + named.endpoint() + ".");
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CiscoException.Unavailable("The request for a Cisco token was interrupted.");
        }
        return parse(response.status(), response.body(), clock.instant(), named);
    }

    /**
     * Sends, and on a connection failure sends once more: a pooled connection the server has since closed fails the
     * first attempt, and asking for a token again is harmless (the grant changes nothing). A time-out, a refused
     * handshake or a refused tunnel is not sent again.
     */
    private CiscoHttp.Answer sendOnceMore(HttpFields headers) throws CiscoHttp.Unanswered, InterruptedException {
        try {
            return http.postForm(tokenUrl, headers, "grant_type=client_credentials", timeout);
        } catch (CiscoHttp.Unanswered e) {
            if (e.failure() == CiscoHttp.Failure.TIMED_OUT || e.failure() == CiscoHttp.Failure.TLS_REFUSED
                    || e.failure() == CiscoHttp.Failure.PROXY_REFUSED) {
                throw e; // a second handshake would meet the same certificate, a second tunnel the same proxy
            }
            LOG.debug("Token request failed ({}); trying once more", e.failure());
            return http.postForm(tokenUrl, headers, "grant_type=client_credentials", timeout);
        }
    }

    /** A token endpoint's answer read into a token, or the exception that says what went wrong. */
    static Token parse(int status, String text, Instant now) {
        return parse(status, text, now, Settings.SUPPORT_APIS);
    }

    /** The same, a refusal naming the settings of {@code named}. */
    static Token parse(int status, String text, Instant now, Settings named) {
        JsonNode body = readQuietly(text);
        if (status == 200) {
            String value = Json.text(body, "access_token");
            if (value.isEmpty()) {
                throw new CiscoException.Unavailable("Cisco's token endpoint answered without an access token; try again shortly.");
            }
            long lifetime = Math.max(1, Json.integer(body, "expires_in", 3600));
            Duration life = Duration.ofSeconds(lifetime);
            Duration untilRefresh = life.minus(REFRESH_MARGIN);
            // Not life.dividedBy(2): it divides a BigDecimal, whose class set-up cost the first call 14 ms.
            Duration half = Duration.ofSeconds(lifetime / 2, lifetime % 2 * 500_000_000L);
            if (untilRefresh.compareTo(half) > 0 || untilRefresh.isNegative()) {
                untilRefresh = half;
            }
            LOG.debug("Fetched a Cisco access token valid for {} s", lifetime);
            return new Token(value, now, now.plus(untilRefresh), now.plus(life));
        }
        // Okta answers {"errorCode":"invalid_client",...}; RFC 6749 says {"error":"invalid_client"}.
        String code = ErrorTexts.code(first(Json.text(body, "error"), Json.text(body, "errorCode")));
        if (status == 400 || status == 401 || status == 403) {
            String reason = code.isEmpty() ? "HTTP " + status : code;
            throw new CiscoException.AuthenticationFailed("Cisco's token endpoint refused the client credentials ("
                    + reason + "): check " + named.clientId() + " and " + named.clientSecret() + ", and that "
                    + named.console() + ".");
        }
        throw new CiscoException.Unavailable("Cisco's token endpoint is unavailable (HTTP " + status + "); try again shortly.");
    }

    private static JsonNode readQuietly(String body) {
        try {
            return Json.MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JacksonException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    private static String first(String a, String b) {
        return a.isEmpty() ? b : a;
    }
}
