package dev.ciscosupport.mcp.server;

import dev.ciscosupport.mcp.json.Json;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.modern.JsonRpc;
import io.modelcontextprotocol.modern.server.McpServer;
import io.modelcontextprotocol.modern.server.McpTransportResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Requests to the SDK's 2026-07-28 server in-process, each with the per-request _meta the revision requires. */
public final class StatelessRequests {
    private StatelessRequests() {
    }

    /** The JSON-RPC answer (result or error) to one request: a streamed answer's last message. */
    public static JsonNode ask(McpServer server, String method, Map<String, Object> params) {
        Map<String, Object> withMeta = new LinkedHashMap<>(params);
        withMeta.put("_meta", Map.of("io.modelcontextprotocol/protocolVersion", "2026-07-28",
                "io.modelcontextprotocol/clientCapabilities", Map.of()));
        McpTransportResponse response = server.handleBlocking(McpTransportContext.EMPTY,
                new JsonRpc.JSONRPCRequest(method, 1, withMeta)).block();
        JsonRpc.JSONRPCResponse answer;
        if (response instanceof McpTransportResponse.Streaming streaming) {
            answer = (JsonRpc.JSONRPCResponse) streaming.messages().last().block();
        } else if (response instanceof McpTransportResponse.Result result) {
            answer = result.response();
        } else {
            answer = ((McpTransportResponse.Error) response).response();
        }
        return Json.MAPPER.valueToTree(answer);
    }
}
