package dev.ciscosupport.mcp.conformance;

import dev.ciscosupport.mcp.server.ServerFeatures;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.McpAsyncResponse;
import io.modelcontextprotocol.modern.server.McpSyncResponse;
import io.modelcontextprotocol.modern.server.feature.McpChangeBroadcaster;
import io.modelcontextprotocol.modern.server.feature.McpSyncPrompt;
import io.modelcontextprotocol.modern.server.feature.McpSyncPromptRepository;
import io.modelcontextprotocol.modern.server.feature.McpSyncResource;
import io.modelcontextprotocol.modern.server.feature.McpSyncResourceRepository;
import io.modelcontextprotocol.modern.server.feature.McpSyncResourceTemplate;
import io.modelcontextprotocol.modern.server.feature.McpAsyncTool;
import io.modelcontextprotocol.modern.server.feature.McpAsyncToolRepository;
import io.modelcontextprotocol.modern.server.feature.PromptsPage;
import io.modelcontextprotocol.modern.server.feature.ResourceTemplatesPage;
import io.modelcontextprotocol.modern.server.feature.ResourcesPage;
import io.modelcontextprotocol.modern.server.feature.ServerChange;
import io.modelcontextprotocol.modern.server.feature.ToolsPage;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The conformance suite's fixtures for the 2026-07-28 server. Those whose answer needs nothing of the client (text,
 * images, prompts, resources, the template) are the 2025-11-25 fixtures themselves, crossed over as JSON; those that
 * talk to the client or to subscribers are written for this revision: input-required results instead of requests to
 * the client, progress through the response stream, list changes on the subscription streams, a tool that needs a
 * capability the client did not declare.
 */
// The suite exercises sampling and roots, which 2026-07-28 deprecates (SEP-2577) but keeps; the 2025-11-25 requests
// built here to reuse those fixtures' handlers are deprecated in favour of builders the SDK adds for that revision.
@SuppressWarnings("deprecation")
final class StatelessFixtures {
    private static final McpJsonMapper MAPPER = McpJsonDefaults.getMapper();
    /** The 2025-11-25 fixtures whose answers do not use the client (they are called without one). */
    private static final List<String> PLAIN_TOOLS = List.of("test_simple_text", "test_image_content", "test_audio_content",
            "test_embedded_resource", "test_multiple_content_types", "json_schema_2020_12_tool", "test_error_handling");

    private final Map<String, McpAsyncTool> tools = new LinkedHashMap<>();
    private final Map<String, McpSyncPrompt> prompts = new LinkedHashMap<>();
    private final Map<String, McpSyncResource> resources = new LinkedHashMap<>();
    private final List<McpSchema.Resource> listedResources = new ArrayList<>();
    private final McpSyncResourceTemplate template;
    private final SyncResourceTemplateSpecification legacyTemplate;
    private final AtomicReference<McpChangeBroadcaster> changes = new AtomicReference<>();

