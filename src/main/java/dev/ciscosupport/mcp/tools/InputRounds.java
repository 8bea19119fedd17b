package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.json.Json;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The client of a 2026-07-28 call, which cannot be sent requests: a question the call has no answer for yet ends it
 * ({@link InputNeeded}) with an input-required result, and the client makes the call again with the answer. The tool
 * then runs again from the start (its Cisco answers come from the cache) and, asking the same questions in the same
 * order, finds each one answered. Answers of earlier rounds travel in the request state, which the SDK signs and binds
 * to the caller and the tool, so a client cannot alter them; they are what the client itself answered, no secret.
 */
final class InputRounds implements ClientRequests {
    private final McpRequestContext request;
    private final McpJsonMapper mapper;
    private final Map<String, Object> answers = new LinkedHashMap<>();
    private int asked;

    InputRounds(McpRequestContext request, McpSchema.CallToolRequest call, McpJsonMapper mapper) {
        this.request = request;
        this.mapper = mapper;
        if (call.requestState() != null && !call.requestState().isEmpty()) {
            Json.MAPPER.readerForMapOf(Object.class).<Map<String, Object>>readValue(call.requestState())
                    .forEach(answers::put);
        }
        if (call.inputResponses() != null) {
            answers.putAll(call.inputResponses());
        }
    }

    /** The call needs an answer it does not have: the input-required result that asks for it. */
    static final class InputNeeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient McpSchema.InputRequiredResult result;

        InputNeeded(McpSchema.InputRequiredResult result) {
            super(null, null, false, false);
            this.result = result;
        }

        McpSchema.InputRequiredResult result() {
            return result;
        }
    }

    @Override
    public boolean canSample() {
        return request.clientCapabilities() != null && request.clientCapabilities().supportsSampling();
    }

    @Override
    public boolean canElicit() {
        return request.clientCapabilities() != null && request.clientCapabilities().supportsElicitationForm();
    }

    // Sampling is deprecated by the 2026-07-28 revision (SEP-2577), not removed; the tools that use it ask first.
    @Override
    @SuppressWarnings("deprecation")
    public io.modelcontextprotocol.spec.McpSchema.CreateMessageResult createMessage(
            io.modelcontextprotocol.spec.McpSchema.CreateMessageRequest question) {
        return answer("sampling", (ask, key) -> ask.createMessage(key, mapper.convertValue(question,
                McpSchema.CreateMessageRequest.class)), io.modelcontextprotocol.spec.McpSchema.CreateMessageResult.class);
    }

    @Override
    public io.modelcontextprotocol.spec.McpSchema.ElicitResult elicit(
            io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest question) {
        return answer("question", (ask, key) -> ask.elicit(key, mapper.convertValue(question,
                McpSchema.ElicitFormRequest.class)), io.modelcontextprotocol.spec.McpSchema.ElicitResult.class);
    }

    /** The answer to the call's next question (numbered in the order asked), or the end of this round to get it. */
    private <T> T answer(String kind, BiConsumer<McpSchema.InputRequiredResult.Builder, String> ask, Class<T> type) {
        String key = kind + "-" + (++asked);
        Object answer = answers.get(key);
        if (answer == null) {
            McpSchema.InputRequiredResult.Builder question = McpSchema.InputRequiredResult.builder();
            ask.accept(question, key);
            throw new InputNeeded(question.requestState(state()).build());
        }
        return mapper.convertValue(answer, type);
    }

    @Override
    public McpTransportContext transport() {
        return request.transportContext();
    }

    /** The answers so far, for the next round. */
    private String state() {
        return Json.MAPPER.writeValueAsString(answers);
    }
}
