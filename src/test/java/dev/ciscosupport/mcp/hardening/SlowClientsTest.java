package dev.ciscosupport.mcp.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.MutableClock;
import dev.ciscosupport.mcp.config.SessionLimits;
import dev.ciscosupport.mcp.security.AcceptedToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nobody without a token can hold the server's threads: hundreds of connections that send their headers or their
 * body a byte at a time, without a token, while a real client keeps getting its answers. A client with a token that
 * sends its body slower than any real client does is cut off too.
 */
class SlowClientsTest extends WithHardenedServer {
    static final String TOKEN = "slow-clients-test-token-0123456789";
    static final int SLOW_CONNECTIONS = 300;

    @Test
    void hundredsOfSlowConnectionsWithoutATokenNeverDelayAClientWithOne() throws Exception {
        Raw server = start(SessionLimits.defaults(), 100_000, MutableClock.at2026(), List.of(AcceptedToken.of(TOKEN, "t")));
        URI url = server.url();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                Socket socket = new Socket(url.getHost(), url.getPort());
                slow.add(socket);
                OutputStream out = socket.getOutputStream();
                switch (i % 3) {
                    case 0 -> out.write(ascii("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")); // headers never end
                    // a declared body over the limit (once read to answer 413) and one within it, neither ever sent
                    case 1 -> out.write(ascii(headers(1_500_000)));
                    default -> out.write(ascii(headers(500_000) + "{\"jsonrpc\""));
                }
                out.flush();
            }
            String session = server.open(TOKEN);
            HttpClient health = HttpClient.newHttpClient();
            long slowest = 0;
            for (int i = 0; i < 20; i++) {
                for (Socket socket : slow) {
                    trickle(socket); // one more byte on every slow connection between the client's requests
                }
                long started = System.nanoTime();
                assertThat(server.ping(TOKEN, session).statusCode()).isEqualTo(200);
                assertThat(health.send(HttpRequest.newBuilder(url.resolve("/health")).timeout(Duration.ofSeconds(30))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
                slowest = Math.max(slowest, System.nanoTime() - started);
            }
            System.out.printf("SlowClientsTest: slowest ping + /health among %d slow connections: %d ms%n",
                    SLOW_CONNECTIONS, slowest / 1_000_000);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void aBodySentSlowerThanAnyRealClientIsCutOffWithAToken() throws Exception {
        Raw server = start(SessionLimits.defaults(), 100_000, MutableClock.at2026(), List.of(AcceptedToken.of(TOKEN, "t")));
        URI url = server.url();
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(ascii(headers(100_000).replace("\r\n\r\n", "\r\nAuthorization: Bearer " + TOKEN + "\r\n\r\n")));
            out.flush();
            InputStream in = socket.getInputStream();
            // One byte every 200 ms is 5 bytes/s, far below the server's minimum of 1 KiB/s: it gives up on the body and
            // answers, or closes, long before the 60 s idle timeout. Bounded: at most 150 bytes (30 s).
            String answer = "";
            for (int i = 0; i < 150 && answer.isEmpty(); i++) {
                try {
                    out.write('x');
                    out.flush();
                } catch (IOException closed) {
                    answer = "closed";
                    break;
                }
                Thread.sleep(200);
                if (in.available() > 0) {
                    answer = new String(in.readNBytes(in.available()), StandardCharsets.US_ASCII);
                }
            }
            assertThat(answer).as("the server's reaction to a trickled body").isNotEmpty();
            assertThat(answer).doesNotContain("at org.").doesNotContain("Exception");
        }
    }

    @Test
    void headersSentAByteAtATimeAreCutOffAtTheDeadlineThoughNeverIdle() throws Exception {
        // An idle timeout of 2 s (and so a 2 s deadline for the first request's headers); bytes come every 200 ms.
        Raw server = start(100_000, 100_000, SessionLimits.defaults(), 100_000, Duration.ofSeconds(2), MutableClock.at2026(),
                List.of(AcceptedToken.of(TOKEN, "t")));
        URI url = server.url();
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(ascii("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
            boolean closed = false;
            // Bounded: at most 100 bytes (20 s), five times the deadline.
            for (int i = 0; i < 100 && !closed; i++) {
                try {
                    out.write(ascii("X-Slow-" + i + ": a\r\n"));
                    out.flush();
                    Thread.sleep(200);
                } catch (IOException e) {
                    closed = true;
                }
            }
            assertThat(closed).as("the connection was closed while its headers trickled in").isTrue();
        }
        assertThat(server.ping(TOKEN, null).statusCode()).isEqualTo(200);
    }

    private static String headers(long length) {
        return "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccept: application/json, "
                + "text/event-stream\r\nContent-Length: " + length + "\r\n\r\n";
    }

    private static void trickle(Socket socket) {
        try {
            socket.getOutputStream().write('a');
        } catch (IOException e) {
            // the server answered and closed this one: that is allowed
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
