package dev.ciscosupport.mcp.it;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Bug API tools over Streamable HTTP: the jar runs with --http, the TypeScript SDK client connects. */
class BugToolsOverHttpIT extends BugToolsContract {
    static final String TOKEN = "it-token-0123456789abcdefghijklmn";
    private HttpServerProcess server;

    @BeforeAll
    void startServer() throws Exception {
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("MCP_BEARER_TOKEN", TOKEN);
        server = new HttpServerProcess(env);
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @org.junit.jupiter.api.Test
    void theMcpBearerTokenNeverTravelsToCisco() {
        scenario().call("search_bugs_by_keyword", java.util.Map.of("keyword", "crash")).run();
        org.assertj.core.api.Assertions.assertThat(cisco.server.requests().recent()).isNotEmpty()
                .allSatisfy(seen -> org.assertj.core.api.Assertions.assertThat(seen.authorization())
                        .doesNotContain(TOKEN).startsWith("Bearer sbx."));
    }

    @Override
    Scenario scenario() {
        return Scenario.http(server.url(), TOKEN);
    }
}
