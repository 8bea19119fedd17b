package dev.ciscosupport.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The address every later filter sees, over real HTTP on loopback: the forwarded client's only when the connection comes
 * from a trusted proxy, read from the right so a client cannot put its own choice in front.
 */
class ClientAddressFilterTest {
    private Server jetty;

    /** A server whose only page answers the address the filter left for the rest of the chain. */
    private URI serve(List<String> trusted) throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(new ClientAddressFilter(trusted)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().write(request.getRemoteAddr());
            }
        }), "/");
        jetty.setHandler(context);
        jetty.start();
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    private static String seen(URI url, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url);
        if (header != null) {
            request.header(header, value);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @AfterEach
    void stop() throws Exception {
        if (jetty != null) {
            jetty.stop();
        }
    }

    @Test
    void fromATrustedProxyTheForwardedClientIsTheAddress() throws Exception {
        URI url = serve(List.of("127.0.0.0/8", "10.0.0.0/8"));
        assertThat(seen(url, "X-Forwarded-For", "192.0.2.7")).isEqualTo("192.0.2.7");
        // What the client sent itself comes first; the proxies appended the rest: the rightmost untrusted hop is it.
        assertThat(seen(url, "X-Forwarded-For", "6.6.6.6, 192.0.2.7, 10.1.2.3")).isEqualTo("192.0.2.7");
        assertThat(seen(url, "Forwarded", "for=\"[2001:db8::1]:4711\";proto=https")).isEqualTo("2001:db8::1");
        assertThat(seen(url, "X-Forwarded-For", "unknown")).as("not an address").isEqualTo("127.0.0.1");
        assertThat(seen(url, "X-Forwarded-For", "evil.example")).as("never a name to look up").isEqualTo("127.0.0.1");
        assertThat(seen(url, null, null)).isEqualTo("127.0.0.1");
    }

    @Test
    void fromAnyoneElseTheHeaderChangesNothing() throws Exception {
        URI url = serve(List.of("10.0.0.5"));
        assertThat(seen(url, "X-Forwarded-For", "192.0.2.7")).isEqualTo("127.0.0.1");
        stop();
        url = serve(List.of());
        assertThat(seen(url, "X-Forwarded-For", "192.0.2.7")).isEqualTo("127.0.0.1");
    }
}
