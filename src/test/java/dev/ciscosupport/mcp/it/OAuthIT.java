package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.ciscosupport.mcp.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * HTTP mode as an OAuth 2.1 resource server, against a real OpenID provider (oidc-provider from npm, on loopback) and
 * the official TypeScript SDK client's OAuth support: the client signs in by discovery alone from a 401, sees and calls
 * only what its scopes allow, steps up on a 403; wrong tokens of every kind are refused with the right answer, a key
 * rotation at the provider is picked up without a restart, and an opaque token is checked by introspection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthIT {
    private static final String READ_BUG = "support.read support.bug";
    private static final String ALL = "support.read support.bug support.case support.psirt";
    private static final String DESKTOP_REDIRECT = "http://localhost:3334/oauth/callback";

    final CiscoSandbox cisco = new CiscoSandbox();
    final HttpClient http = HttpClient.newHttpClient();
    OpenIdProvider provider;
    HttpServerProcess server;
    String resource;

    @BeforeAll
    void start() throws Exception {
        ObjectNode plan = Json.MAPPER.createObjectNode();
        var providers = plan.putArray("providers");
        var company = providers.addObject().put("name", "company").putArray("clients");
        client(company, "engineer", ALL).put("name", "Ana Engineer");
        client(company, "bug-reader", READ_BUG);
        client(company, "no-base", "support.bug");
        client(company, "short-lived", READ_BUG).put("ttl", 1);
        client(company, "opaque", READ_BUG).put("format", "opaque");
        client(company, "mcp-server", "");
        client(company, "desktop", ALL).put("redirect_uri", DESKTOP_REDIRECT);
        client(providers.addObject().put("name", "elsewhere").putArray("clients"), "engineer", ALL);
        provider = new OpenIdProvider(plan);

        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("SUPPORT_API", "bug,case,psirt");
        env.put("MCP_AUTH", "oauth");
        env.put("MCP_OAUTH_ISSUER", provider.issuer("company"));
        env.put("MCP_OAUTH_CLOCK_SKEW_SECONDS", "0");
        env.put("MCP_OAUTH_CLIENT_ID", "mcp-server");
        env.put("MCP_OAUTH_CLIENT_SECRET", secret("mcp-server"));
        server = new HttpServerProcess(env);
        resource = server.url();
    }

    private static ObjectNode client(tools.jackson.databind.node.ArrayNode clients, String id, String scope) {
        return clients.addObject().put("client_id", id).put("client_secret", secret(id)).put("scope", scope);
    }

    private static String secret(String clientId) {
        return "secret-of-" + clientId + "-0123456789";
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (provider != null) {
            provider.close();
        }
        cisco.close();
    }

    @Test
    void aClientSignsInByDiscoveryAloneSeesOnlyWhatItsScopesAllowAndIsRefusedTheRest() throws Exception {
        // What the client starts from: a 401 that names the metadata, and the metadata that names the provider.
        HttpResponse<String> first = post(null, PING);
        assertThat(first.statusCode()).isEqualTo(401);
        String metadataUrl = origin() + "/.well-known/oauth-protected-resource/mcp";
        assertThat(first.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer ").contains("resource_metadata=\"" + metadataUrl + "\"")
                .contains("scope=\"support.read support.bug support.case support.psirt\"").doesNotContain("error=");
        for (String path : List.of("/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource")) {
            HttpResponse<String> metadata = http.send(HttpRequest.newBuilder(URI.create(origin() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metadata.statusCode()).as(path).isEqualTo(200);
            JsonNode document = Json.MAPPER.readTree(metadata.body());
            assertThat(document.path("resource").asString()).isEqualTo(resource);
            assertThat(document.path("authorization_servers").get(0).asString()).isEqualTo(provider.issuer("company"));
            assertThat(document.path("scopes_supported").toString()).contains("support.read", "support.case");
        }

        JsonNode report = Scenario.signingIn(resource, provider.issuer("company"), "bug-reader", secret("bug-reader"),
                        ALL, null)
                .listTools()
                .call("get_bug_details", Map.of("bug_ids", "CSCvt43974"))
                .call("get_case_details", Map.of("case_id", "999"))
                .report();
        List<String> tools = new ArrayList<>();
        report.path("results").path(0).path("value").path("tools").forEach(t -> tools.add(t.path("name").asString()));
        assertThat(tools).as("the tools listed to a caller with %s", READ_BUG).contains("get_bug_details")
                .noneMatch(t -> t.contains("case") || t.contains("advisor"));
        JsonNode bug = report.path("results").path(1);
        assertThat(bug.path("ok").asBoolean()).as("%s", bug).isTrue();
        assertThat(bug.path("value").path("content").toString()).contains("CSCvt43974");
        JsonNode caseCall = report.path("results").path(2);
        assertThat(caseCall.path("ok").asBoolean()).as("a case tool without support.case").isFalse();
        assertThat(caseCall.path("error").asString()).contains("403");
        assertThat(server.stderrOnceItHas("needs support.case")).contains("Insufficient scope");
    }

    @Test
    void aPersonSignsInThroughADesktopClientWithTheScopesTheChallengeNames() throws Exception {
        JsonNode report = Scenario.personSigningIn(resource, provider.issuer("company"), "desktop", DESKTOP_REDIRECT,
                        "ana.engineer")
                .listTools()
                .call("get_bug_details", Map.of("bug_ids", "CSCvt43974"))
                .report();
        JsonNode signIn = report.path("signIn");
        assertThat(signIn.path("scope").asString()).as("what the client asked for: the 401's scope").isEqualTo(ALL);
        assertThat(signIn.path("resource").asString()).isEqualTo(resource);
        assertThat(signIn.path("codeChallengeMethod").asString()).isEqualTo("S256");
        assertThat(names(report.path("results").path(0))).contains("get_bug_details", "get_case_details");
        assertThat(report.path("results").path(1).path("ok").asBoolean()).as("%s", report).isTrue();
        assertThat(server.stderrOnceItHas("ana.engineer")).contains("\"tokenLabel\":\"ana.engineer\"");
    }

    @Test
    void aClientWhoseTokenLacksAScopeStepsUpAndIsLoggedAsThePerson() throws Exception {
        JsonNode report = Scenario.signingIn(resource, provider.issuer("company"), "engineer", secret("engineer"), ALL,
                        Map.of("tokenEndpoint", provider.tokenEndpoint("company"), "resource", resource, "scope", READ_BUG))
                .listTools()
                .call("get_case_details", Map.of("case_id", "999"))
                .listTools()
                .report();
        assertThat(names(report.path("results").path(0))).noneMatch(t -> t.contains("case"));
        JsonNode call = report.path("results").path(1);
        assertThat(call.path("ok").asBoolean()).as("the case call after step-up: %s", call).isTrue();
        assertThat(names(report.path("results").path(2))).contains("get_case_details");
        assertThat(server.stderrOnceItHas("Ana Engineer")).contains("\"tokenLabel\":\"Ana Engineer\"");
    }

    @Test
    void everyWrongTokenIsRefusedWithTheRightAnswerAndALogLineWithoutIt() throws Exception {
        String good = token("company", "bug-reader", READ_BUG);
        assertThat(post(good, PING).statusCode()).isEqualTo(200);

        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("another audience", provider.token("company", "bug-reader", secret("bug-reader"),
                "http://127.0.0.1:1/another-app", READ_BUG).path("access_token").asString());
        refused.put("another issuer", token("elsewhere", "engineer", ALL));
        SignedJWT real = SignedJWT.parse(good);
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(real.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(stranger.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), real.getJWTClaimsSet());
        forged.sign(new RSASSASigner(stranger));
        refused.put("a key the provider does not publish", forged.serialize());
        refused.put("alg none", new PlainJWT(real.getJWTClaimsSet()).serialize());
        String shortLived = token("company", "short-lived", READ_BUG);
        Instant expiry = SignedJWT.parse(shortLived).getJWTClaimsSet().getExpirationTime().toInstant();
        while (!Instant.now().isAfter(expiry.plusSeconds(1))) {
            Thread.sleep(100);
        }
        refused.put("expired", shortLived);
        refused.put("not a token at all", "not-a-jwt-and-not-active");

        Map<String, String> expected = Map.of("another audience", "audience", "another issuer", "does not trust",
                "a key the provider does not publish", "signature", "alg none", "not signed", "expired", "expired",
                "not a token at all", "not active");
        for (Map.Entry<String, String> token : refused.entrySet()) {
            HttpResponse<String> answer = post(token.getValue(), PING);
            assertThat(answer.statusCode()).as(token.getKey()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate").orElseThrow()).as(token.getKey())
                    .contains("error=\"invalid_token\"").contains(expected.get(token.getKey()))
                    .contains("resource_metadata=\"" + origin() + "/.well-known/oauth-protected-resource/mcp\"");
        }

        // The right audience without the scope every request needs; then a tool whose API's scope it lacks.
        HttpResponse<String> noBase = post(token("company", "no-base", "support.bug"), PING);
        assertThat(noBase.statusCode()).isEqualTo(403);
        assertThat(noBase.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"insufficient_scope\"").contains("scope=\"support.read support.bug\"");
        HttpResponse<String> noCase = post(good, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"get_case_details\",\"arguments\":{\"case_id\":\"999\"}}}");
        assertThat(noCase.statusCode()).isEqualTo(403);
        assertThat(noCase.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"insufficient_scope\"").contains("scope=\"support.read support.bug support.case\"");

        HttpResponse<String> noPsirt = post(good, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/read\",\"params\":"
                + "{\"uri\":\"cisco://security/advisories/recent\"}}");
        assertThat(noPsirt.statusCode()).as("a PSIRT resource without support.psirt").isEqualTo(403);
        assertThat(noPsirt.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("scope=\"support.read support.bug support.psirt\"");

        String log = server.stderrOnceItHas("The token has expired");
        assertThat(log).contains("Invalid token attempt").contains("not issued for this server");
        for (String token : refused.values()) {
            assertThat(log).doesNotContain(token);
        }
        assertThat(log).doesNotContain(good);
    }

    @Test
    void anOpaqueTokenIsCheckedByIntrospection() throws Exception {
        String opaque = provider.token("company", "opaque", secret("opaque"), resource, READ_BUG).path("access_token")
                .asString();
        assertThat(opaque).doesNotContain(".");
        assertThat(post(opaque, PING).statusCode()).isEqualTo(200);
        String otherAudience = provider.token("company", "opaque", secret("opaque"), "http://127.0.0.1:1/another-app",
                READ_BUG).path("access_token").asString();
        HttpResponse<String> refused = post(otherAudience, PING);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("audience");
    }

    @Test
    void aKeyRotationAtTheProviderIsPickedUpWithoutARestart() throws Exception {
        String before = token("company", "bug-reader", READ_BUG);
        assertThat(post(before, PING).statusCode()).isEqualTo(200);
        String kid = provider.rotate("company");
        String after = token("company", "bug-reader", READ_BUG);
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(kid)
                .isNotEqualTo(SignedJWT.parse(before).getHeader().getKeyID());
        assertThat(post(after, PING).statusCode()).as("a token signed with the new key").isEqualTo(200);
        assertThat(post(before, PING).statusCode()).as("a token signed with the key no longer published").isEqualTo(401);
    }

    @Test
    void theStatelessRevisionListsAndRefusesByTheSameScopes() throws Exception {
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
        String token = token("company", "bug-reader", READ_BUG);
        HttpResponse<String> list = stateless(token, "tools/list", null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                + "\"tools/list\",\"params\":{" + meta + "}}");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        List<String> tools = new ArrayList<>();
        Json.MAPPER.readTree(list.body()).path("result").path("tools").forEach(t -> tools.add(t.path("name").asString()));
        assertThat(tools).contains("get_bug_details").noneMatch(t -> t.contains("case") || t.contains("advisor"));
        HttpResponse<String> call = stateless(token, "tools/call", "get_case_details", "{\"jsonrpc\":\"2.0\",\"id\":2,"
                + "\"method\":\"tools/call\",\"params\":{\"name\":\"get_case_details\",\"arguments\":{\"case_id\":\"999\"},"
                + meta + "}}");
        assertThat(call.statusCode()).isEqualTo(403);
        assertThat(call.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"insufficient_scope\"");

        // A call it may make is made with the server's own Cisco token: the caller's never travels to Cisco.
        cisco.resetCounts();
        HttpResponse<String> bug = stateless(token, "tools/call", "get_bug_details", "{\"jsonrpc\":\"2.0\",\"id\":3,"
                + "\"method\":\"tools/call\",\"params\":{\"name\":\"get_bug_details\",\"arguments\":{\"bug_ids\":"
                + "\"CSCvt43975\"}," + meta + "}}");
        assertThat(bug.statusCode()).isEqualTo(200);
        assertThat(cisco.server.requests().recent()).isNotEmpty().allSatisfy(seen -> assertThat(seen.authorization())
                .doesNotContain(token).startsWith("Bearer sbx."));
    }

    private HttpResponse<String> stateless(String token, String method, String name, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(resource)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2026-07-28").header("Mcp-Method", method)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (name != null) {
            request.header("Mcp-Name", name);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSessionBelongsToThePersonWhoOpenedIt() throws Exception {
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"oauth-it\",\"version\":\"1\"}}}";
        HttpResponse<String> opened = post(token("company", "engineer", ALL), initialize, null);
        assertThat(opened.statusCode()).isEqualTo(200);
        String session = opened.headers().firstValue("Mcp-Session-Id").orElseThrow();
        String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
        assertThat(post(token("company", "bug-reader", READ_BUG), list, session).statusCode())
                .as("another person's token on that session").isEqualTo(403);
        assertThat(post(token("company", "engineer", ALL), list, session).statusCode())
                .as("a new token of the same person").isEqualTo(200);
    }

    @Test
    void withBothTheSharedTokensAndTheProvidersAreTakenButTheProvidersNeverFromTheQuery() throws Exception {
        String shared = "shared-token-for-both-0123456789";
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("MCP_AUTH", "both");
        env.put("MCP_BEARER_TOKEN", shared);
        env.put("MCP_OAUTH_ISSUER", provider.issuer("company"));
        try (HttpServerProcess both = new HttpServerProcess(env)) {
            String accessToken = provider.token("company", "bug-reader", secret("bug-reader"), both.url(), READ_BUG)
                    .path("access_token").asString();
            for (Map.Entry<String, String> token : Map.of("shared", shared, "the provider's", accessToken).entrySet()) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(both.url()))
                        .header("Authorization", "Bearer " + token.getValue()).header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(PING)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("%s token", token.getKey()).isEqualTo(200);
            }
            for (Map.Entry<String, String> token : Map.of("shared", shared, "the provider's", accessToken).entrySet()) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(both.url() + "?token="
                        + token.getValue())).header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(PING)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("%s token in the query string", token.getKey())
                        .isEqualTo(token.getKey().equals("shared") ? 200 : 401);
            }
        }
    }

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    private String token(String providerName, String clientId, String scope) throws Exception {
        return provider.token(providerName, clientId, secret(clientId), resource, scope).path("access_token").asString();
    }

    private HttpResponse<String> post(String token, String body) throws Exception {
        return post(token, body, null);
    }

    private HttpResponse<String> post(String token, String body, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(resource))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (session != null) {
            request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String origin() {
        URI url = URI.create(resource);
        return url.getScheme() + "://" + url.getAuthority();
    }

    private static List<String> names(JsonNode listResult) {
        List<String> names = new ArrayList<>();
        listResult.path("value").path("tools").forEach(t -> names.add(t.path("name").asString()));
        return names;
    }
}
