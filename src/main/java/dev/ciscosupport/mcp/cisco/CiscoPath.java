package dev.ciscosupport.mcp.cisco;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the path of a Cisco request from fixed parts and checked values. Each value is checked
 * against its {@link IdFormat} and percent-encoded on its own; the commas between the items of a
 * list stay commas, as Cisco expects.
 */
public final class CiscoPath {
    private final StringBuilder path;

    private CiscoPath(String fixed) {
        this.path = new StringBuilder(fixed);
    }

    /** @param fixed the constant start of the path, such as {@code /bug/v2.0/bugs/keyword} */
    public static CiscoPath of(String fixed) {
        return new CiscoPath(fixed);
    }

    /** Appends a constant path part such as {@code affected_releases}. */
    public CiscoPath then(String fixed) {
        path.append('/').append(fixed);
        return this;
    }

    /** Appends one value that has already been checked with its {@link IdFormat}. */
    public CiscoPath value(String checkedValue) {
        path.append('/').append(encode(checkedValue));
        return this;
    }

    /** Appends a comma-separated list of checked values, each encoded on its own. */
    public CiscoPath values(List<String> checkedValues) {
        path.append('/').append(checkedValues.stream().map(CiscoPath::encode).collect(Collectors.joining(",")));
        return this;
    }

    public String build() {
        return path.toString();
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
