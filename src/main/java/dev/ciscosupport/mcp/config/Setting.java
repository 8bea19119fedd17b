package dev.ciscosupport.mcp.config;

import java.util.List;

/**
 * One environment variable the server reads: its name, where it belongs, what text it takes, its default (as text,
 * read by the same rules as a value someone sets, so the default that is shown is the one that is used) and what it
 * means. {@link SettingsTable} lists them all; from it come the reading ({@link SettingsLoader}), {@code --help}, the
 * start-up summary and the README's tables (checked by a test).
 *
 * @param fallback the default as it would be written in the environment, or null for "unset"
 */
public record Setting(String name, Group group, Type type, long min, long max, List<String> choices, String fallback,
        String meaning) {

    /** The groups of settings, as {@code --help} and the README show them. */
    public enum Group {
        SERVER("Cisco, tools and the server"),
        CISCO_CALLS("Calls to Cisco: time-outs, retries, quotas, cache"),
        SMART_BONDING("Smart Bonding: TAC tickets (SUPPORT_API=smart_bonding)"),
        HTTP("HTTP mode: security and limits"),
        OAUTH("HTTP mode: sign-in with the company's identity provider (OAuth)");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** What text a setting takes. */
    public enum Type {
        TEXT, SECRET, FLAG, WHOLE, DECIMAL, URL, FILE, LIST, CHOICE, QUOTA,
        /** Read by rules of its own (a comma list of names, a port...), which {@link #meaning} describes. */
        SPECIAL
    }

    public Setting {
        choices = List.copyOf(choices);
    }

    /** Whether the value is never shown (credentials, tokens, passwords). */
    public boolean secret() {
        return type == Type.SECRET;
    }

    /** What the setting accepts, as the sentence of an error or of {@code --help} says it. */
    public String accepts() {
        return switch (type) {
            case FLAG -> "true or false";
            case WHOLE -> "a whole number from " + min + " to " + max;
            case DECIMAL -> "a number above " + min + " and at most " + max;
            case URL -> "an http or https URL";
            case FILE -> "a file path";
            case LIST -> "a comma-separated list";
            case CHOICE -> "one of " + String.join(", ", choices);
            case QUOTA -> "counts per s, min, h or day, such as 5/s,5000/day";
            case TEXT, SECRET, SPECIAL -> "text";
        };
    }
}
