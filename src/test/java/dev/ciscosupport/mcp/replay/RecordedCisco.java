package dev.ciscosupport.mcp.replay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cisco as recorded: a plain HTTP server on loopback that answers every API request with one file of
 * {@code shared/cisco-api/examples} (copied into the test resources), byte for byte, with the status its
 * name gives ({@code error.404.x.json} is a 404) or, for the gateway sketches ({@code gateway/*.txt}), the
 * status line, headers and body written in the file. The token endpoint answers with the recorded token
 * shape. It does not interpret a request: it records it, so a test can compare it with what Cisco documents.
 */
public final class RecordedCisco implements AutoCloseable {
    private static final Pattern STATUS_IN_NAME = Pattern.compile("(?:^|\\.)(\\d{3})\\.");
    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String answer;
    private volatile String body;

    private RecordedCisco() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/oauth2/default/v1/token", this::token);
        server.createContext("/", this::api);
        server.start();
    }

    public static RecordedCisco start() {
        return new RecordedCisco();
    }

    public URI apiBaseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public URI tokenUrl() {
        return URI.create(apiBaseUrl() + "/oauth2/default/v1/token");
    }

    /** From now on every API request is answered with this example file, e.g. {@code case/details.200.json}. */
    public void answerWith(String example) {
        answer = example;
        body = null;
        requests.clear();
    }

    /** From now on every API request is answered 200 with this JSON: a recorded answer a test has edited. */
    public void answerWithBody(String json) {
        answer = null;
        body = json;
        requests.clear();
    }

    /** The API requests received since the last {@link #answerWith}, as sent: raw path and query. */
    public List<String> requests() {
        return new ArrayList<>(requests);
    }

    /** The text of an example file. */
    public static String example(String path) {
        try (InputStream in = RecordedCisco.class.getResourceAsStream("/cisco-examples/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        send(exchange, 200, Map.of("Content-Type", "application/json"), example("oauth/token.200.synthesized.json"));
    }

    private void api(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        requests.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        String file = answer;
        String edited = body;
        if (edited != null) {
            send(exchange, 200, Map.of("Content-Type", "application/json;charset=UTF-8"), edited);
        } else if (file == null) {
            send(exchange, 500, Map.of("Content-Type", "text/plain"), "no answer set");
        } else if (file.endsWith(".txt")) {
            sendSketch(exchange, example(file));
        } else {
            send(exchange, statusOf(file), Map.of("Content-Type", "application/json;charset=UTF-8"), example(file));
        }
    }

    static int statusOf(String file) {
        Matcher m = STATUS_IN_NAME.matcher(file.substring(file.lastIndexOf('/') + 1));
        return m.find() ? Integer.parseInt(m.group(1)) : 200;
    }

    /** A gateway sketch: a {@code #} comment line, the status line, headers, a blank line, the body. */
    private static void sendSketch(HttpExchange exchange, String sketch) throws IOException {
        String[] lines = sketch.split("\r?\n", -1);
        int i = lines[0].startsWith("#") ? 1 : 0;
        int status = Integer.parseInt(lines[i].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (i++; i < lines.length && !lines[i].isEmpty(); i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
        }
        StringBuilder body = new StringBuilder();
        for (i++; i < lines.length; i++) {
            body.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
        }
        send(exchange, status, headers, body.toString());
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
