package dev.ciscosupport.mcp.cisco.bug;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Release spellings. IOS XE shows {@code 17.09.04a} in {@code show version}, but Cisco's bug database
 * files the same release as {@code 17.9.4a}; searching the padded form finds nothing. Only purely
 * dotted releases are rewritten: {@code 15.2(03)E01} style releases are searched as given.
 */
public final class Releases {
    private static final Pattern DOTTED = Pattern.compile("\\d+(\\.\\d+[a-z]*\\d*)+", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_ZEROS = Pattern.compile("(^|\\.)0+(\\d)");

    private Releases() {
    }

    /** {@code 17.09.04a} becomes {@code 17.9.4a}; anything else is returned unchanged. */
    public static String normalize(String release) {
        String r = release.strip();
        if (!DOTTED.matcher(r).matches()) {
            return r;
        }
        Matcher m = LEADING_ZEROS.matcher(r);
        return m.replaceAll("$1$2");
    }
}
