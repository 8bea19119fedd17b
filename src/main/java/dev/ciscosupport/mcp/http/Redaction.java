package dev.ciscosupport.mcp.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Paths and queries as they may be logged: a token can arrive as {@code ?token=}, as {@code ?%74oken=} (names are
 * percent-decoded before they are compared, as every HTTP library does) or as a path parameter ({@code /mcp;token=});
 * none of them may reach a log line or an error answer.
 */
final class Redaction {
    static final String REDACTED = "[REDACTED]";
    /** Path parameters ({@code ;name=value}) mean nothing to this server; all are hidden. */
    private static final Pattern PATH_PARAMETERS = Pattern.compile(";[^/]*");

    private Redaction() {
    }

    /** The raw path with every path parameter's content replaced. */
    static String path(String rawPath) {
        return rawPath == null ? "" : PATH_PARAMETERS.matcher(rawPath).replaceAll(";" + REDACTED);
    }

    /** The raw path and query, both redacted. */
    static String pathAndQuery(String rawPath, String rawQuery) {
        return rawQuery == null ? path(rawPath) : path(rawPath) + "?" + query(rawQuery);
    }

    /** The raw query with the value of every parameter named {@code token} or {@code access_token} replaced. */
    static String query(String rawQuery) {
        return Arrays.stream(rawQuery.split("&", -1)).map(pair -> {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            return isSecret(name) ? name + "=" + REDACTED : pair;
        }).collect(Collectors.joining("&"));
    }

    /** The value of the query's {@code token} parameter (its name percent-decoded), if any. */
    static Optional<String> queryToken(String rawQuery) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && "token".equals(decode(pair.substring(0, eq)))) {
                return Optional.of(decode(pair.substring(eq + 1)));
            }
        }
        return Optional.empty();
    }

    private static boolean isSecret(String rawName) {
        String name = decode(rawName).toLowerCase(Locale.ROOT);
        return name.equals("token") || name.equals("access_token");
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw; // a malformed escape: compared as it is
        }
    }
}
