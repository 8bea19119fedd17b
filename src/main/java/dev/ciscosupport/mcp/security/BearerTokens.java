package dev.ciscosupport.mcp.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The bearer token(s) HTTP clients must present. Tokens are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so the time a check takes says nothing about how much of a guess was
 * right, whatever its length.
 */
public final class BearerTokens {
    /** Longer than any token we would issue; a header this long is refused without hashing. */
    static final int MAX_TOKEN_LENGTH = 4096;
    private final byte[] expectedDigest;
    private final String label;

    public BearerTokens(String token) {
        this.expectedDigest = sha256(token);
        this.label = "token:" + HexFormat.of().formatHex(expectedDigest).substring(0, 8);
    }

    /** The label of the matching token (never the token itself), or empty when {@code presented} is not valid. */
    public Optional<String> check(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(expectedDigest, sha256(presented)) ? Optional.of(label) : Optional.empty();
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
