package dev.ciscosupport.mcp.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that has not completed its first request within the deadline. The idle timeout alone cannot:
 * a client that sends its headers a byte at a time is never idle, and would hold its socket for as long as it likes.
 * Real clients send their headers at once; a connection that has completed a request (an open notification stream
 * included) is left alone.
 */
final class RequestHeaderDeadline implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(RequestHeaderDeadline.class);
    private final Connector connector;
    private final long millis;

    RequestHeaderDeadline(Connector connector, Duration deadline) {
        this.connector = connector;
        this.millis = deadline.toMillis();
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof SslConnection) {
            return; // its HTTP connection, opened on top of it once TLS is set up, is the one that counts requests
        }
        connector.getScheduler().schedule(() -> {
            if (connection.getMessagesIn() == 0 && connection.getEndPoint().isOpen()) {
                LOG.info("Closing a connection from {} that sent no complete request within {} ms",
                        connection.getEndPoint().getRemoteSocketAddress(), millis);
                connection.close();
            }
        }, millis, TimeUnit.MILLISECONDS);
    }
}