    StatelessFixtures(List<SyncToolSpecification> legacyTools, List<SyncPromptSpecification> legacyPrompts,
            List<SyncResourceSpecification> legacyResources, SyncResourceTemplateSpecification legacyTemplate,
            SyncCompletionSpecification legacyCompletion) {
        for (SyncToolSpecification tool : legacyTools) {
            if (PLAIN_TOOLS.contains(tool.tool().name())) {
                add(convert(tool.tool(), McpSchema.Tool.class), (context, call) -> Reply.result(
                        convert(tool.callHandler().apply(null, io.modelcontextprotocol.spec.McpSchema.CallToolRequest
                                .builder(call.name()).arguments(call.arguments() == null ? Map.of() : call.arguments())
                                .build()), McpSchema.CallToolResult.class)));
            }
        }
        addClientTools();
        for (SyncPromptSpecification prompt : legacyPrompts) {
            McpSyncPrompt modern = McpSyncPrompt.of(convert(prompt.prompt(), McpSchema.Prompt.class), (context, get) ->
                    McpSyncResponse.result(convert(prompt.promptHandler().apply(null,
                            new io.modelcontextprotocol.spec.McpSchema.GetPromptRequest(get.name(),
                                    get.arguments() == null ? Map.of() : new LinkedHashMap<>(get.arguments()))),
                            McpSchema.GetPromptResult.class)));
            if (prompt.prompt().name().equals(legacyCompletion.referenceKey().identifier())) {
                modern = modern.withCompletionHandler((context, request) -> convert(legacyCompletion.completionHandler()
                        .apply(null, convert(request, io.modelcontextprotocol.spec.McpSchema.CompleteRequest.class)),
                        McpSchema.CompleteResult.class));
            }
            prompts.put(prompt.prompt().name(), modern);
        }
        prompts.put("test_input_required_result_prompt", McpSyncPrompt.of(convert(Map.of("name",
                "test_input_required_result_prompt", "description", "Conformance fixture: asks for context first."),
                McpSchema.Prompt.class), (context, get) -> {
                    Map<String, Object> answer = accepted(get.inputResponses(), "user_context");
                    if (answer == null) {
                        return McpSyncResponse.result(McpSchema.InputRequiredResult.builder().elicit("user_context",
                                form("What context should the prompt use?", "context", "string")).build());
                    }
                    return McpSyncResponse.result(convert(Map.of("messages", List.of(Map.of("role", "user", "content",
                            Map.of("type", "text", "text", "Context: " + answer.get("context"))))),
                            McpSchema.GetPromptResult.class));
                }));
        for (SyncResourceSpecification resource : legacyResources) {
            listedResources.add(convert(resource.resource(), McpSchema.Resource.class));
            resources.put(resource.resource().uri(), McpSyncResource.of((context, read) -> McpSyncResponse.result(convert(
                    resource.readHandler().apply(null, new io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest(
                            read.uri())), McpSchema.ReadResourceResult.class))));
        }
        this.legacyTemplate = legacyTemplate;
        this.template = McpSyncResourceTemplate.of(convert(legacyTemplate.resourceTemplate(), McpSchema.ResourceTemplate.class));
    }

    ServerFeatures.ModernOnly features() {
        return new ServerFeatures.ModernOnly(new Tools(), new Prompts(), new Resources(), changes::set);
    }

    /** A fixture's answer: at once, or on a response stream (with progress). */
    private interface Reply {
        McpAsyncResponse<McpSchema.CallToolOutcome> async();

        static Reply result(McpSchema.CallToolOutcome outcome) {
            return () -> McpAsyncResponse.result(outcome);
        }

        static Reply streaming(java.util.function.Function<Progress, McpSchema.CallToolOutcome> body) {
            return () -> McpAsyncResponse.streaming(notifier -> Mono.fromCallable(() -> body.apply(
                    (progress, total, message) -> notifier.progress(progress, total, message).block())));
        }
    }

    private interface Progress {
        void progress(double progress, Double total, String message);
    }

    private interface Body {
        Reply call(McpRequestContext context, McpSchema.CallToolRequest call);
    }

    private void add(McpSchema.Tool definition, Body body) {
        add(definition, null, body);
    }

    private void add(McpSchema.Tool definition, McpSchema.ClientCapabilities required, Body body) {
        McpAsyncTool.Handler handler = (context, call) -> Mono.fromCallable(() -> body.call(context, call).async())
                .subscribeOn(Schedulers.boundedElastic());
        tools.put(definition.name(), required == null ? McpAsyncTool.of(definition, handler)
                : McpAsyncTool.of(definition, required, handler));
    }

