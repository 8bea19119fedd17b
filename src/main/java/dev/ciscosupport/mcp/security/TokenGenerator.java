package dev.ciscosupport.mcp.security;

import java.security.SecureRandom;

/** Bearer tokens as the security guide promises them: 32 characters from a cryptographically secure source. */
public final class TokenGenerator {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    public static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenGenerator() {
    }

    /** 32 letters and digits: about 190 bits of entropy. */
    public static String generate() {
        char[] token = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            token[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(token);
    }
}
