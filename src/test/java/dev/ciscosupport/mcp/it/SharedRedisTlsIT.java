package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.sandbox.SandboxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code REDIS_URL=rediss://...}: a replica shares through a Redis that speaks only TLS (redis-server from Debian, its
 * certificate made here with openssl and trusted through the JVM's trust store, as an operator would), with an ACL user.
 */
class SharedRedisTlsIT {

    @Test
    void aReplicaSharesThroughARedisThatSpeaksOnlyTls() throws Exception {
        Path dir = Files.createDirectories(McpJar.path().resolveSibling("redis-tls"));
        Path cert = dir.resolve("redis.crt");
        Path key = dir.resolve("redis.key");
        Path trust = dir.resolve("trust.p12");
        Files.deleteIfExists(trust);
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
                cert.toString(), "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"));
        run(List.of("keytool", "-importcert", "-noprompt", "-alias", "redis", "-file", cert.toString(), "-keystore",
                trust.toString(), "-storetype", "PKCS12", "-storepass", "changeit"));
        int port = LocalProcess.freePort();
        try (CiscoSandbox cisco = new CiscoSandbox();
                LocalProcess redis = new LocalProcess(List.of("redis-server", "--port", "0", "--tls-port", String.valueOf(port),
                        "--bind", "127.0.0.1", "--tls-cert-file", cert.toString(), "--tls-key-file", key.toString(),
                        "--tls-ca-cert-file", cert.toString(), "--tls-auth-clients", "no", "--save", "", "--appendonly", "no",
                        "--user", "default", "off", "--user", "mcp", "on", ">tls-secret-0123", "~*", "&*", "+@all"),
                        Map.of(), port, dir.resolve("redis.log"))) {
            assertThat(redis.port()).isEqualTo(port);
            Map<String, String> env = new LinkedHashMap<>(cisco.env());
            env.put("MCP_BEARER_TOKEN", "tls-it-token-0123456789abcdef");
            env.put("REDIS_URL", "rediss://mcp:tls-secret-0123@localhost:" + port);
            env.put("REDIS_KEY_PREFIX", "tls");
            // Smart Bonding's own quota is shared the same way (its lane beside the Support APIs').
            env.put("SUPPORT_API", "bug,smart_bonding");
            env.put("SMART_BONDING_CLIENT_ID", SandboxServer.CLIENT_ID);
            env.put("SMART_BONDING_CLIENT_SECRET", SandboxServer.CLIENT_SECRET);
            env.put("SMART_BONDING_API_URL", cisco.server.smartBondingBase().toString());
            env.put("SMART_BONDING_TOKEN_URL", cisco.server.tokenUrl().toString());
            env.put("JDK_JAVA_OPTIONS", "-Djavax.net.ssl.trustStore=" + trust + " -Djavax.net.ssl.trustStorePassword=changeit");
            try (HttpServerProcess replica = new HttpServerProcess(env)) {
                tools.jackson.databind.JsonNode calls = Scenario.http(replica.url(), "tls-it-token-0123456789abcdef")
                        .call("get_bug_details", Map.of("bug_ids", "CSCvt43974"))
                        .call("pull_smart_bonding_tickets", Map.of()).run();
                for (tools.jackson.databind.JsonNode call : calls) {
                    assertThat(call.path("ok").asBoolean()).as("%s", call).isTrue();
                    assertThat(call.path("value").path("isError").asBoolean()).as("%s", call).isFalse();
                }
                String keys = run(List.of("redis-cli", "--tls", "--cacert", cert.toString(), "-h", "localhost", "-p",
                        String.valueOf(port), "--user", "mcp", "--pass", "tls-secret-0123", "--no-auth-warning", "keys", "tls:*"));
                assertThat(keys).as("what the replica keeps in Redis over TLS").contains("{q:bug}").contains(":c:bug:")
                        .contains("{q:smart_bonding}");
                // The keys above prove the TLS connection; whether the very first one came within the 250 ms a call waits
                // for Redis (a cold JVM's first TLS handshake) depends on the machine's load, so it is not asserted.
                assertThat(replica.stderr()).doesNotContain("tls-secret");
            }
        }
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command.get(0), out).isZero();
        return out;
    }
}
