package dev.ciscosupport.mcp.security;

import java.util.ArrayList;
import java.util.List;

/**
 * The format of {@code MCP_BEARER_TOKEN_FILE}: one token per line, then optionally a label after
 * white space; {@code sha256:<64 hex digits>} stands for a token stored only as its digest; blank lines
 * and lines starting with {@code #} are ignored.
 *
 * <pre>
 * # token                                                                  label
 * Xq3...32 characters...                                                   ci-runner
 * sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08   alice-laptop
 * </pre>
 */
public final class TokenFile {
    private TokenFile() {
    }

    /**
     * What a file says: the tokens of its good lines, and a sentence for each bad one (its line number, never its
     * content).
     */
    public record Contents(List<AcceptedToken> tokens, List<String> problems) {
    }

    /** The tokens of the file's text; a malformed line is an error naming its line number (never its content). */
    public static List<AcceptedToken> parse(String text) {
        Contents contents = read(text);
        if (!contents.problems().isEmpty()) {
            throw new IllegalArgumentException(contents.problems().get(0));
        }
        return contents.tokens();
    }

    /** Every good line's token, and every bad line's problem. A UTF-8 byte order mark (Windows editors) is ignored. */
    public static Contents read(String text) {
        List<AcceptedToken> tokens = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                tokens.add(token(line, i + 1));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return new Contents(List.copyOf(tokens), List.copyOf(problems));
    }

    private static AcceptedToken token(String line, int number) {
        String[] parts = line.split("\\s+", 2);
        String value = parts[0];
        String label = parts.length > 1 ? parts[1].strip() : null;
        if (label != null && !label.matches("[A-Za-z0-9 ._@:-]{1,64}")) {
            throw new IllegalArgumentException("line " + number + ": a label may have letters, digits, spaces and . _ @ : -"
                    + " (at most 64)");
        }
        if (value.regionMatches(true, 0, "sha256:", 0, 7)) {
            String hex = value.substring(7);
            if (!hex.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("line " + number + ": sha256: must be followed by 64 hex digits");
            }
            return AcceptedToken.ofDigest(hex, label);
        }
        if (value.length() < 16 || value.length() > TokenRegistry.MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException("line " + number + ": a token must have 16 to "
                    + TokenRegistry.MAX_TOKEN_LENGTH + " characters (use --generate-token)");
        }
        return AcceptedToken.of(value, label);
    }
}
