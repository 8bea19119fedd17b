package dev.ciscosupport.mcp.smartbonding;

import dev.ciscosupport.mcp.cisco.CiscoHttp;
import dev.ciscosupport.mcp.cisco.CiscoTokenSource;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.resilience.QuotaLimiter;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.json.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cisco's Smart Bonding API as its customer documentation describes it: a ticket message pushed
 * ({@code POST /rest/v1/push/call}), Cisco's messages pulled one at a time ({@code GET /rest/v1/pull/call}, 204 when
 * none is left), the routing codes ({@code GET /tsp/api/v1/xylem/tspcodes}), and attachments put on Cisco's Customer
 * eXperience Drive with the ticket's own upload credentials ({@code PUT https://cxd.cisco.com/home/<file>}).
 *
 * <p>Nothing here is retried but a refused access token: a push changes a ticket, and a pull consumes a message, so a
 * second try could do either twice; for the same reason a push, a pull or an upload, once sent, runs to its end when
 * the call is cancelled (a pull's message would be lost), while a lookup of routing codes is cut short. The Smart
 * Bonding token goes to the Smart Bonding host alone; an upload carries only the ticket's upload credentials, and only
 * to the upload host this client was built with.
 */
public final class SmartBondingClient {
    private static final String API = SupportApi.SMART_BONDING.displayName();
    private final CiscoHttp http;
    private final URI apiBase;
    private final URI uploadBase;
    private final CiscoTokenSource tokens;
    private final Optional<String> missingCredentials;
    private final QuotaLimiter quota;
    private final Duration timeout;

    /**
     * @param apiBase    the API's root (before {@code /rest/v1/...})
     * @param uploadBase the attachment drive's root (before {@code /home/...})
     */
    public SmartBondingClient(CiscoHttp http, URI apiBase, URI uploadBase, CiscoTokenSource tokens,
            Optional<String> missingCredentials, QuotaLimiter quota, Duration timeout) {
        this.http = http;
        this.apiBase = apiBase;
        this.uploadBase = uploadBase;
        this.tokens = tokens;
        this.missingCredentials = missingCredentials;
        this.quota = quota;
        this.timeout = timeout;
    }

    /** The host attachments go to: the only one an upload's credentials are ever sent to. */
    public String uploadHost() {
        return uploadBase.getHost();
    }

    /** Sends one ticket message; Cisco's acknowledgement (often empty: its answer comes later, by pull). */
    public JsonNode push(ObjectNode message, String correlationId, CallContext call) {
        CiscoHttp.Answer response = send(call, CallContext.background(), correlationId, HttpMethod.POST,
                endpoint("/rest/v1/push/call"), Json.MAPPER.writeValueAsBytes(message));
        return body(response);
    }

    /** Cisco's next message not yet pulled, or empty when there is none (204). Each message is handed out once. */
    public Optional<JsonNode> pull(String correlationId, CallContext call) {
        CiscoHttp.Answer response = send(call, CallContext.background(), correlationId, HttpMethod.GET,
                endpoint("/rest/v1/pull/call"), null);
        if (response.status() == 204 || response.body() == null || response.body().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(body(response));
    }

    /** A page of the Technology / Sub-Technology / Problem codes Cisco routes cases by. */
    public JsonNode tspCodes(Map<String, String> query, String correlationId, CallContext call) {
        String q = query.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        CiscoHttp.Answer response = send(call, call, correlationId, HttpMethod.GET,
                endpoint("/tsp/api/v1/xylem/tspcodes" + (q.isEmpty() ? "" : "?" + q)), null);
        return body(response);
    }

    /**
     * Puts one file on the ticket's folder of Cisco's file drive, authenticated by the ticket number and its upload token
     * (HTTP Basic), as Cisco's "Customer File Uploads to Cisco TAC" describes; Cisco answers 201 Created.
     */
    public void upload(String ticketNumber, String uploadToken, String fileName, byte[] content, CallContext call) {
        String basic = Base64.getEncoder().encodeToString((ticketNumber + ":" + uploadToken).getBytes(StandardCharsets.UTF_8));
        URI target = uploadBase.resolve("/home/" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        HttpFields headers = HttpFields.build().add(HttpHeader.AUTHORIZATION, "Basic " + basic);
        quota.acquire(SupportApi.SMART_BONDING, call);
        CiscoHttp.Answer response = exchange(call, CallContext.background(), HttpMethod.PUT, target, headers,
                "application/octet-stream", content, timeout.multipliedBy(4), "Cisco's file drive");
        int status = response.status();
        if (status == 201 || status == 200 || status == 204) {
            return;
        }
        if (status == 401 || status == 403) {
            throw new CiscoException.AuthenticationFailed("Cisco's file drive refused ticket " + ticketNumber + "'s upload"
                    + " credentials (HTTP " + status + "): check the ticket number and its upload token (Cisco's"
                    + " Field81; a token lasts 72 days from the case's creation and is renewed until closure).");
        }
        if (status == 409) {
            throw new CiscoException.Rejected("Cisco's file drive already has " + fileName + " on ticket " + ticketNumber
                    + " (HTTP 409); an attachment cannot be changed once sent: send it under another name.", "409");
        }
        throw failure(status, response, "Cisco's file drive");
    }

    private URI endpoint(String path) {
        return apiBase.resolve(apiBase.getPath() + path);
    }

    /**
     * Sends one request to the API with the Smart Bonding token (a new one once, when Cisco refuses one it issued a
     * while ago); {@code abortable} is {@code call} when a cancelled call may cut the request short, else
     * {@link CallContext#background()}.
     */
    private CiscoHttp.Answer send(CallContext call, CallContext abortable, String correlationId, HttpMethod method,
            URI uri, byte[] json) {
        missingCredentials.ifPresent(names -> {
            throw new CiscoException.MissingCredentials(names);
        });
        for (int attempt = 0; ; attempt++) {
            quota.acquire(SupportApi.SMART_BONDING, call);
            String token = tokens.token();
            HttpFields headers = HttpFields.build().add(HttpHeader.ACCEPT, "application/json")
                    .add("x-correlation-id", correlationId).add(HttpHeader.AUTHORIZATION, "Bearer " + token);
            CiscoHttp.Answer response = exchange(call, abortable, method, uri, headers, json == null ? null
                    : "application/json", json, timeout, "Cisco's Smart Bonding API");
            int status = response.status();
            if (status == 401 && attempt == 0 && !tokens.isFresh(token)) {
                tokens.invalidate(token); // expired early on Cisco's side: one new token, then the same request
                continue;
            }
            if (status >= 200 && status < 300) {
                return response;
            }
            throw failure(status, response, "Cisco's Smart Bonding API");
        }
    }

    private CiscoHttp.Answer exchange(CallContext call, CallContext abortable, HttpMethod method, URI uri,
            HttpFields headers, String contentType, byte[] body, Duration within, String who) {
        try {
            CiscoHttp.Answer response = http.send(method, uri, headers, contentType, body, within, abortable);
            call.answered(API, false, 0, true);
            return response;
        } catch (CiscoHttp.Unanswered e) {
            String host = uri.getHost();
            throw switch (e.failure()) {
                case TIMED_OUT -> new CiscoException.Unavailable(who + " did not answer within " + within.toSeconds()
                        + " s; the message may or may not have arrived: pull Cisco's updates before sending it again.");
                case TLS_REFUSED -> new CiscoException.Unavailable(CiscoHttp.handshakeFailed(who + " (" + host + ")",
                        "SMART_BONDING_ENV and the SMART_BONDING_*_URL settings"), false);
                case PROXY_REFUSED -> new CiscoException.Unavailable(CiscoHttp.proxyRefused(who + " (" + host + ")"), false);
                case TOO_LARGE -> new CiscoException.Unavailable(CiscoHttp.tooLarge(who) + ".", false);
                case BROKEN -> new CiscoException.Unavailable("The connection to " + who + " (" + host + ") broke before"
                        + " its answer was complete; the message may or may not have arrived: pull Cisco's updates before"
                        + " sending it again.");
                case UNREACHABLE -> new CiscoException.Unavailable("Could not reach " + who + " (" + host + "); check the"
                        + " network.");
            };
        } catch (CancellationException e) {
            throw new CiscoException.Cancelled(API);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CiscoException.Cancelled(API);
        }
    }

    /** Cisco's error, as a sentence: the status, and the {@code message} its JSON error carries when there is one. */
    private static CiscoException failure(int status, CiscoHttp.Answer response, String who) {
        String said = SmartBondingErrors.message(response.body());
        String detail = " (HTTP " + status + (said.isEmpty() ? "" : ": " + said) + ")";
        return switch (status) {
            case 400, 422 -> new CiscoException.Rejected(who + " refused the message" + detail
                    + "; correct it and send it again.", String.valueOf(status));
            case 401 -> new CiscoException.AuthenticationFailed(who + " refused the access token" + detail
                    + ": check SMART_BONDING_CLIENT_ID and SMART_BONDING_CLIENT_SECRET, and SMART_BONDING_ENV.");
            case 403 -> new CiscoException.NotEntitled(who + " refused these credentials" + detail + ": ask Cisco's Smart"
                    + " Bonding team to enable this connection for the call.", SupportApi.SMART_BONDING);
            case 404 -> new CiscoException.Rejected(who + " does not know that ticket" + detail + ".", "404");
            case 429 -> new CiscoException.RateLimited(who + " asks to slow down" + detail + "; try again in "
                    + retryAfter(response) + " s.", retryAfter(response));
            default -> new CiscoException.Unavailable(who + " failed" + detail + "; the message may or may not have"
                    + " arrived: pull Cisco's updates before sending it again.", status >= 500);
        };
    }

    private static long retryAfter(CiscoHttp.Answer response) {
        try {
            return Math.max(1, Long.parseLong(response.header("Retry-After").orElse("60").strip()));
        } catch (NumberFormatException e) {
            return 60;
        }
    }

    private static JsonNode body(CiscoHttp.Answer response) {
        String text = response.body();
        if (text == null || text.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            Map<String, String> wrapped = new LinkedHashMap<>();
            wrapped.put("text", SmartBondingErrors.printable(text));
            return Json.MAPPER.valueToTree(wrapped);
        }
    }
}
