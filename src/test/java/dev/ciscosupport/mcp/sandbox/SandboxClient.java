package dev.ciscosupport.mcp.sandbox;

import dev.ciscosupport.mcp.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/** Talks to a sandbox the way a plain HTTP client would, so tests can see its exact wire format. */
public final class SandboxClient {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final SandboxServer sandbox;
    private String token;

    public SandboxClient(SandboxServer sandbox) {
        this.sandbox = sandbox;
    }

    public HttpResponse<String> token(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(sandbox.tokenUrl()).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
    }

    /** GET with a valid token (fetched once). */
    public HttpResponse<String> get(String pathAndQuery) {
        if (token == null) {
            token = Json.MAPPER.readTree(token(SandboxServer.CLIENT_ID, SandboxServer.CLIENT_SECRET).body())
                    .path("access_token").asString();
        }
        return send(HttpRequest.newBuilder(URI.create(sandbox.apiBaseUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build());
    }

    public JsonNode getJson(String pathAndQuery) {
        return Json.MAPPER.readTree(get(pathAndQuery).body());
    }

    public HttpResponse<String> getWithoutToken(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.apiBaseUrl() + pathAndQuery)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
