package dev.ciscosupport.mcp.config;

import java.util.Set;

/**
 * Which MCP protocol revisions the server speaks ({@code MCP_PROTOCOL_REVISIONS}): the session-based one (2025-11-25,
 * and the older revisions a 2025-11-25 server also accepts) and the stateless one (2026-07-28), or both. With both, a
 * client gets the revision it opens with: over HTTP by the {@code MCP-Protocol-Version} header of each request, over
 * stdio by the first message.
 *
 * @param requestStateKey {@code MCP_REQUEST_STATE_KEY}: what signs the state a 2026-07-28 client carries between the
 *                        rounds of a call (shared by replicas), or null for a random key per process
 */
public record ProtocolRevisions(boolean legacy, boolean modern, String requestStateKey) {
    /** The shortest key accepted: 256 bits of text at the least. */
    static final int MIN_KEY_LENGTH = 32;
    public static final String STATELESS = "2026-07-28";
    /** The revisions an {@code initialize} handshake may name: the SDK's legacy server accepts each of them. */
    public static final Set<String> LEGACY = Set.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");

    public static final ProtocolRevisions LEGACY_ONLY = new ProtocolRevisions(true, false, null);
    public static final ProtocolRevisions BOTH = new ProtocolRevisions(true, true, null);

    public ProtocolRevisions {
        if (!legacy && !modern) {
            throw new IllegalArgumentException("at least one protocol revision");
        }
        if (requestStateKey != null && requestStateKey.length() < MIN_KEY_LENGTH) {
            throw new SettingsException("MCP_REQUEST_STATE_KEY must be at least " + MIN_KEY_LENGTH + " characters (it has "
                    + requestStateKey.length() + "); generate one with --generate-token.");
        }
    }

    /** As the settings name them: 2025-11-25, 2026-07-28 or both, and the key (or null). */
    static ProtocolRevisions parse(String value, String requestStateKey) {
        return switch (value) {
            case "2025-11-25" -> new ProtocolRevisions(true, false, requestStateKey);
            case STATELESS -> new ProtocolRevisions(false, true, requestStateKey);
            default -> new ProtocolRevisions(true, true, requestStateKey);
        };
    }

    /** The key's bytes, or null when each process makes its own. */
    public byte[] requestStateKeyBytes() {
        return requestStateKey == null ? null : requestStateKey.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ProtocolRevisions[legacy=" + legacy + ", modern=" + modern + ", requestStateKey="
                + (requestStateKey == null ? "random" : "(set)") + "]";
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
