package dev.ciscosupport.mcp.it;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Bug API tools over Streamable HTTP: the jar runs with --http, the TypeScript SDK client connects. */
class BugToolsOverHttpIT extends BugToolsContract {
    static final String TOKEN = "it-token-0123456789abcdefghijklmn";
    private HttpServerProcess server;
    private final java.util.List<HttpServerProcess> others = new java.util.ArrayList<>();

    @BeforeAll
    void startServer() throws Exception {
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("MCP_BEARER_TOKEN", TOKEN);
        server = new HttpServerProcess(env);
    }

    @AfterAll
    void stopServer() {
        server.close();
        others.forEach(HttpServerProcess::close);
    }

    @org.junit.jupiter.api.Test
    void theMcpBearerTokenNeverTravelsToCisco() {
        scenario().call("search_bugs_by_keyword", java.util.Map.of("keyword", "bearer token")).run(); // not cached yet
        org.assertj.core.api.Assertions.assertThat(cisco.server.requests().recent()).isNotEmpty()
                .allSatisfy(seen -> org.assertj.core.api.Assertions.assertThat(seen.authorization())
                        .doesNotContain(TOKEN).startsWith("Bearer sbx."));
    }

    @Override
    Scenario scenario() {
        return Scenario.http(server.url(), TOKEN);
    }

    @Override
    Scenario serverOfItsOwn() {
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("MCP_BEARER_TOKEN", TOKEN);
        try {
            HttpServerProcess own = new HttpServerProcess(env);
            others.add(own);
            return Scenario.http(own.url(), TOKEN);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
