package dev.ciscosupport.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.MutableClock;
import dev.ciscosupport.mcp.security.SecurityLog;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * What a client sees when something below the filters fails unexpectedly: a plain JSON 500 with the
 * security headers, no stack trace, and an access-log line. Uses the real filters in a real Jetty with
 * a servlet that throws, since the MCP transport gives no way to make it fail on purpose.
 */
class FailureAnswerTest {
    @Test
    void anUnexpectedFailureIsAPlain500WithTheSecurityHeaders() throws Exception {
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        SecurityLog log = new SecurityLog(new PrintStream(logged, true, StandardCharsets.UTF_8), null, MutableClock.at2026());
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(new AccessLogFilter(log)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new SecurityHeadersFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                throw new IllegalStateException("internal detail that must not reach the client");
            }
        }), "/*");
        jetty.setHandler(context);
        jetty.start();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/mcp?token=secret-in-url")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEqualTo(
                    "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32603,\"message\":\"Internal server error.\"}}");
            SecurityHeadersFilter.HEADERS.forEach((name, value) ->
                    assertThat(response.headers().firstValue(name)).as(name).hasValue(value));
            // The access-log line is written as the filter returns, which may be just after the client has its answer.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!logged.toString(StandardCharsets.UTF_8).contains("\"status\"") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            String line = logged.toString(StandardCharsets.UTF_8);
            assertThat(line).contains("\"status\":500").contains("\"path\":\"/mcp?token=[REDACTED]\"")
                    .doesNotContain("secret-in-url");
        } finally {
            jetty.stop();
        }
    }
}
