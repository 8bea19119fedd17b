package dev.ciscosupport.mcp.cisco;

import dev.ciscosupport.mcp.json.Json;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads Cisco's own error objects and keeps only what is safe to show: an error code made of
 * letters, digits and underscores, and a short one-line description without markup.
 */
public final class ErrorTexts {
    private ErrorTexts() {
    }

    /** An application error Cisco put in a body: {@code ErrorCode}, {@code ErrorDescription} and Cisco's suggested action. */
    public record ApiError(String code, String description, String action) {
        public ApiError(String code, String description) {
            this(code, description, "");
        }

        /** "CODE (description)" or just one of them. */
        public String summary() {
            if (description.isEmpty()) {
                return code;
            }
            return code.isEmpty() ? description : code + " (" + description + ")";
        }
    }

    /**
     * The first error of {@code {"ErrorResponse":{"APIError":[...]}}} (Bug, SN2INFO, Product Info), whose
     * {@code APIError} may also be a single object.
     */
    public static Optional<ApiError> errorResponse(JsonNode body) {
        JsonNode apiError = body.path("ErrorResponse").path("APIError");
        JsonNode first = apiError.isArray() ? apiError.path(0) : apiError;
        if (!first.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new ApiError(code(Json.text(first, "ErrorCode")),
                description(Json.text(first, "ErrorDescription")), description(Json.text(first, "SuggestedAction"))));
    }

    /** PSIRT openVuln's {@code {"errorCode":"NO_DATA_FOUND","errorMessage":"No data found"}}. */
    public static Optional<ApiError> errorCodeAndMessage(JsonNode body) {
        if (!body.path("errorCode").isString()) {
            return Optional.empty();
        }
        return Optional.of(new ApiError(code(Json.text(body, "errorCode").replace(" ", "")),
                description(Json.text(body, "errorMessage"))));
    }

    /** Software Suggestion's {@code {"errorDetailsResponse":{"errorCode":...,"errorDescription":...}}}. */
    public static Optional<ApiError> errorDetails(JsonNode body) {
        JsonNode details = body.path("errorDetailsResponse");
        if (!details.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new ApiError(code(Json.text(details, "errorCode")), description(Json.text(details, "errorDescription")),
                description(Json.text(details, "suggestedAction"))));
    }

    /** Any of the JSON error shapes Cisco's APIs use in bodies. */
    public static Optional<ApiError> any(JsonNode body) {
        Optional<ApiError> error = errorResponse(body);
        if (error.isEmpty()) {
            error = errorCodeAndMessage(body);
        }
        return error.isPresent() ? error : errorDetails(body);
    }

    /** An error code as Cisco spells them (API_MISSING_PARAMETERS, invalid_client); anything else is dropped. */
    public static String code(String raw) {
        String trimmed = raw == null ? "" : raw.strip();
        return trimmed.matches("[A-Za-z0-9_.,-]{1,60}") ? trimmed : "";
    }

    /**
     * Cisco's description, without markup or control characters, at most 200 characters. A message written as
     * one upper-case token ({@code URI_CONTAINING(/CVRF/)_IS_NO_LONGER_AVAILABLE}) is given as words.
     */
    public static String description(String raw) {
        if (raw == null) {
            return "";
        }
        String clean = ThirdPartyText.clean(raw.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ")).strip();
        if (clean.matches("[A-Z0-9]+(_[A-Z0-9()/.-]+){2,}")) {
            clean = clean.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        }
        return clean.length() > 200 ? clean.substring(0, 197) + "..." : clean;
    }
}