    private void addClientTools() {
        add(tool("test_tool_with_progress"), (context, call) -> Reply.streaming(notifier -> {
            for (int progress : new int[] {0, 50, 100}) {
                notifier.progress(progress, 100.0, null);
                pause();
            }
            return text("Tool with progress executed successfully");
        }));
        // This revision sends log messages only to a request that set a level; the fixture never logs.
        add(tool("test_logging_tool"), (context, call) -> Reply.streaming(notifier -> {
            pause();
            return text("Tool with logging executed successfully");
        }));
        add(tool("test_missing_capability"), McpSchema.ClientCapabilities.builder().sampling().build(),
                (context, call) -> Reply.result(text("The client declared sampling.")));
        add(tool("test_streaming_elicitation"), (context, call) -> Reply.streaming(notifier -> {
            Map<String, Object> answer = accepted(call.inputResponses(), "confirmation");
            return answer != null ? text("Confirmed: " + answer) : inputRequired(context, "confirmation",
                    form("Please confirm", "ok", "boolean"), null);
        }));
        add(tool("test_trigger_tool_change"), (context, call) -> {
            announce(new ServerChange.ToolsListChanged());
            return Reply.result(text("The tool list changed."));
        });
        add(tool("test_trigger_prompt_change"), (context, call) -> {
            announce(new ServerChange.PromptsListChanged());
            return Reply.result(text("The prompt list changed."));
        });
        add(tool("test_input_required_result_elicitation"), (context, call) -> {
            Map<String, Object> answer = accepted(call.inputResponses(), "user_name");
            return Reply.result(answer != null ? text("Hello, " + answer.get("name") + "!")
                    : inputRequired(context, "user_name", form("What is your name?", "name", "string"), null));
        });
        add(tool("test_input_required_result_sampling"), (context, call) -> {
            Object answer = call.inputResponses() == null ? null : call.inputResponses().get("capital_question");
            return Reply.result(answer != null ? text("Sampling result: " + sampled(answer))
                    : inputRequired(context, "capital_question", sampling("What is the capital of France?", 100), null));
        });
        add(tool("test_input_required_result_list_roots"), (context, call) -> {
            Object answer = call.inputResponses() == null ? null : call.inputResponses().get("client_roots");
            return Reply.result(answer != null ? text("Roots: " + answer)
                    : McpSchema.InputRequiredResult.builder().listRoots("client_roots").build());
        });
        add(tool("test_input_required_result_request_state"), (context, call) -> {
            boolean stateOk = "confirm-pending".equals(call.requestState());
            if (accepted(call.inputResponses(), "confirm") != null && stateOk) {
                return Reply.result(text("state-ok: confirmed"));
            }
            return Reply.result(inputRequired(context, "confirm", form("Please confirm", "ok", "boolean"),
                    "confirm-pending"));
        });
        add(tool("test_input_required_result_tampered_state"), (context, call) -> {
            // A tampered state never reaches here: the SDK's signed codec refuses it first (-32602).
            if (accepted(call.inputResponses(), "confirm") != null && "untampered".equals(call.requestState())) {
                return Reply.result(text("state verified"));
            }
            return Reply.result(inputRequired(context, "confirm", form("Please confirm", "ok", "boolean"),
                    "untampered"));
        });
        add(tool("test_input_required_result_multiple_inputs"), (context, call) -> {
            Map<String, Object> responses = call.inputResponses() == null ? Map.of() : call.inputResponses();
            if (responses.keySet().containsAll(List.of("user_name", "greeting", "client_roots"))
                    && "all-three".equals(call.requestState())) {
                return Reply.result(text("Got all three: " + responses.keySet()));
            }
            return Reply.result(McpSchema.InputRequiredResult.builder()
                    .elicit("user_name", form("What is your name?", "name", "string"))
                    .createMessage("greeting", sampling("Generate a greeting", 50))
                    .listRoots("client_roots").requestState("all-three").build());
        });
        add(tool("test_input_required_result_multi_round"), (context, call) -> {
            String state = call.requestState();
            if ("round-2".equals(state) && accepted(call.inputResponses(), "step2") != null) {
                return Reply.result(text("Done: " + accepted(call.inputResponses(), "step2").get("color")));
            }
            if ("round-1".equals(state) && accepted(call.inputResponses(), "step1") != null) {
                return Reply.result(inputRequired(context, "step2",
                        form("Step 2: What is your favorite color?", "color", "string"), "round-2"));
            }
            return Reply.result(inputRequired(context, "step1", form("Step 1: What is your name?", "name", "string"),
                    "round-1"));
        });
        add(tool("test_input_required_result_capabilities"), (context, call) -> {
            McpSchema.ClientCapabilities declared = context.clientCapabilities();
            McpSchema.InputRequiredResult.Builder ask = McpSchema.InputRequiredResult.builder();
            boolean any = false;
            if (declared != null && declared.supportsSampling()) {
                ask.createMessage("question", sampling("What is the capital of France?", 100));
                any = true;
            }
            if (declared != null && declared.supportsElicitationForm()) {
                ask.elicit("user_name", form("What is your name?", "name", "string"));
                any = true;
            }
            boolean answered = call.inputResponses() != null && !call.inputResponses().isEmpty();
            return Reply.result(any && !answered ? ask.build() : text("Nothing to ask this client."));
        });
    }

    /** Asks with {@code request} when the client can answer forms; else says so. */
    private static McpSchema.CallToolOutcome inputRequired(McpRequestContext context, String key,
            McpSchema.ElicitFormRequest request, String state) {
        if (context.clientCapabilities() == null || !context.clientCapabilities().supportsElicitationForm()) {
            return text("This client cannot answer questions (no elicitation capability).");
        }
        McpSchema.InputRequiredResult.Builder ask = McpSchema.InputRequiredResult.builder().elicit(key, request);
        return (state == null ? ask : ask.requestState(state)).build();
    }

