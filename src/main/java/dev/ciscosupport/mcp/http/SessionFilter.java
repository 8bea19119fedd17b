package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.security.SecurityLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Sessions are opened only by {@code initialize} and used only by the token that opened it:
 * <ul>
 * <li>an {@code initialize} always opens a new session, whatever {@code Mcp-Session-Id} it carries, owned by the
 * caller's token fingerprint; one larger than the limit is refused (its capabilities would be kept for the session's
 * life); one over the session caps is refused (503) or makes room by closing the caller's own oldest idle session;</li>
 * <li>a request naming a session opened with another token is refused (403): a session id is not a credential;</li>
 * <li>a session that idled out, ended or never existed is 404, which tells the client to start a new one.</li>
 * </ul>
 */
final class SessionFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final String HEADER = "Mcp-Session-Id";
    private final transient Sessions sessions;
    private final int initializeLimit;
    private final transient SecurityLog log;

    SessionFilter(Sessions sessions, int initializeLimit, SecurityLog log) {
        this.sessions = sessions;
        this.initializeLimit = initializeLimit;
        this.log = log;
    }

    /** Who is calling: the token (by its fingerprint), or the address when authentication is off. */
    static String caller(HttpServletRequest request) {
        Object token = request.getAttribute(BearerAuthFilter.CALLER);
        return token != null ? token.toString() : "ip:" + request.getRemoteAddr();
    }

    /** A POST whose message is {@code initialize}: the only request that opens a session. */
    static boolean isInitialize(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getAttribute(JsonRpcBodyFilter.MESSAGE) instanceof JsonNode m
                && "initialize".equals(m.path("method").asString(""));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String caller = caller(request);
        if (isInitialize(request)) {
            open(request, response, chain, caller);
            return;
        }
        String id = request.getHeader(HEADER);
        if (id == null) {
            chain.doFilter(request, response); // the transport answers what needs a session and has none
            return;
        }
        Optional<Sessions.Session> found = sessions.find(id);
        if (found.isEmpty()) {
            Answers.jsonRpcError(request, response, 404, Answers.SERVER_ERROR,
                    "Session not found: it ended, idled out, or never existed. Send initialize to start a new one.");
            return;
        }
        Sessions.Session session = found.get();
        if (!session.owner.equals(caller)) {
            log.warn("Session used with another token", Answers.client(request), fields(request, "session belongs to"
                    + " another token", id));
            Answers.jsonRpcError(request, response, 403, Answers.SERVER_ERROR,
                    "Forbidden: this session was opened with another token.");
            return;
        }
        sessions.enter(session);
        // A stream (GET notifications, or a POST answered as SSE) is in use until it ends: a session listening for
        // notifications is not idle however long nobody calls a tool.
        RequestEnd.chainThen(request, response, chain, () -> sessions.leave(session));
        if ("DELETE".equals(request.getMethod()) && response.getStatus() < 300) {
            sessions.forget(id);
        }
    }

    private void open(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String caller)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > initializeLimit) {
            Answers.jsonRpcError(request, response, 413, -32600, "Request too large: an initialize"
                    + " request may be at most " + initializeLimit / 1024 + " KiB (a client's is usually under 2 KiB).");
            return;
        }
        // Admission and opening are two steps: initialize requests racing each other may pass a cap by a few, never more.
        if (sessions.admit(caller) == Sessions.Admission.FULL) {
            log.warn("Session limit reached", Answers.client(request), fields(request, "too many live sessions", null));
            response.setHeader("Retry-After", String.valueOf(60));
            Answers.jsonRpcError(request, response, 503, Answers.SERVER_ERROR, "Too many open sessions on this server;"
                    + " retry in a minute, or end sessions you no longer use (DELETE).");
            return;
        }
        chain.doFilter(request, new Opening(response, sessions, caller));
    }

    /**
     * Records the new session the moment the transport names it, before the answer is sent: a client reads the
     * {@code initialize} answer and sends its next request at once, which must find the session known.
     */
    private static final class Opening extends HttpServletResponseWrapper {
        private final Sessions sessions;
        private final String caller;

        Opening(HttpServletResponse response, Sessions sessions, String caller) {
            super(response);
            this.sessions = sessions;
            this.caller = caller;
        }

        @Override
        public void setHeader(String name, String value) {
            record(name, value);
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            record(name, value);
            super.addHeader(name, value);
        }

        private void record(String name, String value) {
            if (HEADER.equalsIgnoreCase(name) && value != null) {
                sessions.opened(value, caller);
            }
        }
    }

    private static Map<String, Object> fields(HttpServletRequest request, String reason, String id) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reason", reason);
        fields.put("tokenLabel", request.getAttribute(BearerAuthFilter.PRINCIPAL));
        fields.put("sessionId", id);
        return fields;
    }
}
