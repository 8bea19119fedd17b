package dev.ciscosupport.mcp.server;

import dev.ciscosupport.mcp.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import tools.jackson.databind.JsonNode;

/**
 * The first line a stdio client sends, read before either revision's transport starts, so that it can choose one; the
 * line is then handed on untouched, ahead of the rest of the input.
 */
record FirstLine(byte[] bytes) {
    /** Long enough for any real first message; a longer one is handed on whole, and only its start is looked at. */
    private static final int LOOKED_AT = 64 * 1024;

    /** Reads up to the end of the first line that is not blank (blank lines before it are kept, and ignored later). */
    static FirstLine read(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        boolean content = false;
        int b;
        while (read.size() < LOOKED_AT && (b = in.read()) >= 0) {
            read.write(b);
            if (b == '\n' && content) {
                break;
            }
            content |= !Character.isWhitespace(b);
        }
        return new FirstLine(read.toByteArray());
    }

    /**
     * Whether it opens a 2025-11-25 session: an {@code initialize} that does not carry the stateless revision's
     * per-request {@code _meta} (a client of that revision that sends {@code initialize} is told it is a removed method).
     */
    boolean opensSession() {
        JsonNode message;
        try {
            message = Json.MAPPER.readTree(bytes);
        } catch (RuntimeException e) {
            return true; // not JSON: the session server's guard answers it, as before
        }
        return message == null || !message.isObject() || "initialize".equals(message.path("method").asString(""))
                && message.path("params").path("_meta").path("io.modelcontextprotocol/protocolVersion").isMissingNode();
    }

    InputStream followedBy(InputStream rest) {
        return new SequenceInputStream(new ByteArrayInputStream(bytes), rest);
    }
}
