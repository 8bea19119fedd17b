package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.session.CancellableCalls;
import dev.ciscosupport.mcp.session.ToolViews;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.McpAsyncNotifier;
import io.modelcontextprotocol.modern.server.McpAsyncResponse;
import io.modelcontextprotocol.modern.server.feature.McpAsyncTool;
import io.modelcontextprotocol.modern.server.feature.McpAsyncToolRepository;
import io.modelcontextprotocol.modern.server.feature.ToolsPage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The tools for the 2026-07-28 (stateless) server: the same definitions, answered by the same work as for 2025-11-25.
 * A request carries everything a call needs (no session), so each call's context is made from the request alone.
 * The two revisions' SDK types differ but their JSON is the same, so definitions and results cross over as JSON. A tool
 * of an API withdrawn now is neither listed nor found (the SDK then says it is unknown). A tool that asks the client's
 * model or user ends its call with an input-required result and is called again with the answer ({@link InputRounds});
 * the dynamic toolsets, which keep state in a session, are not offered. Calls run on a pool of their own, so that a
 * closed response stream (this revision's cancel over HTTP) can stop their Cisco calls.
 */
public final class ModernTools implements McpAsyncToolRepository {
    /**
     * How long a client may keep any list of this server's (tools, prompts, resources, templates): they change only with
     * an entitlement, which is announced on subscription streams.
     */
    public static final long LIST_TTL_MS = 300_000;
    /**
     * The threads calls run on: as many at once as Jetty's pool runs 2025-11-25 calls (Reactor's shared pool would
     * allow 10 per core and queue the rest).
     */
    private static final Scheduler WORKERS = Schedulers.newBoundedElastic(200, 10_000, "stateless-tool-call", 60, true);
    private final Map<String, ToolDefinition> byName = new LinkedHashMap<>();
    private final Map<String, McpSchema.Tool> listed = new LinkedHashMap<>();
    private final Predicate<String> offered;
    private final ToolViews views;
    private final McpJsonMapper mapper;

    /**
     * @param offered whether a tool is offered now (false for the tools of an API the Cisco app is not entitled to)
     * @param views   which tools a request's X-MCP-Toolsets header lists
     */
    public ModernTools(List<ToolDefinition> tools, Predicate<String> offered, ToolViews views, McpJsonMapper mapper) {
        this.offered = offered;
        this.views = views;
        this.mapper = mapper;
        for (ToolDefinition tool : tools) {
            if (tool.needs() != ToolDefinition.Needs.SESSION) {
                byName.put(tool.name(), tool);
                listed.put(tool.name(), mapper.convertValue(tool.tool(), McpSchema.Tool.class));
            }
        }
    }

    @Override
    public Mono<ToolsPage> list(McpRequestContext request, String cursor) {
        McpTransportContext transport = request.transportContext();
        // Private: the list depends on the request's X-MCP-Toolsets header, which a shared cache would not key on.
        return Mono.just(new ToolsPage(listed.values().stream().filter(t -> offered.test(t.name())
                && views.listsByHeader(transport, t.name())).toList(), null, LIST_TTL_MS, McpSchema.CacheScope.PRIVATE));
    }

    @Override
    public Mono<McpAsyncTool> find(McpRequestContext request, String name) {
        ToolDefinition tool = byName.get(name);
        return tool == null || !offered.test(name) ? Mono.empty() : Mono.just(McpAsyncTool.of(listed.get(name),
                (context, call) -> Mono.just(McpAsyncResponse.streaming(notifier -> answer(tool, context, call, notifier)))));
    }

    /**
     * One call, on a worker thread. Its Cisco calls stop when the response is cancelled: over HTTP the client closed
     * the stream (that is the cancel on this revision; the SDK tells the response, never a handler that blocks).
     */
    private Mono<McpSchema.CallToolOutcome> answer(ToolDefinition tool, McpRequestContext request,
            McpSchema.CallToolRequest call, McpAsyncNotifier notifier) {
        CallContext context = tool.context().newCall(ToolDefinition.caller(request.transportContext(), null),
                new CallContext.Listener() {
                    private int reported;

                    /**
                     * Answers of parallel Cisco calls can report out of order, and the SDK drops a progress value that
                     * does not rise: each answer gets the next number.
                     */
                    @Override
                    public synchronized void progress(int answers, String message) {
                        if (request.progressToken() != null) {
                            notifier.progress(++reported, null, message).block();
                        }
                    }

                    /** A workflow's own steps rise by themselves, one notification each. */
                    @Override
                    public synchronized void progress(int done, int total, String message) {
                        if (request.progressToken() != null && done > reported) {
                            reported = done;
                            notifier.progress(done, (double) total, message).block();
                        }
                    }

                    @Override
                    public void notice(String message) {
                        // No log messages on 2026-07-28: the SDK has no logging for it (README, protocol revisions).
                    }
                });
        return Mono.fromCallable(() -> run(tool, request, call, context)).subscribeOn(WORKERS).doOnCancel(context::cancel);
    }

    /**
     * The answer in this revision's shape, its structured content still the one the tool made, so that the SDK skips
     * checking it against the tool's own output schema here as on 2025-11-25 ({@link OwnStructuredContent}).
     */
    private McpSchema.CallToolResult modern(io.modelcontextprotocol.spec.McpSchema.CallToolResult answer) {
        McpSchema.CallToolResult converted = mapper.convertValue(answer, McpSchema.CallToolResult.class);
        return answer.structuredContent() instanceof OwnStructuredContent own ? new McpSchema.CallToolResult(
                converted.content(), own, converted.isError(), converted.resultType(), converted.meta()) : converted;
    }

    private McpSchema.CallToolOutcome run(ToolDefinition tool, McpRequestContext request, McpSchema.CallToolRequest call,
            CallContext context) {
        // Over stdio a notifications/cancelled names the request: the guard stops its Cisco calls through the same
        // registry as on 2025-11-25 (the SDK interrupts the handler too).
        McpTransportContext transport = request.transportContext();
        String session = transport != null && transport.get("ip") != null ? null : CancellableCalls.STDIO;
        String requestId = request.requestId() == null ? null : String.valueOf(request.requestId());
        ClientRequests client = tool.needs() == ToolDefinition.Needs.ANSWERS ? new InputRounds(request, call, mapper) : null;
        try {
            return ModernErrors.translated(() -> modern(tool.context().calls().run(session, requestId, context,
                    () -> tool.answer(call.arguments() == null ? Map.of() : call.arguments(), context, null, transport,
                            client))));
        } catch (InputRounds.InputNeeded question) {
            return question.result();
        }
    }
}
