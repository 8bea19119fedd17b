package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.call.CallContext;

/**
 * A tool defined by two records: its arguments (read into the record, the input schema generated from it) and its
 * result (the output schema generated from it, the structured content written from it), so schema, reading and
 * structured output agree by construction. The text the model reads stays the tool's (with the {@code format} classes).
 */
final class TypedTool {
    private TypedTool() {
    }

    /**
     * What a tool answers: the text the model reads, the result clients get as structured content, and any content
     * after the text (resource links, an image).
     */
    record Answer<R extends Record>(String text, R structured, java.util.List<io.modelcontextprotocol.spec.McpSchema.Content> more) {
        Answer(String text, R structured) {
            this(text, structured, java.util.List.of());
        }
    }

    /** The tool's work: its arguments, read and checked, for one call. */
    @FunctionalInterface
    interface Body<A extends Record, R extends Record> {
        Answer<R> answer(A arguments, CallContext call);
    }

    /** The work of a tool that also talks to the client (asks its model, or the user). */
    @FunctionalInterface
    interface ClientBody<A extends Record, R extends Record> {
        Answer<R> answer(A arguments, CallContext call, ClientRequests client);
    }

    /** A read-only tool whose work also talks to the client. */
    static <A extends Record, R extends Record> ToolDefinition readOnlyWithClient(String name, String title,
            String description, Class<A> arguments, Class<R> result, ToolContext context, ClientBody<A, R> body) {
        return ToolHandlers.readOnlyWithClient(name, title, description, RecordSchemas.input(arguments),
                RecordSchemas.output(result), context, ToolDefinition.Needs.ANSWERS, client -> args -> output(body.answer(
                        RecordArguments.read(args.values(), arguments), args.call(), client)));
    }

    /** A tool that changes something at Cisco, with its hints (see {@link ToolHandlers#changing}); it may ask the client. */
    static <A extends Record, R extends Record> ToolDefinition changing(String name, String title, String description,
            Class<A> arguments, Class<R> result, ToolContext context, boolean destructive, boolean idempotent,
            ClientBody<A, R> body) {
        return ToolHandlers.changing(name, title, description, RecordSchemas.input(arguments), RecordSchemas.output(result),
                context, destructive, idempotent, client -> args -> output(body.answer(
                        RecordArguments.read(args.values(), arguments), args.call(), client)));
    }

    private static ToolOutput output(Answer<?> answer) {
        return new ToolOutput(answer.text(), RecordArguments.structured(answer.structured()), answer.more());
    }

    /** A read-only tool taking {@code arguments} and answering {@code result}. */
    static <A extends Record, R extends Record> ToolDefinition readOnly(String name, String title, String description,
            Class<A> arguments, Class<R> result, ToolContext context, Body<A, R> body) {
        return ToolHandlers.readOnly(name, title, description, RecordSchemas.input(arguments), RecordSchemas.output(result),
                context, args -> output(body.answer(RecordArguments.read(args.values(), arguments), args.call())));
    }
}
