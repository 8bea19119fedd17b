package dev.ciscosupport.mcp.config;

import java.util.Set;

/**
 * Which MCP protocol revisions the server speaks ({@code MCP_PROTOCOL_REVISIONS}): the session-based one (2025-11-25,
 * and the older revisions a 2025-11-25 server also accepts) and the stateless one (2026-07-28), or both. With both, a
 * client gets the revision it opens with: over HTTP by the {@code MCP-Protocol-Version} header of each request, over
 * stdio by the first message.
 */
public record ProtocolRevisions(boolean legacy, boolean modern) {
    public static final String STATELESS = "2026-07-28";
    /** The revisions an {@code initialize} handshake may name: the SDK's legacy server accepts each of them. */
    public static final Set<String> LEGACY = Set.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");

    public static final ProtocolRevisions LEGACY_ONLY = new ProtocolRevisions(true, false);
    public static final ProtocolRevisions BOTH = new ProtocolRevisions(true, true);

    public ProtocolRevisions {
        if (!legacy && !modern) {
            throw new IllegalArgumentException("at least one protocol revision");
        }
    }

    /** As the setting names them: 2025-11-25, 2026-07-28 or both. */
    static ProtocolRevisions parse(String value) {
        return switch (value) {
            case "both" -> BOTH;
            case STATELESS -> new ProtocolRevisions(false, true);
            default -> LEGACY_ONLY;
        };
    }

    /**
     * Whether an HTTP request goes to the stateless server: one that names a revision in its {@code MCP-Protocol-Version}
     * header other than a session-based one (an unknown version too, so that it is told which versions there are).
     */
    public boolean statelessOver(String protocolVersionHeader) {
        if (!modern) {
            return false;
        }
        return !legacy || protocolVersionHeader != null && !LEGACY.contains(protocolVersionHeader.strip());
    }
}
