package dev.ciscosupport.mcp.security;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bearer tokens HTTP clients may present: those of {@code MCP_BEARER_TOKEN} (fixed for the run) and
 * those of {@code MCP_BEARER_TOKEN_FILE} (replaced whenever the file changes, so tokens are added and
 * revoked without a restart). A presented token is hashed and compared with every accepted digest using
 * {@link MessageDigest#isEqual}, so the time a check takes does not depend on how close a guess was.
 */
public final class TokenRegistry {
    /** Longer than any sensible token; a longer value is refused without hashing. */
    static final int MAX_TOKEN_LENGTH = 4096;

    private final List<AcceptedToken> fixed;
    private volatile List<AcceptedToken> fromFile = List.of();

    public TokenRegistry(List<AcceptedToken> fixed) {
        this.fixed = List.copyOf(fixed);
    }

    public static TokenRegistry of(List<String> tokens) {
        return new TokenRegistry(tokens.stream().map(t -> AcceptedToken.of(t, null)).toList());
    }

    /** Replaces the tokens that came from the token file. */
    public void replaceFileTokens(List<AcceptedToken> tokens) {
        fromFile = List.copyOf(tokens);
    }

    /** The tokens that came from the token file now. */
    public List<AcceptedToken> fileTokens() {
        return fromFile;
    }

    public int size() {
        return fixed.size() + fromFile.size();
    }

    /**
     * Who presented this token, for keeping one client's data (cached cases and RMAs) from another: the
     * hex SHA-256 of the token, never the token. Labels are for people and two tokens may share one.
     */
    public static String fingerprint(String presented) {
        return java.util.HexFormat.of().formatHex(AcceptedToken.sha256(presented));
    }

    /** The label of the matching token, or empty when {@code presented} is not an accepted token. */
    public Optional<String> check(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        byte[] digest = AcceptedToken.sha256(presented);
        String match = null;
        List<AcceptedToken> all = new ArrayList<>(fixed);
        all.addAll(fromFile);
        for (AcceptedToken token : all) {
            // no early exit: every accepted digest is compared
            if (MessageDigest.isEqual(token.sha256(), digest) && match == null) {
                match = token.label();
            }
        }
        return Optional.ofNullable(match);
    }
}
