package dev.ciscosupport.mcp.cisco;

import dev.ciscosupport.mcp.cisco.call.CiscoException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The shape of each kind of value that goes into a Cisco URL path. A value that does not have the
 * shape never reaches Cisco: this is what stops a crafted "ID" such as {@code x/../../case/v3/...}
 * from steering the server's Cisco credentials at another API.
 */
public enum IdFormat {
    BUG_ID("a Cisco bug ID (CSC, two letters and five digits, e.g. CSCvt43974)",
            "[Cc][Ss][Cc][A-Za-z]{2}[0-9]{5}", 10),
    PRODUCT_ID("a Cisco product ID such as C9300-24T or ISR4431/K9 (letters, digits and - _ . / = +)",
            "[A-Za-z0-9][A-Za-z0-9_.=+/-]*", 50),
    RELEASE("a software release such as 17.9.4a or 15.2(7)E8 (letters, digits and . ( ) - _ +)",
            "[A-Za-z0-9][A-Za-z0-9().+_-]*", 40),
    PRODUCT_NAME("a Cisco product or series name such as Cisco Catalyst 9300 Series Switches (letters, digits, spaces and ( ) . & + - _)",
            "[A-Za-z0-9][A-Za-z0-9 ().&+_-]*", 100),
    EOX_PRODUCT_ID("a Cisco product ID such as WS-C3850-48XS-E, optionally with * wildcards and at least 3 other characters (e.g. WS-C3850*)",
            "[A-Za-z0-9*][A-Za-z0-9_.=+/*-]*", 50),
    SERIAL_NUMBER("a serial number such as FOC1234X0AB (letters and digits, up to 40)", "[A-Za-z0-9]+", 40),
    EOX_RELEASE("a software release such as 15.2(7)E or 17.9 (letters, digits and . ( ) - _)", "[A-Za-z0-9][A-Za-z0-9().+_-]*", 40),
    ADVISORY_ID("a Cisco security advisory ID such as cisco-sa-20180221-ucdm", IdFormat.ADVISORY, 80),
    CVE_ID("a CVE ID such as CVE-2018-0124", "[Cc][Vv][Ee]-[0-9]{4}-[0-9]{4,7}", 20),
    PSIRT_PRODUCT("a product name such as Cisco IOS XE Software (letters, digits, spaces and - _ . ( ) / , +)",
            "[A-Za-z0-9][A-Za-z0-9 _.()/,+-]*", 100),
    OS_VERSION("a software version such as 17.9.4a or 9.3(10) (letters, digits and . ( ) -)", "[A-Za-z0-9][A-Za-z0-9().-]*", 30),
    INSTANCE_NUMBER("an instance number such as 917280220 (digits)", IdFormat.DIGITS, 20),
    MDF_ID("a Cisco MDF ID such as 286310000 (digits)", IdFormat.DIGITS, 15),
    IMAGE_NAME("an image file name such as cat9k_iosxe.17.09.04a.SPA.bin (letters, digits and . _ -)",
            "[A-Za-z0-9][A-Za-z0-9._-]*", 59),
    CASE_ID("a Cisco case number such as 692277140 (digits)", IdFormat.DIGITS, 12),
    CONTRACT_ID("a service contract number such as 203371074 (letters, digits and -)", "[A-Za-z0-9-]+", 20),
    CCO_USER_ID("a Cisco.com user ID such as jdoe (letters, digits and @ . _ -)", IdFormat.USER_ID, 60),
    // Cisco takes any keyword up to 50 characters: syslog mnemonics (%SYS-2-MALLOCFAIL), quotes and apostrophes
    // included. Each value is percent-encoded on its own, so only / and \ (which gateways may read as path
    // separators) and control characters are refused.
    KEYWORD("search words (any text but / and \\), up to 50 characters", "[^/\\\\\\u0000-\\u001f\\u007f]+", 50);

    /** The form of the IDs made of digits only, for the tools' schemas too. */
    public static final String DIGITS = "[0-9]+";
    /** The form of a security advisory ID, for the tools' schemas too. */
    public static final String ADVISORY = "cisco-sa-[A-Za-z0-9-]+";
    /** The form of a Cisco.com user ID, for the tools' schemas too. */
    public static final String USER_ID = "[A-Za-z0-9@._-]+";

    private final String description;
    private final Pattern pattern;
    private final int maxLength;

    IdFormat(String description, String regex, int maxLength) {
        this.description = description;
        this.pattern = Pattern.compile(regex);
        this.maxLength = maxLength;
    }

    /** The regular expression, for tool input schemas. */
    public String regex() {
        return pattern.pattern();
    }

    public int maxLength() {
        return maxLength;
    }

    public String description() {
        return description;
    }

    /**
     * The value in the form Cisco expects, or an {@link CiscoException.InvalidInput} that names the
     * input (in the words of the API that asks) and says what it should look like.
     */
    public String check(String input, String value) {
        String v = trimmed(value);
        if (v.isEmpty()) {
            throw CiscoException.InvalidInput.of(input, name -> name + " is empty; give " + description + ".");
        }
        if (v.length() > maxLength) {
            throw CiscoException.InvalidInput.of(input, name -> name + ": \"" + shown(v) + "\" is longer than "
                    + maxLength + " characters; give " + description + ".");
        }
        if (!pattern.matcher(v).matches() || v.contains("..") || v.contains("//") || v.endsWith("/")) {
            throw CiscoException.InvalidInput.of(input, name -> name + ": \"" + shown(v) + "\" is not " + description + ".");
        }
        if (this == EOX_PRODUCT_ID && v.contains("*") && v.replace("*", "").length() < 3) {
            throw CiscoException.InvalidInput.of(input, name -> name + ": \"" + shown(v) + "\" has a wildcard but fewer"
                    + " than 3 other characters; Cisco needs at least 3 (e.g. WS-C3850*).");
        }
        if (this == SERIAL_NUMBER || this == CVE_ID) {
            return v.toUpperCase(Locale.ROOT);
        }
        return this == BUG_ID ? "CSC" + v.substring(3, 5).toLowerCase(Locale.ROOT) + v.substring(5) : v;
    }

    /**
     * Checks a list of values: each in the form Cisco expects, duplicates dropped (first kept), at least one
     * and at most {@code max} (this server's cap per tool call, above which a call would fan out too far).
     */
    public List<String> checkAll(String input, List<String> values, int max) {
        List<String> checked = new ArrayList<>(new LinkedHashSet<>(values.stream().map(v -> check(input, v)).toList()));
        if (checked.isEmpty()) {
            throw CiscoException.InvalidInput.of(input, name -> name + " is empty; give " + description + ".");
        }
        if (checked.size() > max) {
            throw CiscoException.InvalidInput.of(input, name -> name + ": at most " + max + " per call (got "
                    + checked.size() + "); split them over several calls.");
        }
        return checked;
    }

    /** The value without surrounding space (and, in names and words, with runs of space made one). */
    private String trimmed(String value) {
        String v = value == null ? "" : value.strip();
        return this == PRODUCT_NAME || this == KEYWORD || this == PSIRT_PRODUCT ? SPACE_RUNS.matcher(v).replaceAll(" ") : v;
    }

    /** Compiled once: every name and keyword of every call goes through it. */
    private static final java.util.regex.Pattern SPACE_RUNS = java.util.regex.Pattern.compile("\\s+");

    /** A user's value as it may appear in a message: printable ASCII only, and short. */
    static String shown(String value) {
        String printable = value.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > 60 ? printable.substring(0, 57) + "..." : printable;
    }
}
