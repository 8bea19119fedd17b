package dev.ciscosupport.mcp.sandbox;

import dev.ciscosupport.mcp.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cisco's OAuth2 token endpoint (id.cisco.com, Okta): client credentials by HTTP Basic or form post,
 * {@code expires_in 3600}, and Okta's {@code invalid_client} answer for wrong credentials.
 */
final class TokenEndpoint {
    private final String clientId;
    private final String clientSecret;
    private final SandboxTokens tokens;

    TokenEndpoint(String clientId, String clientSecret, SandboxTokens tokens) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.tokens = tokens;
    }

    Answer handle(HttpServletRequest request, Map<String, String> form) {
        if (!"client_credentials".equals(form.get("grant_type"))) {
            ObjectNode body = Json.MAPPER.createObjectNode().put("error", "unsupported_grant_type")
                    .put("error_description", "The authorization grant type is not supported by the authorization server.");
            return Answer.json(400, body);
        }
        String[] credentials = basicCredentials(request.getHeader("Authorization"));
        if (credentials == null) {
            credentials = new String[] {form.getOrDefault("client_id", ""), form.getOrDefault("client_secret", "")};
        }
        if (!same(credentials[0], clientId) || !same(credentials[1], clientSecret)) {
            ObjectNode body = Json.MAPPER.createObjectNode().put("errorCode", "invalid_client")
                    .put("errorSummary", "Invalid value for 'client_id' parameter.").put("errorLink", "invalid_client")
                    .put("errorId", "oaeSandbox").set("errorCauses", Json.MAPPER.createArrayNode());
            Answer a = Answer.json(401, body);
            return new Answer(a.status(), a.contentType(), Map.of("WWW-Authenticate", "Basic"), a.body());
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("token_type", "Bearer")
                .put("expires_in", SandboxTokens.LIFETIME.toSeconds()).put("access_token", tokens.issue())
                .put("scope", "customscope");
        return Answer.json(200, body);
    }

    private static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
