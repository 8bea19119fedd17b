package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.json.Json;
import dev.ciscosupport.mcp.security.SecurityLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The short JSON answers the filters give when they stop a request, and who sent it. */
final class Answers {
    /** JSON-RPC's code for server-defined errors such as "rate limited". */
    static final int SERVER_ERROR = -32000;

    private Answers() {
    }

    /** A JSON-RPC error body without an id: the refusal came before the request's body was read. */
    static void jsonRpcError(HttpServletResponse response, int status, int code, String message) throws IOException {
        jsonRpcError(null, response, status, code, message);
    }

    /**
     * A JSON-RPC error body for an HTTP-level refusal, with the request's id when its body has been read (the
     * client can then match the error to its request), else {@code null} as JSON-RPC asks.
     */
    static void jsonRpcError(HttpServletRequest request, HttpServletResponse response, int status, int code, String message)
            throws IOException {
        ObjectNode body = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0");
        Object read = request == null ? null : request.getAttribute(JsonRpcBodyFilter.MESSAGE);
        if (read instanceof JsonNode m && m.has("id") && (m.get("id").isString() || m.get("id").isNumber())) {
            body.set("id", m.get("id"));
        } else {
            body.putNull("id");
        }
        body.putObject("error").put("code", code).put("message", message);
        write(response, status, body);
    }

    /**
     * Writes the answer into the response's buffer without declaring its length: Jetty then sends it when the request
     * ends, sets the length itself, and can add {@code Connection: close} when the request's body was left unread (a
     * refusal on the head alone, the body still on its way): such a connection is closed after the answer, and a client
     * told nothing would send its next request on it and lose it. With the length declared, the last byte written sent
     * the answer at once, before Jetty knew.
     */
    static void write(HttpServletResponse response, int status, ObjectNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(Json.MAPPER.writeValueAsBytes(body));
    }

    /** The guide's ip / userAgent / endpoint of a request; the endpoint is the path only, never the query. */
    static SecurityLog.Client client(HttpServletRequest request) {
        return new SecurityLog.Client(request.getRemoteAddr(), request.getHeader("User-Agent"),
                Redaction.path(request.getRequestURI()));
    }
}
