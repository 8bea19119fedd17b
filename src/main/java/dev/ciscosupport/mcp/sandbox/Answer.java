package dev.ciscosupport.mcp.sandbox;

import dev.ciscosupport.mcp.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** An HTTP answer of the sandbox: status, headers and body exactly as Cisco would send them. */
record Answer(int status, String contentType, Map<String, String> headers, String body) {

    /** No answer: the connection is dropped after the first bytes. */
    static final Answer DROPPED = new Answer(0, "application/json;charset=UTF-8", Map.of(), "{");

    static Answer json(int status, tools.jackson.databind.node.ContainerNode<?> body) {
        return new Answer(status, "application/json;charset=UTF-8", Map.of(), Json.MAPPER.writeValueAsString(body));
    }

    /** Cisco's {@code {"ErrorResponse":{"APIError":[{...}]}}} (Bug, SN2INFO, Product Info). */
    static Answer apiError(int status, String code, String description, String suggestedAction) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode errors = root.putObject("ErrorResponse").putArray("APIError");
        errors.addObject().put("ErrorCode", code).put("ErrorDescription", description)
                .put("SuggestedAction", suggestedAction);
        return json(status, root);
    }

    /** A Mashery gateway refusal: XML/HTML text, the reason in {@code X-Mashery-Error-Code}. */
    static Answer gateway(int status, String masheryCode, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(extraHeaders);
        if (masheryCode != null) {
            headers.put("X-Mashery-Error-Code", masheryCode);
        }
        return new Answer(status, "text/xml", headers, body);
    }

    void writeTo(HttpServletResponse response) throws IOException {
        if (this == DROPPED) {
            // Promise more than is sent, send the start, then fail: Jetty closes the connection mid-answer.
            response.setStatus(200);
            response.setContentType(contentType);
            response.setContentLength(1000);
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            response.flushBuffer();
            throw new java.io.EOFException("sandbox: connection dropped on purpose (CONNECTION_RESET fault)");
        }
        response.setStatus(status);
        response.setContentType(contentType);
        headers.forEach(response::setHeader);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
