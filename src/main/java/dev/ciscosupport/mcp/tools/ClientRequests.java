package dev.ciscosupport.mcp.tools;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * What a tool may ask of the client while it works: its model (sampling) or its user (a form). On 2025-11-25 the
 * server sends the client a request and waits ({@link #of}); on 2026-07-28 the call ends with an input-required result
 * and the client calls again with the answer ({@link InputRounds}). The tool's code is the same for both.
 */
public interface ClientRequests {
    boolean canSample();

    boolean canElicit();

    /** The client's model's answer; on 2026-07-28 the call may end here, to be made again with it. */
    McpSchema.CreateMessageResult createMessage(McpSchema.CreateMessageRequest request);

    /** The user's answer to a form; on 2026-07-28 the call may end here, to be made again with it. */
    McpSchema.ElicitResult elicit(McpSchema.ElicitFormRequest request);

    /** What the transport knows of the request (the session, for the dynamic toolsets). */
    McpTransportContext transport();

    /** The 2025-11-25 client of a session: asked directly. */
    static ClientRequests of(McpSyncServerExchange exchange) {
        return new ClientRequests() {
            @Override
            public boolean canSample() {
                return exchange.getClientCapabilities() != null && exchange.getClientCapabilities().sampling() != null;
            }

            @Override
            public boolean canElicit() {
                return exchange.getClientCapabilities() != null && exchange.getClientCapabilities().elicitation() != null;
            }

            // Sampling is deprecated by the 2026-07-28 revision (SEP-2577) but part of 2025-11-25, spoken here.
            @Override
            @SuppressWarnings("deprecation")
            public McpSchema.CreateMessageResult createMessage(McpSchema.CreateMessageRequest request) {
                return exchange.createMessage(request);
            }

            @Override
            public McpSchema.ElicitResult elicit(McpSchema.ElicitFormRequest request) {
                return exchange.createElicitation(request);
            }

            @Override
            public McpTransportContext transport() {
                return exchange.transportContext();
            }
        };
    }
}
