package dev.ciscosupport.mcp.oauth;

/**
 * An access token that is not accepted, with a sentence that says why for the client's {@code error_description} and
 * the security log. The sentence never holds the token or any part of it.
 */
public final class TokenRefused extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean unavailable;

    private TokenRefused(String why, boolean unavailable) {
        super(why, null, false, false);
        this.unavailable = unavailable;
    }

    /** The token is wrong (401 invalid_token): expired, for another audience, from an unknown issuer or key... */
    public static TokenRefused invalid(String why) {
        return new TokenRefused(why, false);
    }

    /** The token could not be checked now: the identity provider did not answer (503, try again). */
    public static TokenRefused unavailable(String why) {
        return new TokenRefused(why, true);
    }

    public boolean unavailable() {
        return unavailable;
    }
}
