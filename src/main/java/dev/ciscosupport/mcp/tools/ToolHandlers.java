package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.metrics.Meters;
import dev.ciscosupport.mcp.security.SecurityLog;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a tool body into an SDK tool specification with the two error tiers of ARCHITECTURE.md: what
 * the model can act on (bad input, not entitled, rate limited, Cisco down) is an {@code isError}
 * result with a plain sentence; anything unexpected is a JSON-RPC error that names only a reference
 * the operator can find in the log.
 */
final class ToolHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ToolHandlers.class);

    private ToolHandlers() {
    }

    /** Over HTTP the transport context carries the caller's address and user agent; over stdio there are none. */
    private static SecurityLog.Client client(McpTransportContext transport, String tool) {
        Object ip = transport == null ? null : transport.get("ip");
        Object userAgent = transport == null ? null : transport.get("userAgent");
        return new SecurityLog.Client(ip == null ? "" : ip.toString(), userAgent == null ? "" : userAgent.toString(),
                "tools/call " + tool);
    }

    /**
     * A read-only tool, as every tool but Smart Bonding's is: it only reads Cisco data and reaches out to Cisco (an open
     * world). Only those two hints are sent: the others mean something only for tools that change things
     * ({@link #changing}), and the title is the tool's own (every hint is paid for on every turn).
     */
    static ToolDefinition readOnly(String name, String title, String description, Map<String, Object> input,
            Map<String, Object> output, ToolContext context, Function<ToolArguments, ToolOutput> body) {
        return new ToolDefinition(tool(name, title, description, input, output), ToolDefinition.Needs.NOTHING, context,
                client -> body);
    }

    private static McpSchema.Tool tool(String name, String title, String description, Map<String, Object> input,
            Map<String, Object> output) {
        return tool(name, title, description, input, output, new McpSchema.ToolAnnotations(null, true, null, null, true, null));
    }

    private static McpSchema.Tool tool(String name, String title, String description, Map<String, Object> input,
            Map<String, Object> output, McpSchema.ToolAnnotations hints) {
        return McpSchema.Tool.builder(name, Schemas.forModel(input)).title(title).description(description)
                .outputSchema(Schemas.forClients(output)).annotations(hints).build();
    }

    /**
     * A tool that changes something at Cisco (a Smart Bonding ticket): not read-only, and saying whether it destroys or
     * overwrites ({@code destructive}) and whether sending it twice is the same as once ({@code idempotent}), so a client
     * can ask its user before it runs. Its body talks to the client: it asks the user to confirm.
     */
    static ToolDefinition changing(String name, String title, String description, Map<String, Object> input,
            Map<String, Object> output, ToolContext context, boolean destructive, boolean idempotent,
            Function<ClientRequests, Function<ToolArguments, ToolOutput>> body) {
        return new ToolDefinition(tool(name, title, description, input, output,
                new McpSchema.ToolAnnotations(null, false, destructive, idempotent, true, null)),
                ToolDefinition.Needs.ANSWERS, context, body);
    }

    /** A read-only tool whose body also talks to the client (sampling: asking the client's model). */
    static ToolDefinition readOnlyWithClient(String name, String title, String description, Map<String, Object> input,
            Map<String, Object> output, ToolContext context, ToolDefinition.Needs needs,
            Function<ClientRequests, Function<ToolArguments, ToolOutput>> body) {
        return new ToolDefinition(tool(name, title, description, input, output), needs, context, body);
    }

    static CallToolResult call(String name, ToolContext context, Function<ToolArguments, ToolOutput> body,
            Map<String, Object> arguments, McpTransportContext transport, String sessionId, CallContext call) {
        DataSource source = context.source();
        context.notices().unheard(sessionId == null ? "stdio" : sessionId).forEach(call::notice);
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            try {
                CallToolResult result = result(source, body, arguments, sessionId, call, context);
                outcome = "ok";
                return result;
            } finally {
                context.spend().spent(call.caller(), call.requests());
            }
        } catch (CiscoException e) {
            outcome = "error";
            LOG.info("{}: {}", name, e.getMessage());
            if (!(e instanceof CiscoException.InvalidInput || e instanceof CiscoException.Rejected
                    || e instanceof CiscoException.Cancelled || e instanceof CiscoException.OverBudget)) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("reason", e.getClass().getSimpleName());
                fields.put("tool", name);
                fields.put("detail", e.getMessage());
                fields.put("tokenLabel", transport == null ? null : transport.get("principal"));
                fields.put("sessionId", sessionId);
                context.log().warn("Cisco API error", client(transport, name), fields);
            }
            return CallToolResult.builder().addTextContent(e.getMessage()).isError(true).build();
        } catch (InputRounds.InputNeeded e) {
            outcome = "input_required";
            throw e; // not a failure: the 2026-07-28 call ends with a question to the client
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("{} failed unexpectedly (reference {})", name, reference, e);
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
                    .message("The server failed unexpectedly while running " + name + " (reference " + reference
                            + " in the server log).")
                    .build();
        } finally {
            Meters.toolCall(name, outcome, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The tool's output as the client gets it: its source, and a note when some answers came from the cache. */
    private static CallToolResult result(DataSource source, Function<ToolArguments, ToolOutput> body,
            Map<String, Object> arguments, String sessionId, CallContext call, ToolContext context) {
        ToolOutput output = body.apply(new ToolArguments(arguments, call));
        Map<String, Object> structured = new OwnStructuredContent();
        structured.put("source", source.label());
        structured.putAll(output.structured());
        StringBuilder text = new StringBuilder(output.text());
        if (call.cacheHits() > 0) {
            structured.put("cache", Map.of("reused_answers", call.cacheHits(), "oldest_age_seconds", call.oldestHitSeconds()));
            text.append('\n').append(CacheNote.of(call.cacheHits(), call.answers(), call.oldestHitSeconds()));
        }
        // Completions offer these IDs back: per session on 2025-11-25, per caller on the stateless revision.
        context.seen().record(sessionId != null ? sessionId : call.caller(), structured);
        if (source == DataSource.SANDBOX) {
            text.append('\n').append(DataSource.SANDBOX_NOTE);
        }
        CallToolResult.Builder result = CallToolResult.builder().addTextContent(text.toString());
        output.more().forEach(result::addContent);
        return result.structuredContent(structured).isError(false).build();
    }
}
