package dev.ciscosupport.mcp.sandbox;

import java.util.Map;

/** The answers Cisco's gateway gives for each {@link Fault} (texts from SPEC.md §1.4 and examples/gateway). */
final class GatewayFaults {
    private GatewayFaults() {
    }

    static Answer answer(Fault fault) {
        return switch (fault) {
            case SERVER_ERROR -> Answer.apiError(500, "API_ERROR_01", "Internal Server Error", "Please try again later");
            case BAD_GATEWAY -> Answer.gateway(502, null, "<h1>Bad Gateway</h1>", Map.of());
            case CONNECTION_RESET -> Answer.DROPPED;
            case SERVICE_UNAVAILABLE -> Answer.gateway(503, null, "<h1>Service Unavailable</h1>", Map.of());
            case GATEWAY_TIMEOUT -> Answer.gateway(504, null, "<h1>Gateway Timeout</h1>", Map.of());
            case OVER_RATE -> Answer.gateway(403, "ERR_403_DEVELOPER_OVER_RATE", "<h1>Developer Over Rate</h1>",
                    Map.of("X-Error-Detail-Header", "Account Over Rate Limit"));
            case OVER_QPS -> Answer.gateway(403, "ERR_403_DEVELOPER_OVER_QPS", "<h1>Developer Over Qps</h1>",
                    Map.of("X-Error-Detail-Header", "Account Over Queries Per Second Limit"));
            case TOO_MANY_REQUESTS -> Answer.gateway(429, "ERR_403_DEVELOPER_OVER_RATE", "<h1>Developer Over Rate</h1>",
                    Map.of("X-Error-Detail-Header", "Account Over Rate Limit", "Retry-After", "7"));
            case NOT_AUTHORIZED -> notAuthorized();
            case DEVELOPER_INACTIVE -> Answer.gateway(403, "ERR_403_DEVELOPER_INACTIVE", "<h1>Developer Inactive</h1>", Map.of());
            case UNAUTHORIZED -> Answer.gateway(401, null, "<h1>Unauthorized</h1>", Map.of("WWW-Authenticate", "Bearer"));
            case MALFORMED_JSON -> new Answer(200, "application/json;charset=UTF-8", Map.of(), "{\"bugs\":[{\"id\":\"1\",");
            case TOKEN_ENDPOINT_DOWN -> Answer.gateway(503, null, "<h1>Service Unavailable</h1>", Map.of());
        };
    }

    static Answer notAuthorized() {
        return Answer.gateway(403, "ERR_403_NOT_AUTHORIZED", "<h1>Not Authorized</h1>", Map.of());
    }

    static Answer missingAuthorization() {
        return Answer.gateway(403, "ERR_403_NOT_AUTHORIZED", "Authorization Header is either empty or not found in request",
                Map.of());
    }

    static Answer serviceNotFound() {
        return Answer.gateway(596, null, "<h1>Service Not Found</h1>", Map.of());
    }
}
