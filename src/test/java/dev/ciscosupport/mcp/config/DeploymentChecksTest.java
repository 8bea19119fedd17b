package dev.ciscosupport.mcp.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an operator is told at start about an unsafe deployment: weak tokens and plain-http Cisco URLs stop a production
 * start and are loud warnings in development; plain HTTP on a network address and tokens in URLs are warnings.
 */
class DeploymentChecksTest {
    static final String STRONG = "strong-token-0123456789abcdefghij";
    final Map<String, String> env = new HashMap<>(Map.of("MCP_BEARER_TOKEN", STRONG));

    record Outcome(int status, String stderr) {
    }

    Outcome start(String host) {
        Settings settings = new SettingsLoader(env::get, Map.of()).load(new CliOptions(true, host, 0, false));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DeploymentChecks.enforce(settings, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSoundLoopbackStartSaysNothing() {
        env.put("NODE_ENV", "production");
        assertThat(start("127.0.0.1")).isEqualTo(new Outcome(0, ""));
    }

    @Test
    void aWeakTokenStopsAProductionStartAndIsAWarningInDevelopment() {
        env.put("MCP_BEARER_TOKEN", STRONG + ",a");
        Outcome development = start("127.0.0.1");
        assertThat(development.status()).isZero();
        assertThat(development.stderr()).startsWith("WARNING: MCP_BEARER_TOKEN has 1 token(s) shorter than 16 characters");
        env.put("NODE_ENV", "production");
        Outcome production = start("127.0.0.1");
        assertThat(production.status()).isEqualTo(2);
        assertThat(production.stderr()).contains("Refused with NODE_ENV=production").doesNotContain(STRONG);
    }

    @Test
    void plainHttpCiscoUrlsOffThisMachineStopAProductionStart() {
        env.put("CISCO_API_BASE_URL", "http://apix.example.net");
        env.put("NODE_ENV", "production");
        Outcome production = start("127.0.0.1");
        assertThat(production.status()).isEqualTo(2);
        assertThat(production.stderr()).contains("CISCO_API_BASE_URL is plain http (apix.example.net)");
        env.put("CISCO_API_BASE_URL", "http://127.0.0.1:8080");
        assertThat(start("127.0.0.1").status()).as("a sandbox on this machine").isZero();
    }

    @Test
    void plainHttpOnANetworkAddressIsAWarningUnlessAProxyTerminatesTls() {
        env.put("NODE_ENV", "production");
        Outcome exposed = start("0.0.0.0");
        assertThat(exposed.status()).as("the guide's own docker run, TLS in front").isZero();
        assertThat(exposed.stderr()).contains("WARNING: HTTP on 0.0.0.0 without TLS").contains("MCP_TLS_OFFLOADED=true");
        env.put("MCP_TLS_OFFLOADED", "true");
        assertThat(start("0.0.0.0").stderr()).isEmpty();
    }

    @Test
    void signInOnANetworkAddressNeedsTheUrlClientsUse() {
        env.put("NODE_ENV", "production");
        env.put("MCP_TLS_OFFLOADED", "true");
        env.put("MCP_AUTH", "oauth");
        env.put("MCP_OAUTH_ISSUER", "https://login.example.com/realms/network");
        Outcome exposed = start("0.0.0.0");
        assertThat(exposed.status()).isEqualTo(2);
        assertThat(exposed.stderr()).contains("MCP_AUTH=oauth on 0.0.0.0 without MCP_OAUTH_RESOURCE");
        assertThat(start("127.0.0.1")).as("on loopback the URL it listens on is the one clients use")
                .isEqualTo(new Outcome(0, ""));
        env.put("MCP_OAUTH_RESOURCE", "https://mcp.example.com/mcp");
        assertThat(start("0.0.0.0")).isEqualTo(new Outcome(0, ""));
    }

    @Test
    void productionTakesNoQueryTokenUnlessToldAndThenWarns() {
        env.put("NODE_ENV", "production");
        Settings settings = new SettingsLoader(env::get, Map.of()).load(new CliOptions(true, "127.0.0.1", 0, false));
        assertThat(settings.security().queryToken()).isFalse();
        env.put("MCP_ALLOW_QUERY_TOKEN", "true");
        assertThat(start("127.0.0.1").stderr()).contains("WARNING: MCP_ALLOW_QUERY_TOKEN=true in production");
    }
}
