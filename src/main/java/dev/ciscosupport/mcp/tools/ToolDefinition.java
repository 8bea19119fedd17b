package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.session.CancellableCalls;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import java.util.function.Function;

/**
 * One tool as this server defines it, whichever protocol revision serves it: what clients see ({@link #tool}: name,
 * title, description, hints, schemas) and what one call does ({@link #answer}). Each revision's MCP server gets it
 * through a thin adapter of its own ({@link #legacy} for 2025-11-25).
 *
 * @param needs what of the client the tool needs while it works
 * @param body  the tool's work, given the client it may ask (null for a tool that needs nothing of it)
 */
public record ToolDefinition(McpSchema.Tool tool, Needs needs, ToolContext context,
        Function<ClientRequests, Function<ToolArguments, ToolOutput>> body) {

    /** What of the client a tool needs while it works. */
    public enum Needs {
        NOTHING,
        /** It asks the client's model or user (both revisions: a request, or an input-required result). */
        ANSWERS,
        /** It keeps state in the client's session (2025-11-25 only: the dynamic toolsets). */
        SESSION
    }

    public String name() {
        return tool.name();
    }

    /**
     * One call: its arguments as sent, its context (caller, listener, cancellation, deadline), the session it belongs to
     * (null over stdio and for stateless requests) and what the transport knows of the request.
     *
     * @param client the client to ask, for a tool that {@link #needs} it; else null
     */
    public CallToolResult answer(Map<String, Object> arguments, CallContext call, String sessionId,
            McpTransportContext transport, ClientRequests client) {
        // The advertised schema leaves out additionalProperties (tokens); a misspelled argument is still refused, by
        // name, rather than silently ignored.
        String unknown = UnknownArguments.in(tool.inputSchema(), arguments);
        if (unknown != null) {
            return CallToolResult.builder().addTextContent(unknown).isError(true).build();
        }
        return ToolHandlers.call(tool.name(), context, body.apply(client), arguments, transport, sessionId, call);
    }

    /**
     * The tool run on behalf of a resource read: as the reader's own call (their quota, their private data), with no
     * progress to report; cancellable like a tool call when the transport named the request.
     */
    public CallToolResult read(Map<String, Object> arguments, String sessionId, McpTransportContext transport) {
        CallContext call = context.newCall(caller(transport, sessionId), CallContext.Listener.NONE);
        Object requestId = transport == null ? null : transport.get("requestId");
        return context.calls().run(sessionId, requestId == null ? null : requestId.toString(), call,
                () -> answer(arguments, call, sessionId, transport, null));
    }

    /**
     * Who is asking, so cached Case and RMA answers stay with their caller: the fingerprint of the bearer
     * token over HTTP; the session when HTTP runs without authentication; the one stdio client otherwise.
     */
    public static String caller(McpTransportContext transport, String sessionId) {
        Object caller = transport == null ? null : transport.get("caller");
        if (caller != null) {
            return caller.toString(); // "token:" and the token's fingerprint, as the HTTP side names it
        }
        return sessionId != null ? "session:" + sessionId : "stdio";
    }

    /** The tool for the 2025-11-25 server: cancellable by request ID, progress and notices through the session. */
    public SyncToolSpecification legacy() {
        return SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> {
                    // stdio puts the request's JSON-RPC ID in _meta; over HTTP the transport context carries it.
                    Object stdioId = request.meta() == null ? null : request.meta().get(CancellableCalls.REQUEST_ID_META);
                    Object httpId = exchange.transportContext() == null ? null : exchange.transportContext().get("requestId");
                    String session = stdioId != null ? CancellableCalls.STDIO : exchange.sessionId();
                    String requestId = stdioId != null ? stdioId.toString() : httpId == null ? null : httpId.toString();
                    CallContext call = context.newCall(caller(exchange.transportContext(), exchange.sessionId()),
                            new ClientUpdates(exchange, request.progressToken()));
                    return context.calls().run(session, requestId, call, () -> answer(request.arguments(), call,
                            exchange.sessionId(), exchange.transportContext(),
                            needs == Needs.NOTHING ? null : ClientRequests.of(exchange)));
                })
                .build();
    }
}
