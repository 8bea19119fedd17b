package dev.ciscosupport.mcp.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes one session in the SDK's Streamable HTTP transport, as a client's {@code DELETE} would: the transport keeps
 * its sessions in a private map and offers no other way to end one, and its DELETE handling (close the session's
 * streams, forget it) is exactly what an expired or evicted session needs. The request is made in memory, never on
 * the network, and carries only the session id.
 */
final class TransportSessionCloser implements Consumer<String> {
    private static final Logger LOG = LoggerFactory.getLogger(TransportSessionCloser.class);
    private static final String SESSION_HEADER = "mcp-session-id";
    private final HttpServlet transport;
    private final String path;

    TransportSessionCloser(HttpServlet transport, String path) {
        this.transport = transport;
        this.path = path;
    }

    @Override
    public void accept(String sessionId) {
        try {
            transport.service(request(sessionId), response());
        } catch (Exception e) {
            LOG.warn("Could not close session {} in the transport: {}", sessionId, e.toString());
        }
    }

    private HttpServletRequest request(String sessionId) {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> "DELETE";
                    case "getRequestURI", "getServletPath" -> path;
                    case "getProtocol" -> "HTTP/1.1";
                    case "getRemoteAddr" -> "127.0.0.1";
                    case "getHeader" -> SESSION_HEADER.equalsIgnoreCase((String) args[0]) ? sessionId : null;
                    case "getHeaders" -> Collections.enumeration(SESSION_HEADER.equalsIgnoreCase((String) args[0])
                            ? List.of(sessionId) : List.of());
                    case "getHeaderNames" -> Collections.enumeration(List.of(SESSION_HEADER));
                    case "getAttributeNames", "getParameterNames" -> Collections.emptyEnumeration();
                    case "toString" -> "in-memory DELETE of an expired session";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> defaultValue(method.getReturnType());
                });
    }

    private HttpServletResponse response() {
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getWriter" -> nowhere;
                    case "toString" -> "in-memory response";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> defaultValue(method.getReturnType());
                });
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class) {
            return type == long.class ? (Object) 0L : (Object) 0;
        }
        return null;
    }
}
