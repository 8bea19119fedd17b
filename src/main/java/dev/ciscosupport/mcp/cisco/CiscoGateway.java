package dev.ciscosupport.mcp.cisco;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.resilience.RecordCache;
import dev.ciscosupport.mcp.cisco.resilience.ResponseCache;
import dev.ciscosupport.mcp.cluster.Redis;
import dev.ciscosupport.mcp.cluster.SharedAnswers;
import dev.ciscosupport.mcp.cluster.SharedTurns;
import dev.ciscosupport.mcp.metrics.Meters;
import dev.ciscosupport.mcp.cisco.resilience.TimeSource;
import dev.ciscosupport.mcp.cisco.resilience.UpstreamGuard;
import dev.ciscosupport.mcp.config.Quota;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.config.Upstream;
import dev.ciscosupport.mcp.json.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The only code that talks HTTP to Cisco's APIs. Reuses a cached answer when it has one (or joins an
 * identical request in flight); otherwise sends the request through the {@link UpstreamGuard} (circuit
 * breaker, quota, retries), with the access token, a timeout, and one retry with a fresh token when
 * Cisco refuses an old one. Cisco's error shapes (gateway texts and headers, JSON error bodies) become
 * {@link CiscoException}s whose messages a person can act on.
 */
public final class CiscoGateway {
    private static final Logger LOG = LoggerFactory.getLogger(CiscoGateway.class);
    static final String MASHERY_ERROR = "X-Mashery-Error-Code";

    private final java.util.Map<SupportApi, Quota> quotas;
    private final CiscoHttp http;
    private final URI baseUrl;
    private final CiscoTokenSource tokens;
    private final Optional<String> missingCredentials;
    private final Duration timeout;
    private final UpstreamGuard guard;
    private final ResponseCache cache;
    private final RecordCache records;
    /** Answers kept for every replica (never cases or RMAs), or null for this process alone. */
    private final SharedAnswers sharedAnswers;
    private final Map<SupportApi, Duration> ttl = new EnumMap<>(SupportApi.class);
    private final AtomicLong requests = new AtomicLong();
    private volatile Consumer<SupportApi> onNotEntitled = api -> { };

    /**
     * @param missingCredentials the names of unset credential variables, if any: every call then fails
     *                           with a message naming them, and nothing is sent
     */
    public CiscoGateway(CiscoHttp http, URI baseUrl, CiscoTokenSource tokens, Optional<String> missingCredentials,
            Upstream upstream, TimeSource time) {
        this(http, baseUrl, tokens, missingCredentials, upstream, time, null, 1);
    }

