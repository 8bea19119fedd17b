package dev.ciscosupport.mcp.tools;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

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

    /**
     * Whether the user says yes to {@code message}: a form of one {@code property} with the choices yes and no, titled
     * {@code title}. A declined or cancelled form is a no. (What happens when the client cannot ask is the caller's.)
     */
    default boolean confirms(String message, String property, String title) {
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of(property, Map.of("type", "string",
                "title", title, "enum", List.of("yes", "no"))), "required", List.of(property));
        McpSchema.ElicitResult answer = elicit(McpSchema.ElicitFormRequest.builder(message, schema).build());
        return answer.action() == McpSchema.ElicitResult.Action.ACCEPT && answer.content() != null
                && "yes".equals(answer.content().get(property));
    }

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
