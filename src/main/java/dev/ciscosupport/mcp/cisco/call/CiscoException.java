package dev.ciscosupport.mcp.cisco.call;

import dev.ciscosupport.mcp.config.SupportApi;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A Cisco call that did not give an answer, described in a sentence the model (and the person behind
 * it) can act on. Never carries a raw upstream body, a token or a secret.
 */
public abstract sealed class CiscoException extends RuntimeException
        permits CiscoException.InvalidInput, CiscoException.MissingCredentials, CiscoException.AuthenticationFailed,
        CiscoException.NotEntitled, CiscoException.RateLimited, CiscoException.Unavailable,
        CiscoException.Rejected, CiscoException.Cancelled, CiscoException.OverBudget {
    private static final long serialVersionUID = 1L;

    private CiscoException(String message) {
        super(message, null, false, false);
    }

    /**
     * Our own check refused a value before any request was made. An API names the inputs it refuses in its own
     * words (Cisco's parameter names); whoever called it says them in the words its own caller knows
     * ({@link #naming}), so the API never needs to know what a tool calls its parameters.
     */
    public static final class InvalidInput extends CiscoException {
        private static final long serialVersionUID = 1L;
        private final List<String> inputs;
        private final transient Function<List<String>, String> sentence;

        /** A refusal in a whole sentence, already in the words of whoever reads it. */
        public InvalidInput(String sentence) {
            this(List.of(), names -> sentence);
        }

        private InvalidInput(List<String> inputs, Function<List<String>, String> sentence) {
            super(sentence.apply(inputs));
            this.inputs = List.copyOf(inputs);
            this.sentence = sentence;
        }

        /** {@code input} refused: {@code sentence} says why, given the name the reader knows the input by. */
        public static InvalidInput of(String input, UnaryOperator<String> sentence) {
            return new InvalidInput(List.of(input), names -> sentence.apply(names.get(0)));
        }

        /** Two inputs that do not go together, such as an end date before the start date. */
        public static InvalidInput of(String first, String second, BinaryOperator<String> sentence) {
            return new InvalidInput(List.of(first, second), names -> sentence.apply(names.get(0), names.get(1)));
        }

        /** The inputs the refusal is about, in the API's words (none for a whole sentence). */
        public List<String> inputs() {
            return inputs;
        }

        /** The same refusal, its inputs named as {@code names} says (an input not in it keeps the API's name). */
        public InvalidInput naming(Map<String, String> names) {
            return new InvalidInput(inputs.stream().map(input -> names.getOrDefault(input, input)).toList(), sentence);
        }
    }

    /** {@code CISCO_CLIENT_ID}/{@code CISCO_CLIENT_SECRET} are not set. */
    public static final class MissingCredentials extends CiscoException {
        private static final long serialVersionUID = 1L;

        public MissingCredentials(String variables) {
            super("Cisco API credentials are not configured: set " + variables
                    + " (from an app in Cisco's API Console) and restart the server, or start it with --sandbox to try it on simulated data.");
        }
    }

    /** The token endpoint refused the client credentials, or Cisco refused a fresh token. */
    public static final class AuthenticationFailed extends CiscoException {
        private static final long serialVersionUID = 1L;

        public AuthenticationFailed(String message) {
            super(message);
        }
    }

    /** The Cisco app is not allowed to use this API (or is inactive). */
    public static final class NotEntitled extends CiscoException {
        private static final long serialVersionUID = 1L;
        private final transient SupportApi api;

        /** @param api the API the app is not entitled to, or null when the whole app is refused (inactive) */
        public NotEntitled(String message, SupportApi api) {
            super(message);
            this.api = api;
        }

        public SupportApi api() {
            return api;
        }
    }

    /** Cisco's gateway (or our own limiter) says: not now. */
    public static final class RateLimited extends CiscoException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;
        private final boolean fromCisco;

        /** Cisco's gateway refused the call (429, or 403 over QPS/rate). */
        public RateLimited(String message, long retryAfterSeconds) {
            this(message, retryAfterSeconds, true);
        }

        /** @param fromCisco false when this server's own quota limiter refused the call before sending it */
        public RateLimited(String message, long retryAfterSeconds, boolean fromCisco) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
            this.fromCisco = fromCisco;
        }

        public boolean fromCisco() {
            return fromCisco;
        }

        /** Seconds to wait before trying again; 0 when Cisco did not say. */
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** Cisco could not be reached, timed out, failed, or answered something that is not its format. */
    public static final class Unavailable extends CiscoException {
        private static final long serialVersionUID = 1L;
        private final boolean worthRetrying;

        /** A failure that may pass (connection, timeout, 5xx, malformed answer): the request may be sent again. */
        public Unavailable(String message) {
            this(message, true);
        }

        /** @param worthRetrying false when sending the same request again cannot help (cancelled, refused path, breaker open) */
        public Unavailable(String message, boolean worthRetrying) {
            super(message);
            this.worthRetrying = worthRetrying;
        }

        public boolean worthRetrying() {
            return worthRetrying;
        }
    }

    /** The client cancelled the call: nothing more is sent for it, and nobody is told (the client stopped listening). */
    public static final class Cancelled extends CiscoException {
        private static final long serialVersionUID = 1L;

        public Cancelled(String apiName) {
            super("The call to Cisco's " + apiName + " was cancelled.");
        }
    }

    /** The tool call has asked Cisco as often as it may: nothing more is asked for it. */
    public static final class OverBudget extends CiscoException {
        private static final long serialVersionUID = 1L;

        public OverBudget(String apiName, int answers) {
            super("Cisco's " + apiName + " was not asked: this call has used the " + answers
                    + " Cisco answers it may use.");
        }
    }

    /** Cisco's API answered with one of its own error codes (bad input by Cisco's rules, too many inputs, ...). */
    public static final class Rejected extends CiscoException {
        private static final long serialVersionUID = 1L;
        private final String errorCode;

        public Rejected(String message, String errorCode) {
            super(message);
            this.errorCode = errorCode;
        }

        public String errorCode() {
            return errorCode;
        }
    }
}
