package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.config.ProtocolRevisions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A request naming an {@code MCP-Protocol-Version} the server does not speak is answered 400 with the versions it
 * does (the Streamable HTTP rule the SDK's session transport does not enforce). A request without the header is served
 * (the specification has servers assume 2025-03-26 then). One that carries the stateless revision's per-request
 * {@code _meta} is left to that revision's server, which answers an unknown version with {@code -32022} and its own
 * list, as that revision requires.
 */
final class ProtocolVersionFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private final transient ProtocolRevisions revisions;
    /** The versions this server speaks, worked out once: every request with the header is checked against them. */
    private final List<String> spoken;

    ProtocolVersionFilter(ProtocolRevisions revisions) {
        this.revisions = revisions;
        this.spoken = spoken(revisions);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String version = request.getHeader("MCP-Protocol-Version");
        if (version != null && !spoken.contains(version.strip()) && !carriesStatelessMeta(request)) {
            Answers.jsonRpcError(request, response, 400, -32600, "Unsupported MCP-Protocol-Version; this server speaks "
                    + String.join(", ", spoken) + ".");
            return;
        }
        chain.doFilter(request, response);
    }

    private static List<String> spoken(ProtocolRevisions revisions) {
        List<String> versions = new ArrayList<>();
        if (revisions.legacy()) {
            versions.addAll(ProtocolRevisions.LEGACY.stream().sorted().toList());
        }
        if (revisions.modern()) {
            versions.add(ProtocolRevisions.STATELESS);
        }
        return List.copyOf(versions);
    }

    private boolean carriesStatelessMeta(HttpServletRequest request) {
        return revisions.modern() && request.getAttribute(JsonRpcBodyFilter.MESSAGE) instanceof JsonNode message
                && message.path("params").path("_meta").has("io.modelcontextprotocol/protocolVersion");
    }
}