    private static McpSchema.CallToolOutcome inputRequired(McpRequestContext context, String key,
            McpSchema.CreateMessageRequest request, String state) {
        McpSchema.InputRequiredResult.Builder ask = McpSchema.InputRequiredResult.builder().createMessage(key, request);
        return (state == null ? ask : ask.requestState(state)).build();
    }

    /** The content of an accepted form answer under {@code key}, or null. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> accepted(Map<String, Object> responses, String key) {
        if (responses != null && responses.get(key) instanceof Map<?, ?> answer && "accept".equals(answer.get("action"))
                && answer.get("content") instanceof Map<?, ?> content) {
            return (Map<String, Object>) content;
        }
        return null;
    }

    private static Object sampled(Object answer) {
        return answer instanceof Map<?, ?> message && message.get("content") instanceof Map<?, ?> content
                ? content.get("text") : answer;
    }

    private void announce(ServerChange change) {
        McpChangeBroadcaster broadcaster = changes.get();
        if (broadcaster != null) {
            broadcaster.broadcast(change);
        }
    }

    private static McpSchema.ElicitFormRequest form(String message, String property, String type) {
        return convert(Map.of("message", message, "requestedSchema", Map.of("type", "object", "properties",
                Map.of(property, Map.of("type", type)), "required", List.of(property))), McpSchema.ElicitFormRequest.class);
    }

    private static McpSchema.CreateMessageRequest sampling(String question, int maxTokens) {
        return convert(Map.of("messages", List.of(Map.of("role", "user", "content", Map.of("type", "text", "text", question))),
                "maxTokens", maxTokens), McpSchema.CreateMessageRequest.class);
    }

    private static McpSchema.Tool tool(String name) {
        return convert(Map.of("name", name, "description", "Conformance fixture " + name + ".", "inputSchema",
                Map.of("type", "object", "properties", Map.of())), McpSchema.Tool.class);
    }

    private static McpSchema.CallToolResult text(String text) {
        return convert(Map.of("content", List.of(Map.of("type", "text", "text", text)), "isError", false),
                McpSchema.CallToolResult.class);
    }

    private static <T> T convert(Object value, Class<T> type) {
        return MAPPER.convertValue(value, type);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Tools implements McpAsyncToolRepository {
        @Override
        public Mono<ToolsPage> list(McpRequestContext request, String cursor) {
            return Mono.just(new ToolsPage(tools.values().stream().map(McpAsyncTool::definition).toList(), null, 0L,
                    McpSchema.CacheScope.PUBLIC));
        }

        @Override
        public Mono<McpAsyncTool> find(McpRequestContext request, String name) {
            return Mono.justOrEmpty(tools.get(name));
        }
    }

    private final class Prompts implements McpSyncPromptRepository {
        @Override
        public PromptsPage list(McpRequestContext request, String cursor) {
            return new PromptsPage(prompts.values().stream().map(McpSyncPrompt::definition).toList(), null, 0L,
                    McpSchema.CacheScope.PUBLIC);
        }

        @Override
        public McpSyncPrompt find(McpRequestContext request, String name) {
            return prompts.get(name);
        }

        @Override
        public boolean supportsCompletion() {
            return true;
        }
    }

    private final class Resources implements McpSyncResourceRepository {
        private final String prefix = "test://template/";

        @Override
        public ResourcesPage list(McpRequestContext request, String cursor) {
            return new ResourcesPage(listedResources, null, 0L, McpSchema.CacheScope.PUBLIC);
        }

        @Override
        public ResourceTemplatesPage listTemplates(McpRequestContext request, String cursor) {
            return new ResourceTemplatesPage(List.of(template.definition()), null, 0L, McpSchema.CacheScope.PUBLIC);
        }

        @Override
        public McpSyncResource find(McpRequestContext request, String uri) {
            McpSyncResource fixed = resources.get(uri);
            if (fixed != null || !uri.startsWith(prefix)) {
                return fixed;
            }
            return McpSyncResource.of((context, read) -> McpSyncResponse.result(convert(legacyTemplate.readHandler().apply(
                    null, new io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest(read.uri())),
                    McpSchema.ReadResourceResult.class)));
        }

        @Override
        public McpSyncResourceTemplate findTemplate(McpRequestContext request, String uriTemplate) {
            return template.definition().uriTemplate().equals(uriTemplate) ? template : null;
        }
    }
}
