package dev.ciscosupport.mcp.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP requests to the MCP endpoint, one at a time, as curl would send them. */
final class Raw {
    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    static final String PING = "{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":7}";
    private final URI url;
    private final java.util.function.Supplier<String> log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Raw(URI url, java.util.function.Supplier<String> log) {
        this.url = url;
        this.log = log;
    }

    URI url() {
        return url;
    }

    /** The server's security and access log so far. */
    String log() {
        return log.get();
    }

    /** Sends {@code request} as it is, bytes on a socket, and reads the whole answer (the server closes, or 10 s pass). */
    String socket(String request) {
        try (java.net.Socket socket = new java.net.Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return answer(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads what {@code socket} receives until the server closes it or its read timeout passes. */
    static String answer(java.net.Socket socket) throws IOException {
        java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
        try {
            socket.getInputStream().transferTo(answer);
        } catch (java.net.SocketTimeoutException e) {
            // kept open: what arrived is the answer
        }
        return answer.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    HttpResponse<String> post(String token, String session, String body) {
        return send(request(token, session).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The same, without waiting for the answer: for a request the test wants in flight while it does something else. */
    java.util.concurrent.CompletableFuture<HttpResponse<String>> postAsync(String token, String session, String body) {
        return http.sendAsync(request(token, session).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> ping(String token, String session) {
        return post(token, session, PING);
    }

    HttpResponse<String> delete(String token, String session) {
        return send(request(token, session).DELETE());
    }

    /** Opens a session with {@code token}; its id. */
    String open(String token) {
        HttpResponse<String> response = post(token, null, INITIALIZE);
        if (response.statusCode() != 200) {
            throw new AssertionError("initialize answered " + response.statusCode() + ": " + response.body());
        }
        return response.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    private HttpRequest.Builder request(String token, String session) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-06-18");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (session != null) {
            builder.header("Mcp-Session-Id", session);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
