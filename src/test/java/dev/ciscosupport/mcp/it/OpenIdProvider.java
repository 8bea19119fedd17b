package dev.ciscosupport.mcp.it;

import dev.ciscosupport.mcp.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real OpenID provider on loopback for the OAuth tests: panva's oidc-provider from npm (pinned), run by
 * {@code src/test/node/openid-provider.mjs} with the providers and clients of a plan; stopped when closed.
 */
final class OpenIdProvider implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final JsonNode issuers;
    private final Path plan;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Starts the providers of {@code plan} ({@code {"providers": [{"name", "clients": [...]}]}}). */
    OpenIdProvider(ObjectNode plan) throws IOException {
        this.plan = Files.createTempFile("openid-plan", ".json");
        Files.writeString(this.plan, Json.MAPPER.writeValueAsString(plan));
        process = new ProcessBuilder(List.of(NodeClient.node(), "openid-provider.mjs", this.plan.toString())).directory(NodeClient.clientsDir().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        issuers = Json.MAPPER.readTree(line());
    }

    /** The issuer URL of the provider named {@code name} in the plan. */
    String issuer(String name) {
        return issuers.path(name).asString();
    }

    /** The provider's token endpoint, as its OpenID configuration gives it. */
    String tokenEndpoint(String name) throws IOException, InterruptedException {
        HttpResponse<String> configuration = http.send(HttpRequest.newBuilder(URI.create(issuer(name)
                + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(configuration.body()).path("token_endpoint").asString();
    }

    /** An access token for {@code resource} by client credentials, as the provider answers it. */
    JsonNode token(String name, String clientId, String secret, String resource, String scope)
            throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&resource=" + URLEncoder.encode(resource, StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenEndpoint(name)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode token = Json.MAPPER.readTree(response.body());
        if (!token.has("access_token")) {
            throw new AssertionError("the provider gave no token: " + response.body());
        }
        return token;
    }

    /** Gives the provider a new signing key (the old one no longer published); returns the new key's id. */
    String rotate(String name) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(("rotate " + name + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        return Json.MAPPER.readTree(line()).path("kid").asString();
    }

    private String line() throws IOException {
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String line = read.get(60, TimeUnit.SECONDS);
            if (line == null) {
                throw new IOException("the OpenID provider stopped");
            }
            return line;
        } catch (Exception e) {
            throw new IOException("no answer from the OpenID provider: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close(); // the script stops when its input ends
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        Files.deleteIfExists(plan);
    }
}
