package dev.ciscosupport.mcp.cisco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.resilience.TimeSource;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Cisco sees of a request and what a user reads when the answer is not one: Cisco here is a socket that reads one
 * request and writes the answer the test gives it, byte for byte.
 */
class CiscoHttpTest {
    private final SandboxServer tokens = SandboxServer.startOnLoopback();
    private final ServerSocket cisco = socket();

    @AfterEach
    void stop() throws IOException {
        cisco.close();
        tokens.close();
    }

    @Test
    void aRequestCarriesTheTokenAndOurNameAndAsksForPlainJson() throws Exception {
        CompletableFuture<String> seen = answerOnce("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Content-Length: 11\r\n\r\n{\"bugs\":[]}");
        gateway(URI.create("http://127.0.0.1:" + cisco.getLocalPort())).get(call(), SupportApi.BUG,
                "/bug/v2.0/bugs/bug_ids/CSCvx12345", Map.of());
        String request = seen.get(10, TimeUnit.SECONDS).toLowerCase(java.util.Locale.ROOT);
        assertThat(request).startsWith("get /bug/v2.0/bugs/bug_ids/cscvx12345 http/1.1\r\n")
                .contains("\r\nauthorization: bearer ").contains("\r\naccept: application/json\r\n")
                .contains("\r\nuser-agent: cisco-support-mcp/")
                .doesNotContain("accept-encoding"); // answers come as Cisco's recordings show them: uncompressed
    }

