package dev.ciscosupport.mcp.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How many calls this server may send to one Cisco API: one or more limits such as 5 per second and
 * 5000 per day, all of which must hold. Written as Cisco's API Console shows them: {@code 5/s,30/min,5000/day}.
 */
public record Quota(List<Limit> limits) {

    /** {@code count} calls in any {@code window}. */
    public record Limit(int count, Duration window) {
        @Override
        public String toString() {
            return count + "/" + unit(window);
        }
    }

    public Quota {
        limits = List.copyOf(limits);
    }

    /**
     * Reads {@code 5/s,30/min,5000/day} (units s, min, h, day).
     *
     * @throws IllegalArgumentException with a sentence that says what is wrong, for the caller to prefix with the variable
     */
    public static Quota parse(String text) {
        List<Limit> limits = new ArrayList<>();
        for (String part : text.split(",")) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            int slash = item.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException(invalid(item));
            }
            int count;
            try {
                count = Integer.parseInt(item.substring(0, slash).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(invalid(item));
            }
            Duration window = switch (item.substring(slash + 1).strip().toLowerCase(Locale.ROOT)) {
                case "s", "sec", "second" -> Duration.ofSeconds(1);
                case "min", "minute" -> Duration.ofMinutes(1);
                case "h", "hour" -> Duration.ofHours(1);
                case "d", "day" -> Duration.ofDays(1);
                default -> throw new IllegalArgumentException(invalid(item));
            };
            if (count < 1 || count > 1_000_000) {
                throw new IllegalArgumentException("\"" + shown(item) + "\": the count must be from 1 to 1000000");
            }
            limits.add(new Limit(count, window));
        }
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("no limit given");
        }
        return new Quota(limits);
    }

    private static String invalid(String item) {
        return "\"" + shown(item) + "\" is not a limit; write calls per unit (s, min, h or day), for example 5/s,30/min,5000/day";
    }

    /** The user's text, short and printable, for an error line. */
    private static String shown(String item) {
        String clean = item.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 20 ? clean.substring(0, 17) + "..." : clean;
    }

    private static String unit(Duration window) {
        if (window.equals(Duration.ofSeconds(1))) {
            return "s";
        }
        if (window.equals(Duration.ofMinutes(1))) {
            return "min";
        }
        return window.equals(Duration.ofHours(1)) ? "h" : "day";
    }

    /** "5 calls per second and 30 per minute", for messages. */
    public String describe() {
        return limits.stream().map(l -> l.count() + " per " + switch (unit(l.window())) {
            case "s" -> "second";
            case "min" -> "minute";
            case "h" -> "hour";
            default -> "day";
        }).collect(Collectors.joining(" and ", "", "")).replaceFirst("^(\\d+) per", "$1 calls per");
    }

    @Override
    public String toString() {
        return limits.stream().map(Limit::toString).collect(Collectors.joining(","));
    }
}
