package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Native HTTPS from a PKCS#12 keystore or PEM files, with a self-signed certificate made for the test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsIT {
    private static final String TOKEN = "tls-token-0123456789abcdefghijklm";
    private static final String PASSWORD = "test-keystore-pass";
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":1}";
    private final CiscoSandbox cisco = new CiscoSandbox();
    @TempDir
    static Path dir;
    private Path keystore;
    private Path certificate;
    private HttpClient https;

    @BeforeAll
    void makeACertificate() throws Exception {
        keystore = dir.resolve("server.p12");
        certificate = dir.resolve("server.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        run(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trust.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        https = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    void stop() {
        cisco.close();
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private Map<String, String> env(Map<String, String> tls) {
        Map<String, String> env = new LinkedHashMap<>(cisco.env());
        env.put("MCP_BEARER_TOKEN", TOKEN);
        env.putAll(tls);
        return env;
    }

    private HttpResponse<String> ping(String url) throws Exception {
        return https.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(PING)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRealMcpClientCompletesACallOverHttpsFromAKeystore() throws Exception {
        try (HttpServerProcess server = new HttpServerProcess(env(Map.of("MCP_TLS_KEYSTORE", keystore.toString(),
                "MCP_TLS_KEYSTORE_PASSWORD", PASSWORD)))) {
            assertThat(server.url()).startsWith("https://127.0.0.1:");
            JsonNode result = Scenario.http(server.url(), TOKEN).clientEnv("NODE_EXTRA_CA_CERTS", certificate.toString())
                    .call("search_bugs_by_keyword", Map.of("keyword", "BGP", "modified_date", "5")).run().path(0);
            assertThat(BugToolsContract.structured(result).path("bugs").size()).isPositive();

            HttpResponse<String> ping = ping(server.url());
            assertThat(ping.statusCode()).isEqualTo(200);
            assertThat(ping.headers().firstValue("Strict-Transport-Security").orElseThrow()).startsWith("max-age=");

            String plain = server.url().replace("https://", "http://");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(plain)).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(PING)).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.io.IOException.class);
            assertThat(server.stderr()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void pemCertificateAndKeyWorkToo() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        byte[] pkcs8 = store.getKey("server", PASSWORD.toCharArray()).getEncoded();
        Path key = dir.resolve("server.key");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n");
        try (HttpServerProcess server = new HttpServerProcess(env(Map.of("MCP_TLS_CERT", certificate.toString(),
                "MCP_TLS_KEY", key.toString())))) {
            assertThat(ping(server.url()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aBrokenTlsSettingStopsTheStartWithOneLine() throws Exception {
        for (Map<String, String> bad : List.of(Map.of("MCP_TLS_CERT", certificate.toString()),
                Map.of("MCP_TLS_KEYSTORE", keystore.toString(), "MCP_TLS_KEYSTORE_PASSWORD", "wrong"),
                Map.of("MCP_TLS_CERT", certificate.toString(), "MCP_TLS_KEY", certificate.toString()))) {
            ProcessBuilder builder = new ProcessBuilder(McpJar.command("--http", "--port", "0"));
            McpJar.prepare(builder.environment(), env(bad));
            Process process = builder.redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isEqualTo(2);
            assertThat(output).contains("cisco-support-mcp: MCP_TLS_").doesNotContain("Exception", "wrong");
        }
    }
}
