package dev.ciscosupport.mcp.cisco;

import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.json.Json;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Turns Cisco's answers into a JSON body or a {@link CiscoException}. Cisco's gateway (Mashery) says
 * why it refused only in the {@code X-Mashery-Error-Code} header, and uses 403 both for "not entitled"
 * and for "over the rate limit"; the APIs behind it add JSON error bodies of their own (SPEC.md §1.4).
 */
final class GatewayResponses {
    /** How long an API is left alone after Cisco says its quota is used up without saying for how long. */
    static final long QUOTA_PAUSE_SECONDS = 60;

    private GatewayResponses() {
    }

    static JsonNode body(SupportApi api, CiscoHttp.Answer response) {
        int status = response.status();
        if (status == 200) {
            return CiscoGateway.parse(api, response.body());
        }
        String mashery = response.header(CiscoGateway.MASHERY_ERROR).orElse("").toUpperCase(Locale.ROOT);
        if (status == 429 || mashery.contains("OVER_RATE") || mashery.contains("OVER_QPS")) {
            throw rateLimited(api, response, mashery);
        }
        if (mashery.contains("DEVELOPER_INACTIVE")) {
            throw new CiscoException.NotEntitled("Cisco's gateway reports that the API app is inactive (not approved or disabled)."
                    + " Check the app behind CISCO_CLIENT_ID in Cisco's API Console.", null);
        }
        if (mashery.contains("NOT_AUTHORIZED")) {
            throw new CiscoException.NotEntitled("The Cisco API app is not entitled to the " + api.displayName()
                    + " (Cisco answered 403 Not Authorized). Enable the " + api.displayName()
                    + " for this app in Cisco's API Console, or remove \"" + api.settingName() + "\" from SUPPORT_API.", api);
        }
        if (status == 401) {
            throw new CiscoException.AuthenticationFailed("Cisco refused the access token for the " + api.displayName()
                    + " even after a new one was fetched; check the app behind CISCO_CLIENT_ID in Cisco's API Console.");
        }
        Optional<ErrorTexts.ApiError> apiError = jsonError(response.body());
        if (apiError.isPresent() && status < 500) {
            ErrorTexts.ApiError error = apiError.get();
            throw new CiscoException.Rejected("Cisco's " + api.displayName() + " rejected the request: " + error.summary()
                    + ".", error.code());
        }
        if (status == 596) {
            // Cisco's gateway found no service for the path: sending it again cannot help.
            throw new CiscoException.Unavailable("Cisco's gateway has no service at this path for the " + api.displayName()
                    + " (HTTP 596 Service Not Found); check CISCO_API_BASE_URL.", false);
        }
        if (status >= 500) {
            throw new CiscoException.Unavailable("Cisco's " + api.displayName() + " is unavailable right now (HTTP " + status
                    + (status == 504 ? " Gateway Timeout" : "")
                    + "); try again in a minute.");
        }
        throw new CiscoException.Rejected("Cisco's " + api.displayName() + " refused the request (HTTP " + status + ").",
                "HTTP_" + status);
    }

    private static CiscoException.RateLimited rateLimited(SupportApi api, CiscoHttp.Answer response, String mashery) {
        boolean perSecond = mashery.contains("OVER_QPS");
        // Without a Retry-After, a per-second limit passes within a second; a quota (per minute or day) needs longer.
        long retryAfter = response.header("Retry-After").map(GatewayResponses::seconds).filter(s -> s > 0)
                .orElse(perSecond ? 1L : QUOTA_PAUSE_SECONDS);
        String which = perSecond ? "the per-second limit" : mashery.contains("OVER_RATE") ? "its quota" : "its rate limit";
        return new CiscoException.RateLimited("Cisco is rate limiting this API app: it is over " + which + " for the "
                + api.displayName() + ". Retry after " + retryAfter + " s, and make fewer calls at once.", retryAfter);
    }

    private static long seconds(String header) {
        try {
            return Math.max(0, Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<ErrorTexts.ApiError> jsonError(String body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
            return ErrorTexts.any(node);
        } catch (RuntimeException e) {
            return Optional.empty(); // gateway bodies are XML/HTML; the status says enough
        }
    }
}
