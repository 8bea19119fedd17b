package dev.ciscosupport.mcp.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A bearer token the server accepts, kept only as its SHA-256 digest, with the label logs use for it.
 *
 * @param sha256 the token's digest
 * @param label  a name for logs: the one given in the token file, else {@code token:} and 8 hex digits of the digest
 */
public record AcceptedToken(byte[] sha256, String label) {

    /** A token given in clear (environment, or a clear line of the token file). */
    public static AcceptedToken of(String token, String label) {
        byte[] digest = sha256(token);
        return new AcceptedToken(digest, label != null ? label : shortLabel(digest));
    }

    /** A token given as the hex of its SHA-256 digest, so the file never holds the token itself. */
    public static AcceptedToken ofDigest(String hex, String label) {
        byte[] digest = HexFormat.of().parseHex(hex);
        return new AcceptedToken(digest, label != null ? label : shortLabel(digest));
    }

    static String shortLabel(byte[] digest) {
        return "token:" + HexFormat.of().formatHex(digest).substring(0, 8);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
