package dev.ciscosupport.mcp.sandbox;

import java.util.Locale;
import java.util.Optional;

/** What the sandbox can be told to do wrong, as Cisco's gateway and APIs do it. */
public enum Fault {
    /** HTTP 500 with Cisco's internal-error body. */
    SERVER_ERROR,
    /** HTTP 503 from the gateway. */
    SERVICE_UNAVAILABLE,
    /** HTTP 502 Bad Gateway from the gateway. */
    BAD_GATEWAY,
    /** The connection is dropped in the middle of the answer, as a reset connection looks to a client. */
    CONNECTION_RESET,
    /** HTTP 504 Gateway Timeout (text/xml), as Mashery sends it. */
    GATEWAY_TIMEOUT,
    /** 403 with {@code ERR_403_DEVELOPER_OVER_RATE}: the app is over its quota. */
    OVER_RATE,
    /** 403 with {@code ERR_403_DEVELOPER_OVER_QPS}: the app is over its per-second limit. */
    OVER_QPS,
    /** 429 with {@code Retry-After}, as openVuln sends it. */
    TOO_MANY_REQUESTS,
    /** 403 with {@code ERR_403_NOT_AUTHORIZED}: the token is refused or the API is not enabled for the app. */
    NOT_AUTHORIZED,
    /** 403 with {@code ERR_403_DEVELOPER_INACTIVE}. */
    DEVELOPER_INACTIVE,
    /** 401, as some gateways answer an expired token. */
    UNAUTHORIZED,
    /** A 200 whose body is not JSON. */
    MALFORMED_JSON,
    /** The token endpoint answers 503 (applies to token requests, not API requests). */
    TOKEN_ENDPOINT_DOWN;

    /** Reads {@code over_rate}, {@code OVER-RATE} and the like. */
    public static Optional<Fault> parse(String name) {
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
