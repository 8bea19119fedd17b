package dev.ciscosupport.mcp.conformance;

import dev.ciscosupport.mcp.server.ServerExtension;
import dev.ciscosupport.mcp.server.ServerFeatures;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools, prompts and resources the official MCP conformance suite looks for
 * ({@code @modelcontextprotocol/conformance}, server scenarios), with the answers its scenarios expect.
 * The 2025-11-25 revision's are here; {@link StatelessFixtures} serves them (and those of its own) to 2026-07-28.
 * Test-only, and so not in the released jar: a {@link ServerExtension} the server finds on its class path and adds
 * beside the real features when {@code MCP_CONFORMANCE_FIXTURES=true} (off by default, refused in production). They
 * read nothing from Cisco and change nothing else: the same transport, filters and settings serve them.
 */
public final class ConformanceFixtures implements ServerExtension {
    /** A 1x1 red PNG. */
    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
    /** A 44-byte WAV header with no samples. */
    static final String WAV = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQAAAAA=";

    @Override
    public ServerFeatures extend(ServerFeatures features) {
        return addTo(features);
    }

    /** The real features plus the fixtures. */
    public static ServerFeatures addTo(ServerFeatures real) {
        SyncCompletionSpecification completion = new SyncCompletionSpecification(
                new McpSchema.PromptReference("test_prompt_with_arguments"),
                (exchange, request) -> new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(
                        List.of("paris", "park", "party").stream().filter(v -> v.startsWith(request.argument().value())).toList(),
                        3, false)));
        List<SyncToolSpecification> tools = tools();
        List<SyncPromptSpecification> prompts = prompts();
        List<SyncResourceSpecification> resources = resources();
        SyncResourceTemplateSpecification template = template();
        return real.withOnly(new ServerFeatures.LegacyOnly(tools, prompts, resources, List.of(template), List.of(completion),
                true), new StatelessFixtures(tools, prompts, resources, template, completion).features());
    }

    // The 2025-11-25 fixtures log and sample: both deprecated by the 2026-07-28 revision (SEP-2577), not removed.
    @SuppressWarnings("deprecation")
    private static List<SyncToolSpecification> tools() {
        List<SyncToolSpecification> tools = new ArrayList<>();
        tools.add(tool("test_simple_text", noArguments(), (exchange, args) -> text("This is a simple text response for testing.")));
        tools.add(tool("test_image_content", noArguments(), (exchange, args) -> result(McpSchema.ImageContent.builder(PNG, "image/png").build())));
        tools.add(tool("test_audio_content", noArguments(), (exchange, args) -> result(McpSchema.AudioContent.builder(WAV, "audio/wav").build())));
        tools.add(tool("test_embedded_resource", noArguments(), (exchange, args) -> result(McpSchema.EmbeddedResource.builder(McpSchema.TextResourceContents.builder("test://embedded-resource", "This is an embedded resource content.").mimeType("text/plain").build()).build())));
        tools.add(tool("test_multiple_content_types", noArguments(), (exchange, args) -> result(
                McpSchema.TextContent.builder("Multiple content types test:").build(),
                McpSchema.ImageContent.builder(PNG, "image/png").build(),
                McpSchema.EmbeddedResource.builder(McpSchema.TextResourceContents.builder("test://mixed-content-resource", "{\"test\":\"data\",\"value\":123}").mimeType("application/json").build()).build())));
        tools.add(tool("test_tool_with_logging", noArguments(), (exchange, args) -> {
            for (String message : List.of("Tool execution started", "Tool processing data", "Tool execution completed")) {
                exchange.loggingNotification(McpSchema.LoggingMessageNotification.builder(McpSchema.LoggingLevel.INFO, message)
                        .logger("conformance").build());
                pause();
            }
            return text("Tool with logging executed successfully");
        }));
        Map<String, Object> schema2020 = new LinkedHashMap<>();
        schema2020.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema2020.put("type", "object");
        schema2020.put("$defs", Map.of("address", Map.of("type", "object", "properties",
                Map.of("street", Map.of("type", "string"), "city", Map.of("type", "string")))));
        schema2020.put("properties", Map.of("name", Map.of("type", "string"), "address", Map.of("$ref", "#/$defs/address")));
        schema2020.put("additionalProperties", false);
        tools.add(tool("json_schema_2020_12_tool", schema2020, (exchange, args) -> text("Received: " + args)));
        tools.add(tool("test_error_handling", noArguments(), (exchange, args) -> CallToolResult.builder()
                .addTextContent("This tool intentionally returns an error for testing").isError(true).build()));
        tools.add(SyncToolSpecification.builder().tool(McpSchema.Tool.builder("test_tool_with_progress", noArguments())
                .description("Conformance fixture: reports progress 0, 50, 100 of 100.").build())
                .callHandler((exchange, request) -> {
                    for (int progress : new int[] {0, 50, 100}) {
                        if (request.progressToken() != null) {
                            exchange.progressNotification(McpSchema.ProgressNotification.builder(request.progressToken(),
                                    progress).total(100.0).build());
                        }
                        pause();
                    }
                    return text("Tool with progress executed successfully");
                }).build());
        tools.add(tool("test_sampling", stringArgument("prompt"), (exchange, args) -> {
            McpSchema.CreateMessageResult answer = exchange.createMessage(McpSchema.CreateMessageRequest.builder(
                    List.of(new McpSchema.SamplingMessage(McpSchema.Role.USER,
                            McpSchema.TextContent.builder(String.valueOf(args.get("prompt"))).build())), 100).build());
            String said = answer.content() instanceof McpSchema.TextContent t ? t.text() : String.valueOf(answer.content());
            return text("LLM response: " + said);
        }));
        tools.add(tool("test_elicitation", stringArgument("message"), (exchange, args) -> {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("username", Map.of("type", "string", "description", "User's response"));
            properties.put("email", Map.of("type", "string", "description", "User's email address"));
            return elicited(exchange, String.valueOf(args.get("message")), properties, List.of("username", "email"),
                    "User response: ");
        }));
        tools.add(tool("test_elicitation_sep1034_defaults", noArguments(), (exchange, args) -> {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("name", Map.of("type", "string", "default", "John Doe"));
            properties.put("age", Map.of("type", "integer", "default", 30));
            properties.put("score", Map.of("type", "number", "default", 95.5));
            properties.put("status", Map.of("type", "string", "enum", List.of("active", "inactive", "pending"), "default", "active"));
            properties.put("verified", Map.of("type", "boolean", "default", true));
            return elicited(exchange, "Please review and update the form fields with defaults", properties, List.of(),
                    "Elicitation completed: ");
        }));
        tools.add(tool("test_elicitation_sep1330_enums", noArguments(), (exchange, args) -> {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("untitledSingle", Map.of("type", "string", "enum", List.of("option1", "option2", "option3")));
            properties.put("titledSingle", Map.of("type", "string", "oneOf", List.of(
                    Map.of("const", "value1", "title", "First Option"), Map.of("const", "value2", "title", "Second Option"),
                    Map.of("const", "value3", "title", "Third Option"))));
            properties.put("legacyEnum", Map.of("type", "string", "enum", List.of("opt1", "opt2", "opt3"), "enumNames",
                    List.of("Option One", "Option Two", "Option Three")));
            properties.put("untitledMulti", Map.of("type", "array", "items", Map.of("type", "string", "enum",
                    List.of("option1", "option2", "option3"))));
            properties.put("titledMulti", Map.of("type", "array", "items", Map.of("anyOf", List.of(
                    Map.of("const", "value1", "title", "First Choice"), Map.of("const", "value2", "title", "Second Choice"),
                    Map.of("const", "value3", "title", "Third Choice")))));
            return elicited(exchange, "Please select options from the enum fields", properties, List.of(),
                    "Elicitation completed: ");
        }));
        return tools;
    }

    private static CallToolResult elicited(McpSyncServerExchange exchange, String message, Map<String, Object> properties,
            List<String> required, String prefix) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        McpSchema.ElicitResult answer = exchange.createElicitation(McpSchema.ElicitFormRequest.builder(message, schema).build());
        return text(prefix + "action=" + answer.action().name().toLowerCase(java.util.Locale.ROOT) + ", content="
                + answer.content());
    }

    private static List<SyncPromptSpecification> prompts() {
        List<SyncPromptSpecification> prompts = new ArrayList<>();
        prompts.add(prompt("test_simple_prompt", List.of(), args -> List.of(user(McpSchema.TextContent.builder("This is a simple prompt for testing.").build()))));
        prompts.add(prompt("test_prompt_with_arguments", List.of(McpSchema.PromptArgument.builder("arg1").description("First test argument").required(true).build(),
                McpSchema.PromptArgument.builder("arg2").description("Second test argument").required(true).build()), args -> List.of(user(McpSchema.TextContent.builder("Prompt with arguments: arg1='" + args.get("arg1") + "', arg2='" + args.get("arg2") + "'").build()))));
        prompts.add(prompt("test_prompt_with_embedded_resource", List.of(McpSchema.PromptArgument.builder("resourceUri").description("URI of the resource to embed").required(true).build()), args -> List.of(
                        user(McpSchema.EmbeddedResource.builder(McpSchema.TextResourceContents.builder(String.valueOf(args.get("resourceUri")), "Embedded resource content for testing.").mimeType("text/plain").build()).build()),
                        user(McpSchema.TextContent.builder("Please process the embedded resource above.").build()))));
        prompts.add(prompt("test_prompt_with_image", List.of(), args -> List.of(
                user(McpSchema.ImageContent.builder(PNG, "image/png").build()),
                user(McpSchema.TextContent.builder("Please analyze the image above.").build()))));
        return prompts;
    }

    private static List<SyncResourceSpecification> resources() {
        return List.of(
                resource("test://static-text", "text/plain", uri -> McpSchema.TextResourceContents.builder(uri, "This is the content of the static text resource.").mimeType("text/plain").build()),
                resource("test://static-binary", "image/png", uri -> McpSchema.BlobResourceContents.builder(uri, PNG).mimeType("image/png").build()),
                resource("test://watched-resource", "text/plain", uri -> McpSchema.TextResourceContents.builder(uri, "Watched resource content.").mimeType("text/plain").build()));
    }

    private static SyncResourceTemplateSpecification template() {
        return new SyncResourceTemplateSpecification(McpSchema.ResourceTemplate.builder("test://template/{id}/data", "template")
                .description("Conformance fixture: data for an ID.").mimeType("application/json").build(),
                (exchange, request) -> {
                    String id = request.uri().replaceFirst("^test://template/", "").replaceFirst("/data$", "");
                    return McpSchema.ReadResourceResult.builder(List.of(McpSchema.TextResourceContents.builder(request.uri(), "{\"id\":\"" + id.replace("\"", "") + "\",\"templateTest\":true,\"data\":\"Data for ID: "
                                    + id.replace("\"", "") + "\"}").mimeType("application/json").build())).build();
                });
    }

    private interface Body {
        CallToolResult run(McpSyncServerExchange exchange, Map<String, Object> arguments);
    }

    private static SyncToolSpecification tool(String name, Map<String, Object> input, Body body) {
        return SyncToolSpecification.builder().tool(McpSchema.Tool.builder(name, input)
                .description("Conformance fixture " + name + ".").build())
                .callHandler((exchange, request) -> body.run(exchange, request.arguments())).build();
    }

    private static SyncPromptSpecification prompt(String name, List<McpSchema.PromptArgument> arguments,
            java.util.function.Function<Map<String, Object>, List<McpSchema.PromptMessage>> messages) {
        return new SyncPromptSpecification(McpSchema.Prompt.builder(name).description("Conformance fixture " + name + ".").arguments(arguments).build(),
                (exchange, request) -> McpSchema.GetPromptResult.builder(messages.apply(request.arguments() == null ? Map.of() : request.arguments())).build());
    }

    private static SyncResourceSpecification resource(String uri, String mimeType,
            java.util.function.Function<String, McpSchema.ResourceContents> contents) {
        return new SyncResourceSpecification(McpSchema.Resource.builder(uri, uri.substring("test://".length()))
                .description("Conformance fixture " + uri + ".").mimeType(mimeType).build(),
                (exchange, request) -> McpSchema.ReadResourceResult.builder(List.of(contents.apply(request.uri()))).build());
    }

    private static McpSchema.PromptMessage user(Content content) {
        return new McpSchema.PromptMessage(McpSchema.Role.USER, content);
    }

    private static CallToolResult text(String text) {
        return CallToolResult.builder().addTextContent(text).isError(false).build();
    }

    private static CallToolResult result(Content... content) {
        return CallToolResult.builder().content(List.of(content)).isError(false).build();
    }

    private static Map<String, Object> noArguments() {
        return Map.of("type", "object", "properties", Map.of());
    }

    private static Map<String, Object> stringArgument(String name) {
        return Map.of("type", "object", "properties", Map.of(name, Map.of("type", "string")), "required", List.of(name));
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
