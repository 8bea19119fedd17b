package dev.ciscosupport.mcp.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ciscosupport.mcp.config.Toolset;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which of the offered tools each client sees in {@code tools/list}. Over HTTP a request may narrow it with
 * {@code X-MCP-Toolsets}; with dynamic toolsets ({@code MCP_DYNAMIC_TOOLSETS}) every session starts with a few
 * toolsets and its model enables more with {@code enable_toolset}, as github-mcp-server's dynamic discovery does.
 * What is offered stays the same for everyone (a hidden tool can still be called): this only decides what each
 * client pays for on every turn.
 */
public final class ToolViews {
    /** The transport context's keys: the X-MCP-Toolsets header, and the MCP session a request belongs to. */
    public static final String TOOLSETS = "toolsets";
    public static final String TOOLSETS_HEADER = "X-MCP-Toolsets";
    public static final String SESSION = "mcpSession";
    /**
     * The transport context's key for the Cisco APIs an OAuth caller's scopes allow (a {@code Set<SupportApi>}); absent
     * when scopes do not restrict the caller (shared tokens, stdio, or one scope for all).
     */
    public static final String GRANTED_APIS = "grantedApis";
    /** The one client of a stdio server (its requests carry no session). */
    static final String STDIO = "stdio";

    private final Map<String, Toolset> toolsetOf;
    private final Set<Toolset> initial;
    /** Per session, what it has enabled; a session idle this long is forgotten (MCP sessions end without notice). */
    private final Cache<String, Set<Toolset>> enabled = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(24))
            .maximumSize(10_000).build();
    private volatile McpSyncServer server;

    private ToolViews(Map<String, Toolset> toolsetOf, Set<Toolset> initial) {
        this.toolsetOf = Map.copyOf(toolsetOf);
        this.initial = initial == null ? null : EnumSet.copyOf(initial);
    }

    /** Every offered tool to everyone (unless a request narrows it with the header). */
    public static ToolViews fixed(Map<String, Toolset> toolsetOf) {
        return new ToolViews(toolsetOf, null);
    }

    /** Each session starts with {@code initial} and enables more itself. */
    public static ToolViews dynamic(Map<String, Toolset> toolsetOf, Set<Toolset> initial) {
        return new ToolViews(toolsetOf, initial);
    }

    public boolean isDynamic() {
        return initial != null;
    }

    /** Told when a session's list changes, so its client can list again. */
    public void attach(McpSyncServer server) {
        this.server = server;
    }

    /** Whether {@code toolName} is listed to the request of {@code context}; tools outside every toolset always are. */
    public boolean lists(McpTransportContext context, String toolName) {
        Toolset toolset = toolsetOf.get(toolName);
        return toolset == null || listsByHeader(context, toolName)
                && (initial == null || Toolset.lists(enabled(session(context)), toolset, toolName));
    }

    /** Whether the caller's scopes allow the tools of {@code toolset}: a tool the caller may not call is not listed. */
    private static boolean granted(McpTransportContext context, Toolset toolset) {
        Object granted = context == null ? null : context.get(GRANTED_APIS);
        return !(granted instanceof Set<?> apis) || toolset.api() == null || apis.contains(toolset.api());
    }

    /**
     * Whether the caller's scopes allow {@code toolName} and the request's X-MCP-Toolsets header (if any) lists it: all a
     * stateless (2026-07-28) request has to go by, since toolsets enabled during a session need the session.
     */
    public boolean listsByHeader(McpTransportContext context, String toolName) {
        Toolset toolset = toolsetOf.get(toolName);
        Object header = context == null ? null : context.get(TOOLSETS);
        return toolset == null || granted(context, toolset) && (header == null
                || Toolset.lists(Toolset.parse(header.toString(), TOOLSETS_HEADER), toolset, toolName));
    }

    /** The toolsets a session sees now. */
    public Set<Toolset> enabled(String session) {
        return initial == null ? EnumSet.allOf(Toolset.class) : enabled.get(session, s -> EnumSet.copyOf(initial));
    }

    /** Adds a toolset to a session's list and tells the client the list changed; false if it was there already. */
    public boolean enable(String session, Toolset toolset) {
        Set<Toolset> now = EnumSet.copyOf(enabled(session));
        if (!now.add(toolset)) {
            return false;
        }
        enabled.put(session, now);
        McpSyncServer notified = server;
        if (notified != null) {
            notified.notifyToolsListChanged();
        }
        return true;
    }

    /** The offered tools of each toolset. */
    public Map<String, Toolset> toolsets() {
        return toolsetOf;
    }

    public static String session(McpTransportContext context) {
        Object session = context == null ? null : context.get(SESSION);
        return session == null ? STDIO : session.toString();
    }
}