    @Test
    void startingAheadOfTheFirstCallConnectsNowhereAndTheCallThenGoesOut() throws Exception {
        CiscoHttp http = new CiscoHttp(Duration.ofSeconds(5));
        http.startInBackground(true).get(10, TimeUnit.SECONDS);
        cisco.setSoTimeout(100);
        assertThatThrownBy(cisco::accept).as("a connection made by the start").isInstanceOf(SocketTimeoutException.class);
        cisco.setSoTimeout(0);

        CompletableFuture<String> seen = answerOnce("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Content-Length: 11\r\n\r\n{\"bugs\":[]}");
        CiscoHttp.Answer answer = http.get(URI.create("http://127.0.0.1:" + cisco.getLocalPort() + "/bug/v2.0/bugs"),
                HttpFields.EMPTY, Duration.ofSeconds(5), call());
        assertThat(seen.get(10, TimeUnit.SECONDS)).startsWith("GET /bug/v2.0/bugs HTTP/1.1\r\n");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"bugs\":[]}");
    }

    @Test
    void aCookieCiscoSetsIsNotSentBack() throws Exception {
        CiscoGateway gateway = gateway(URI.create("http://127.0.0.1:" + cisco.getLocalPort()));
        CompletableFuture<String> first = answerOnce("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Set-Cookie: route=replica-7; Path=/\r\nConnection: close\r\nContent-Length: 11\r\n\r\n{\"bugs\":[]}");
        gateway.get(call(), SupportApi.BUG, "/bug/v2.0/bugs/bug_ids/CSCvx12345", Map.of());
        first.get(10, TimeUnit.SECONDS);
        CompletableFuture<String> second = answerOnce("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Content-Length: 11\r\n\r\n{\"bugs\":[]}");
        gateway.get(call(), SupportApi.BUG, "/bug/v2.0/bugs/bug_ids/CSCvx12346", Map.of());
        assertThat(second.get(10, TimeUnit.SECONDS).toLowerCase(java.util.Locale.ROOT))
                .startsWith("get /bug/v2.0/bugs/bug_ids/cscvx12346 ").doesNotContain("cookie");
    }

    @Test
    void aRedirectIsNotFollowedSoTheTokenStaysWithCisco() throws Exception {
        try (ServerSocket elsewhere = socket()) {
            answerOnce("HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:" + elsewhere.getLocalPort()
                    + "/steal\r\nContent-Length: 0\r\n\r\n");
            assertThatThrownBy(() -> gateway(URI.create("http://127.0.0.1:" + cisco.getLocalPort())).get(call(),
                    SupportApi.BUG, "/bug/v2.0/bugs/bug_ids/CSCvx12345", Map.of()))
                    .isInstanceOf(CiscoException.Rejected.class)
                    .hasMessage("Cisco's Bug API refused the request (HTTP 302).");
            elsewhere.setSoTimeout(200);
            assertThatThrownBy(elsewhere::accept).as("nobody connected to the redirect's target")
                    .isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    @Test
    void aRefusalWithoutAChallengeReachesOurOwnHandling() throws Exception {
        // A 401 need not name a scheme to log in with (WWW-Authenticate): Cisco's gateway and Smart Bonding's API
        // answer a refused token so. Jetty's client took that for a protocol violation and failed the exchange.
        String refused = "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
        CompletableFuture<String> first = answerOnce(refused);
        CompletableFuture<String> again = first.thenCompose(request -> answerOnce(refused));
        assertThatThrownBy(() -> gateway(URI.create("http://127.0.0.1:" + cisco.getLocalPort())).get(call(),
                SupportApi.BUG, "/bug/v2.0/bugs/bug_ids/CSCvx12345", Map.of()))
                .isInstanceOf(CiscoException.AuthenticationFailed.class)
                .hasMessage("Cisco refused the access token for the Bug API even after a new one was fetched; check the"
                        + " app behind CISCO_CLIENT_ID in Cisco's API Console.");
        assertThat(again.get(10, TimeUnit.SECONDS)).as("the request sent again with a new token")
                .contains("Authorization: Bearer ");
    }

    @Test
    void theJvmsProxySettingsAreFollowedAsTheJdksClientFollowedThem() throws Exception {
        // The socket is the proxy; Cisco's host does not resolve, so only a request through the proxy can reach it. The
        // token endpoint is on loopback, which the JVM's proxy selector leaves out by default: it is asked directly.
        String proxyPort = String.valueOf(cisco.getLocalPort());
        List<String> properties = List.of("http.proxyHost", "http.proxyPort", "https.proxyHost", "https.proxyPort");
        properties.forEach(System::clearProperty);
        try {
            System.setProperty("http.proxyHost", "127.0.0.1");
            System.setProperty("http.proxyPort", proxyPort);
            CompletableFuture<String> plain = answerOnce("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\nContent-Length: 11\r\n\r\n{\"bugs\":[]}");
            assertThat(gateway(URI.create("http://cisco.example.invalid")).get(call(), SupportApi.BUG,
                    "/bug/v2.0/bugs/bug_ids/CSCvx12345", Map.of()).path("bugs").isArray()).isTrue();
            assertThat(plain.get(10, TimeUnit.SECONDS)).as("what the proxy was asked")
                    .startsWith("GET http://cisco.example.invalid/bug/v2.0/bugs/bug_ids/CSCvx12345 HTTP/1.1\r\n");

            System.setProperty("https.proxyHost", "127.0.0.1");
            System.setProperty("https.proxyPort", proxyPort);
            CompletableFuture<String> secure = answerOnce("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
            assertThatThrownBy(() -> gateway(URI.create("https://cisco.example.invalid")).get(call(), SupportApi.BUG,
                    "/bug/v2.0/bugs/bug_ids/CSCvx12345", Map.of())).isInstanceOf(CiscoException.Unavailable.class)
                    .hasMessage("The outbound proxy refused to open a tunnel to Cisco's Bug API at https://cisco.example.invalid:"
                            + " check -Dhttps.proxyHost and -Dhttps.proxyPort (JDK_JAVA_OPTIONS), and that the proxy lets"
                            + " this server reach that host; a proxy that asks for credentials is not supported.");
            assertThat(secure.get(10, TimeUnit.SECONDS)).as("a tunnel asked of the proxy, nothing else")
                    .startsWith("CONNECT cisco.example.invalid:443 HTTP/1.1\r\n").doesNotContainIgnoringCase("bearer");
        } finally {
            properties.forEach(System::clearProperty);
        }
    }

    @Test
    void anAnswerOverTlsThroughTheProxysTunnelArrives(@TempDir Path dir) throws Exception {
        // Cisco's answers are read on the HTTP client's selector thread, TLS and tunnels included: a whole exchange
        // through a proxy's CONNECT tunnel, with a certificate for Cisco's name that the JVM's trust store holds here.
        Path keystore = certificate(dir, "dns:cisco.example.invalid");
        List<String> properties = List.of("https.proxyHost", "https.proxyPort", "javax.net.ssl.trustStore",
                "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType");
        try (ServerSocket secure = tls(keystore)) {
            CompletableFuture<String> asked = tunnelOnce(secure.getLocalPort());
            String body = "{\"bugs\":[{\"bug_id\":\"CSCvx12345\"}]}";
            CompletableFuture<String> seen = answerOnce(secure, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body);
            System.setProperty("https.proxyHost", "127.0.0.1");
            System.setProperty("https.proxyPort", String.valueOf(cisco.getLocalPort()));
            System.setProperty("javax.net.ssl.trustStore", keystore.toString());
            System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            assertThat(gateway(URI.create("https://cisco.example.invalid")).get(call(), SupportApi.BUG,
                    "/bug/v2.0/bugs/bug_ids/CSCvx12345", Map.of()).path("bugs").path(0).path("bug_id").asString())
                    .isEqualTo("CSCvx12345");
            assertThat(asked.get(10, TimeUnit.SECONDS)).startsWith("CONNECT cisco.example.invalid:443 HTTP/1.1\r\n");
            assertThat(seen.get(10, TimeUnit.SECONDS)).as("the request, inside the tunnel")
                    .startsWith("GET /bug/v2.0/bugs/bug_ids/CSCvx12345 HTTP/1.1\r\n").contains("\r\nAuthorization: Bearer ");
        } finally {
            properties.forEach(System::clearProperty);
        }
    }

    /**
     * The proxy, on this test's socket: takes one CONNECT, opens the tunnel to {@code port} on loopback whatever host it
     * names, and copies bytes both ways until either side closes; completes with the CONNECT's head.
     */
    private CompletableFuture<String> tunnelOnce(int port) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Socket client = cisco.accept();
                client.setSoTimeout(10_000);
                String head = requestHead(client.getInputStream());
                Socket server = new Socket(InetAddress.getLoopbackAddress(), port);
                client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                copy(server, client);
                copy(client, server);
                return head;
            } catch (IOException e) {
                return "no tunnel: " + e;
            }
        });
    }

    /** Copies what {@code from} reads to {@code to} on a thread of its own; closes both when {@code from} ends. */
    private static void copy(Socket from, Socket to) {
        Thread copier = new Thread(() -> {
            try (from; to) {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException e) {
                // the other side closed: the tunnel ends
            }
        }, "tunnel");
        copier.setDaemon(true);
        copier.start();
    }

    @Test
    void aGetOnAConnectionClosedUnderItIsSentAgainOnANewOne() throws Exception {
        // Cisco answers on a kept-alive connection, then closes it as the next request arrives, without a word (as a
        // gateway or proxy closing an idle connection does); the same request on a new connection is answered.
        String ok = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"bugs\":[]}";
        CompletableFuture<List<String>> seen = CompletableFuture.supplyAsync(() -> {
            List<String> lines = new java.util.ArrayList<>();
            try (Socket first = cisco.accept()) {
                first.setSoTimeout(10_000);
                lines.add(requestHead(first.getInputStream()).lines().findFirst().orElse(""));
                first.getOutputStream().write(ok.getBytes(StandardCharsets.ISO_8859_1));
                lines.add(requestHead(first.getInputStream()).lines().findFirst().orElse(""));
            } catch (IOException e) {
                lines.add("failed: " + e);
            }
            try (Socket second = cisco.accept()) {
                second.setSoTimeout(10_000);
                lines.add(requestHead(second.getInputStream()).lines().findFirst().orElse(""));
                second.getOutputStream().write(ok.getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                lines.add("failed: " + e);
            }
            return lines;
        });
        CiscoGateway gateway = gateway(URI.create("http://127.0.0.1:" + cisco.getLocalPort()));
        gateway.get(call(), SupportApi.BUG, "/bug/v2.0/bugs/bug_ids/CSCvx12345", Map.of());
        assertThat(gateway.get(call(), SupportApi.BUG, "/bug/v2.0/bugs/bug_ids/CSCvx12346", Map.of()).path("bugs").isArray())
                .isTrue();
        assertThat(seen.get(10, TimeUnit.SECONDS)).containsExactly(
                "GET /bug/v2.0/bugs/bug_ids/CSCvx12345 HTTP/1.1",
                "GET /bug/v2.0/bugs/bug_ids/CSCvx12346 HTTP/1.1",
                "GET /bug/v2.0/bugs/bug_ids/CSCvx12346 HTTP/1.1");
    }

    /** Reads a request's head (up to its blank line) from {@code in}. */
    private static String requestHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aLongHeaderSectionIsRead() throws Exception {
        // 20 KB of headers (a gateway's long security policy and rate-limit headers): more than some clients' default.
        String policy = "default-src 'self'; " + "script-src https://example.cisco.com; ".repeat(500);
        answerOnce("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Security-Policy: " + policy
                + "\r\nContent-Length: 11\r\n\r\n{\"bugs\":[]}");
        assertThat(gateway(URI.create("http://127.0.0.1:" + cisco.getLocalPort())).get(call(), SupportApi.BUG,
                "/bug/v2.0/bugs/bug_ids/CSCvx12345", Map.of()).path("bugs").isArray()).isTrue();
    }

    @Test
    void theGatewaysOwnStatusCodeReachesUs() {
        // 596, outside HTTP's registry: Mashery's answer for a path it has no service at.
        answerOnce("HTTP/1.1 596 Service Not Found\r\nContent-Type: text/html\r\nContent-Length: 26\r\n\r\n"
                + "<h1>Service Not Found</h1>");
        assertThatThrownBy(() -> gateway(URI.create("http://127.0.0.1:" + cisco.getLocalPort())).get(call(),
                SupportApi.BUG, "/bug/v2.0/bugs/bug_ids/CSCvx12345", Map.of()))
                .isInstanceOf(CiscoException.Unavailable.class)
                .hasMessage("Cisco's gateway has no service at this path for the Bug API (HTTP 596 Service Not Found);"
                        + " check CISCO_API_BASE_URL.");
    }

    @Test
    void anAnswerTooLargeToKeepIsRefusedWithASentence() {
        answerOnce("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + (CiscoHttp.MAX_ANSWER_BYTES + 2)
                + "\r\n\r\n[" + " ".repeat(CiscoHttp.MAX_ANSWER_BYTES) + "]");
        assertThatThrownBy(() -> gateway(URI.create("http://127.0.0.1:" + cisco.getLocalPort())).get(call(),
                SupportApi.BUG, "/bug/v2.0/bugs/bug_ids/CSCvx12345", Map.of()))
                .isInstanceOf(CiscoException.Unavailable.class)
                .hasMessage("Cisco's Bug API sent an answer larger than 16 MB, which is not kept; ask for less at once.");
    }

    @Test
    void nothingListeningSaysWhereItLooked() throws Exception {
        URI closed = URI.create("http://127.0.0.1:" + cisco.getLocalPort());
        cisco.close();
        assertThatThrownBy(() -> gateway(closed).get(call(), SupportApi.BUG, "/bug/v2.0/bugs/bug_ids/CSCvx12345", Map.of()))
                .isInstanceOf(CiscoException.Unavailable.class)
                .hasMessage("Could not reach Cisco's Bug API at " + closed + "; check the network and CISCO_API_BASE_URL.");
    }

    @Test
    void aCertificateNotTrustedHereEndsTheHandshakeBeforeAnyRequest(@TempDir Path dir) throws Exception {
        try (ServerSocket secure = untrustedTls(dir)) {
            CompletableFuture<String> seen = firstBytes(secure);
            URI base = URI.create("https://127.0.0.1:" + secure.getLocalPort());
            assertThatThrownBy(() -> gateway(base).get(call(), SupportApi.BUG, "/bug/v2.0/bugs/bug_ids/CSCvx12345", Map.of()))
                    .isInstanceOf(CiscoException.Unavailable.class)
                    .hasMessage("The TLS handshake with Cisco's Bug API at " + base + " failed: its certificate is not"
                            + " trusted here or is for another name; check CISCO_API_BASE_URL, and any proxy that inspects"
                            + " TLS (its certificate authority must be in the JVM's trust store).");
            assertThat(seen.get(10, TimeUnit.SECONDS)).startsWith("no request");
        }
    }

    @Test
    void aTrustedCertificateForAnotherNameEndsTheHandshakeBeforeAnyRequest(@TempDir Path dir) throws Exception {
        // Trusted here (in the trust store) but for cisco.example.invalid, reached as 127.0.0.1: the host name is checked.
        Path keystore = certificate(dir, "dns:cisco.example.invalid");
        List<String> properties = List.of("javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword",
                "javax.net.ssl.trustStoreType");
        try (ServerSocket secure = tls(keystore)) {
            CompletableFuture<String> seen = firstBytes(secure);
            System.setProperty("javax.net.ssl.trustStore", keystore.toString());
            System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            URI base = URI.create("https://127.0.0.1:" + secure.getLocalPort());
            assertThatThrownBy(() -> gateway(base).get(call(), SupportApi.BUG, "/bug/v2.0/bugs/bug_ids/CSCvx12345", Map.of()))
                    .isInstanceOf(CiscoException.Unavailable.class)
                    .hasMessageStartingWith("The TLS handshake with Cisco's Bug API at " + base + " failed");
            assertThat(seen.get(10, TimeUnit.SECONDS)).startsWith("no request");
        } finally {
            properties.forEach(System::clearProperty);
        }
    }

    @Test
    void aTokenEndpointWhoseCertificateIsNotTrustedNeverSeesTheSecret(@TempDir Path dir) throws Exception {
        try (ServerSocket secure = untrustedTls(dir)) {
            CompletableFuture<String> seen = firstBytes(secure);
            URI tokenUrl = URI.create("https://127.0.0.1:" + secure.getLocalPort() + "/oauth2/default/v1/token");
            CiscoHttp http = new CiscoHttp(Duration.ofSeconds(5));
            CiscoTokenSource tokens = new CiscoTokenSource(http, tokenUrl, SandboxServer.CLIENT_ID,
                    SandboxServer.CLIENT_SECRET, InstantSource.system(), Duration.ofSeconds(5));
            assertThatThrownBy(tokens::token)
                    .isInstanceOf(CiscoException.Unavailable.class)
                    .hasMessage("The TLS handshake with Cisco's token endpoint at " + tokenUrl + " failed: its certificate"
                            + " is not trusted here or is for another name; check CISCO_TOKEN_URL, and any proxy that"
                            + " inspects TLS (its certificate authority must be in the JVM's trust store).")
                    .satisfies(e -> assertThat(((CiscoException.Unavailable) e).worthRetrying()).isFalse());
            assertThat(seen.get(10, TimeUnit.SECONDS)).startsWith("no request");
        }
    }

    /** A TLS server on loopback with Cisco's name on a certificate no authority of the JVM signed (keytool's own). */
    private static ServerSocket untrustedTls(Path dir) throws Exception {
        return tls(certificate(dir, "ip:127.0.0.1"));
    }

    /** A key and a certificate for {@code name} (a subject alternative name, {@code ip:...} or {@code dns:...}), by keytool. */
    private static Path certificate(Path dir, String name) throws Exception {
        Path keystore = dir.resolve("cisco.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "cisco", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=cisco",
                "-ext", "SAN=" + name, "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(keytool.waitFor()).isZero();
        return keystore;
    }

    /** A TLS server on loopback that shows the certificate in {@code keystore}. */
    private static ServerSocket tls(Path keystore) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        return tls.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    /** Whether the first connection to {@code secure} got as far as a request ("a request") or not ("closed", "no request"). */
    private static CompletableFuture<String> firstBytes(ServerSocket secure) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket connection = secure.accept()) {
                connection.setSoTimeout(10_000);
                int first = connection.getInputStream().read(); // the handshake, then the request if it got one
                return first < 0 ? "closed" : "a request";
            } catch (IOException e) {
                return "no request: " + e.getClass().getSimpleName();
            }
        });
    }

    /** Reads one request's head, writes {@code answer}, closes; completes with the request's head. */
    private CompletableFuture<String> answerOnce(String answer) {
        return answerOnce(cisco, answer);
    }

    /** The same on {@code server} (a TLS one, say). */
    private static CompletableFuture<String> answerOnce(ServerSocket server, String answer) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket connection = server.accept()) {
                connection.setSoTimeout(10_000);
                String head = requestHead(connection.getInputStream());
                OutputStream out = connection.getOutputStream();
                out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return head;
            } catch (IOException e) {
                return "no request: " + e;
            }
        });
    }

    private CiscoGateway gateway(URI base) {
        // No retries: each test's Cisco answers once.
        CiscoHttp http = new CiscoHttp(Duration.ofSeconds(5));
        return new CiscoGateway(http, base, new CiscoTokenSource(http, tokens.tokenUrl(), SandboxServer.CLIENT_ID,
                SandboxServer.CLIENT_SECRET, InstantSource.system(), Duration.ofSeconds(5)), Optional.empty(),
                TestCisco.plain(), TimeSource.SYSTEM);
    }

    private static CallContext call() {
        return new CallContext("test", CallContext.Listener.NONE);
    }

    private static ServerSocket socket() {
        try {
            return new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
