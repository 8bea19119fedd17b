package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.cisco.Json;
import dev.ciscosupport.mcp.security.SecurityLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tools.jackson.databind.node.ObjectNode;

/** The short JSON answers the filters give when they stop a request, and who sent it. */
final class Answers {
    /** JSON-RPC's code for server-defined errors such as "rate limited". */
    static final int SERVER_ERROR = -32000;

    private Answers() {
    }

    /** A JSON-RPC error body without an id, as the transport spec asks of HTTP-level refusals. */
    static void jsonRpcError(HttpServletResponse response, int status, int code, String message) throws IOException {
        ObjectNode body = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").putNull("id");
        body.putObject("error").put("code", code).put("message", message);
        write(response, status, body);
    }

    static void write(HttpServletResponse response, int status, ObjectNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The guide's ip / userAgent / endpoint of a request; the endpoint is the path only, never the query. */
    static SecurityLog.Client client(HttpServletRequest request) {
        return new SecurityLog.Client(request.getRemoteAddr(), request.getHeader("User-Agent"), request.getRequestURI());
    }
}