    /**
     * @param redis    what replicas share (Cisco's quota, answers other than cases and RMAs), or null for this process alone
     * @param replicas how many replicas share one Cisco app's quota ({@code CISCO_QUOTA_REPLICAS})
     */
    public CiscoGateway(CiscoHttp http, URI baseUrl, CiscoTokenSource tokens, Optional<String> missingCredentials,
            Upstream upstream, TimeSource time, Redis redis, int replicas) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.missingCredentials = missingCredentials;
        this.timeout = upstream.timeout();
        this.quotas = upstream.quotas();
        this.guard = new UpstreamGuard(upstream, time, () -> ThreadLocalRandom.current().nextDouble(),
                redis == null ? null : new SharedTurns(redis), replicas);
        this.sharedAnswers = redis == null ? null : new SharedAnswers(redis);
        for (SupportApi api : SupportApi.values()) {
            ttl.put(api, upstream.cacheTtl(api));
        }
        this.cache = new ResponseCache(ttl, upstream.cacheMegabytes(), time);
        this.records = new RecordCache(ttl, upstream.cacheMegabytes(), time);
    }

    /** The quota this server keeps to for {@code api} (null: none), for workflows that plan their calls under it. */
    public Quota quota(SupportApi api) {
        return quotas.get(api);
    }

    /** The records of multi-ID lookups, kept one by one (the APIs that look records up by ID use it). */
    public RecordCache records() {
        return records;
    }

    /**
     * GETs {@code path} (built with {@link CiscoPath}) with the given query parameters, and returns the
     * parsed JSON body of a 200 answer. Each answer, fetched or reused, is charged to the call's budget first.
     */
    public JsonNode get(CallContext call, SupportApi api, String path, Map<String, String> query) {
        URI uri = uri(path, query);
        if (!call.charge()) {
            throw new CiscoException.OverBudget(api.displayName(), call.charged());
        }
        ResponseCache.Hit hit = cache.keeps(api)
                ? cache.get(new ResponseCache.Key(api, uri.toString(), ResponseCache.perCaller(api) ? call.caller() : ""),
                        call, fetching -> sharedOrGuarded(fetching, api, uri))
                : new ResponseCache.Hit(guarded(call, api, uri, true).body(), 0, false, true);
        call.answered(api.displayName(), hit.reused(), hit.ageSeconds(), hit.fetched());
        return hit.body();
    }

    /**
     * Like {@link #get}, but always asks Cisco: for probes, whose point is to learn what Cisco says now. A refusal is
     * the probe's own answer to act on, so the {@link #onNotEntitled} listener is not told.
     */
    public JsonNode getFresh(SupportApi api, String path, Map<String, String> query) {
        return guarded(CallContext.background(), api, uri(path, query), false).body();
    }

    private URI uri(String path, Map<String, String> query) {
        missingCredentials.ifPresent(names -> {
            throw new CiscoException.MissingCredentials(names);
        });
        return URI.create(baseUrl + path + queryString(query));
    }

    /**
     * What another replica fetched for the same request, else a fetch from Cisco that is then kept for the others. A
     * caller's own cases and RMAs never leave this process.
     */
    private ResponseCache.Fetched sharedOrGuarded(CallContext call, SupportApi api, URI uri) {
        if (sharedAnswers == null || ResponseCache.perCaller(api)) {
            return guarded(call, api, uri, true);
        }
        Optional<String> kept = sharedAnswers.get(api.settingName(), uri.toString());
        if (kept.isPresent()) {
            Meters.cache(api.settingName(), "shared");
            return new ResponseCache.Fetched(Json.MAPPER.readTree(kept.get()), kept.get().length(), false);
        }
        ResponseCache.Fetched fetched = guarded(call, api, uri, true);
        sharedAnswers.put(api.settingName(), uri.toString(), Json.MAPPER.writeValueAsString(fetched.body()), ttl.get(api));
        return fetched;
    }

    /** @param reportRefusal whether Cisco's "not entitled" is told to the {@link #onNotEntitled} listener */
    private ResponseCache.Fetched guarded(CallContext call, SupportApi api, URI uri, boolean reportRefusal) {
        return guard.call(api, call, () -> exchange(call, api, uri, reportRefusal));
    }

    /** One request, with one retry on a fresh token when Cisco refuses the current one. */
    private ResponseCache.Fetched exchange(CallContext call, SupportApi api, URI uri, boolean reportRefusal) {
        String token = tokens.token();
        CiscoHttp.Answer response = send(call, api, uri, token);
        if (worthANewToken(response, token)) {
            LOG.info("Cisco refused the access token for the {} (HTTP {}); fetching a new token and retrying once",
                    api.displayName(), response.status());
            tokens.invalidate(token);
            response = send(call, api, uri, tokens.token());
        }
        try {
            return new ResponseCache.Fetched(GatewayResponses.body(api, response), response.body().length());
        } catch (CiscoException.NotEntitled e) {
            if (reportRefusal && e.api() != null) {
                onNotEntitled.accept(e.api());
            }
            throw e;
        }
    }

    /**
     * Who to tell when Cisco says, in answer to a tool's request, that the app is not entitled to an API (so that a probe
     * can confirm it and the API's tools be withdrawn).
     */
    public void onNotEntitled(Consumer<SupportApi> listener) {
        this.onNotEntitled = listener;
    }

    /** Forgets every cached answer. */
    public void clearCache() {
        cache.clear();
    }

    /** How many requests were sent to Cisco's APIs (token requests not included). */
    public long requestCount() {
        return requests.get();
    }

    /**
     * A 401 always earns one retry with a new token. Cisco's gateway also answers an expired token with
     * 403 Not Authorized, but that is its answer for an API the app is not entitled to as well: a token
     * fetched moments ago cannot have expired, so then the refusal is about the API and is not retried.
     */
    private boolean worthANewToken(CiscoHttp.Answer response, String token) {
        if (response.status() == 401) {
            return true;
        }
        return response.status() == 403
                && response.header(MASHERY_ERROR).orElse("").contains("NOT_AUTHORIZED")
                && !tokens.isFresh(token);
    }

    private CiscoHttp.Answer send(CallContext call, SupportApi api, URI uri, String token) {
        HttpFields headers = HttpFields.build().add(HttpHeader.AUTHORIZATION, "Bearer " + token)
                .add(HttpHeader.ACCEPT, "application/json");
        guard.awaitTurn(api, call);
        if (call.cancelled()) {
            throw new CiscoException.Cancelled(api.displayName()); // its turn came too late for it
        }
        requests.incrementAndGet();
        long started = System.nanoTime();
        try {
            // A cancelled call aborts its request: the connection is closed, Cisco's answer is not waited for.
            CiscoHttp.Answer answer = http.get(uri, headers, timeout, call);
            LOG.debug("{} {} -> {} in {} ms", api.settingName(), uri.getRawPath(), answer.status(),
                    (System.nanoTime() - started) / 1_000_000);
            return answer;
        } catch (CancellationException e) {
            throw new CiscoException.Cancelled(api.displayName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping
            throw new CiscoException.Cancelled(api.displayName());
        } catch (CiscoHttp.Unanswered e) {
            throw failed(api, e.failure());
        }
    }

    /** Why a request got no answer, in words a person can act on. */
    private CiscoException failed(SupportApi api, CiscoHttp.Failure failure) {
        return switch (failure) {
            case TIMED_OUT -> new CiscoException.Unavailable("Cisco's " + api.displayName() + " did not answer within "
                    + timeout.toSeconds() + " s; try again in a minute.");
            case UNREACHABLE -> new CiscoException.Unavailable("Could not reach Cisco's " + api.displayName() + " at "
                    + baseUrl + "; check the network and CISCO_API_BASE_URL.");
            case TLS_REFUSED -> new CiscoException.Unavailable(CiscoHttp.handshakeFailed("Cisco's " + api.displayName()
                    + " at " + baseUrl, "CISCO_API_BASE_URL"), false);
            case PROXY_REFUSED -> new CiscoException.Unavailable(CiscoHttp.proxyRefused("Cisco's " + api.displayName()
                    + " at " + baseUrl), false);
            case TOO_LARGE -> new CiscoException.Unavailable(CiscoHttp.tooLarge("Cisco's " + api.displayName())
                    + "; ask for less at once.", false);
            case BROKEN -> new CiscoException.Unavailable("The connection to Cisco's " + api.displayName()
                    + " broke before its answer was complete; try again in a minute.");
        };
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        return query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8).replace("+", "%20") + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&", "?", ""));
    }

    /** Parses a JSON object body, or says plainly that Cisco sent something else. */
    static JsonNode parse(SupportApi api, String body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw new CiscoException.Unavailable("Cisco's " + api.displayName()
                    + " sent an answer that is not valid JSON; try again in a minute.");
        }
        return ThirdPartyText.clean(node); // every text Cisco sends, before any of it reaches a tool or a model
    }
}
