package dev.ciscosupport.mcp.format;

import dev.ciscosupport.mcp.cisco.Page;
import dev.ciscosupport.mcp.cisco.ThirdPartyText;
import dev.ciscosupport.mcp.cisco.bug.Bug;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How bugs look to the model: one compact block per bug in the text, every field in the structured
 * content. Cisco's descriptions are third-party text, so they are cleaned of markup, capped, and set
 * apart as quoted data.
 */
public final class BugFormat {
    /** Release lists can run to dozens of entries; the text shows this many, the structured content all. */
    static final int RELEASES_SHOWN = 8;
    static final int DESCRIPTION_CHARS = 1500;
    static final int SYMPTOM_CHARS = 200;
    private static final String BUG_URL = "https://bst.cloudapps.cisco.com/bugsearch/bug/";

    private BugFormat() {
    }

    public static String statusName(String code) {
        return switch (code) {
            case "O" -> "open";
            case "F" -> "fixed";
            case "T" -> "terminated";
            case "" -> "unknown";
            default -> code;
        };
    }

    public static String url(String bugId) {
        return BUG_URL + bugId;
    }

    /** The one-line header and the headline of a bug, as a search lists it. */
    public static String summary(Bug bug) {
        StringBuilder out = new StringBuilder();
        out.append(bug.bugId()).append(" | sev ").append(bug.severity() == 0 ? "?" : bug.severity()).append(" | ")
                .append(statusName(bug.status())).append(" | modified ").append(bug.lastModifiedDate());
        if (!bug.product().isEmpty()) {
            out.append(" | ").append(bug.product());
        }
        out.append("\n  ").append(bug.headline());
        out.append("\n  affected: ").append(releases(bug.affectedReleases()))
                .append(" | fixed in: ").append(releases(bug.fixedReleases()))
                .append(" | cases: ").append(bug.supportCaseCount());
        return out.toString();
    }

    /** Everything about a bug, description included. */
    public static String detail(Bug bug) {
        StringBuilder out = new StringBuilder(summary(bug));
        if (!bug.duplicateOf().isEmpty()) {
            out.append("\n  duplicate of: ").append(bug.duplicateOf());
        }
        String description = cleanDescription(bug.description());
        if (!description.isEmpty()) {
            out.append("\n  Description (Cisco's text):");
            for (String line : description.split("\n")) {
                out.append("\n  | ").append(line);
            }
        }
        out.append("\n  ").append(url(bug.bugId()));
        return out.toString();
    }

    /**
     * The structured form of a bug: every field Cisco sent, its description cleaned of markup. Searches send no
     * {@code created_date} or {@code duplicate_of} (only a lookup by ID does), so those are left out when empty.
     */
    public static Map<String, Object> structured(Bug bug) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bug_id", bug.bugId());
        m.put("headline", bug.headline());
        m.put("severity", bug.severity());
        m.put("status", bug.status());
        m.put("last_modified_date", bug.lastModifiedDate());
        m.put("product", bug.product());
        m.put("affected_releases", bug.affectedReleases());
        m.put("fixed_releases", bug.fixedReleases());
        m.put("support_case_count", bug.supportCaseCount());
        m.put("url", url(bug.bugId()));
        m.put("description", cleanDescription(bug.description()));
        m.put("behavior_changed", bug.behaviorChanged());
        if (!bug.createdDate().isEmpty()) {
            m.put("created_date", bug.createdDate());
        }
        if (!bug.duplicateOf().isEmpty()) {
            m.put("duplicate_of", bug.duplicateOf());
        }
        return m;
    }

    /** The first line of a bug's symptom, for a search's short listing (the whole description is in structured content). */
    public static String symptom(Bug bug) {
        String text = cleanDescription(bug.description()).replaceFirst("^(?i)symptoms?:\\s*", "");
        int end = text.indexOf('\n');
        String first = (end < 0 ? text : text.substring(0, end)).strip();
        return first.length() > SYMPTOM_CHARS ? first.substring(0, SYMPTOM_CHARS) + " [...]" : first;
    }

    /** "Page 2 of 25: bugs 11-20 of 248." */
    public static String pageLine(Page page) {
        if (page.total() == 0) {
            return "No bugs matched.";
        }
        if (page.records() == 0) {
            return "Page " + page.index() + " is past the last page (" + page.last() + " pages, " + page.total()
                    + " bugs).";
        }
        int first = (page.index() - 1) * 10 + 1;
        return "Page " + page.index() + " of " + page.last() + ": bugs " + first + "-" + (first + page.records() - 1)
                + " of " + page.total() + ".";
    }

    static String releases(List<String> releases) {
        if (releases.isEmpty()) {
            return "-";
        }
        if (releases.size() <= RELEASES_SHOWN) {
            return String.join(" ", releases);
        }
        return String.join(" ", releases.subList(0, RELEASES_SHOWN)) + " (+" + (releases.size() - RELEASES_SHOWN)
                + " more)";
    }

    /**
     * Cisco's markup: the HTML tags its descriptions use. Anything else in angle brackets is Cisco's text, such as
     * the placeholders of a command ({@code PUT https://<Connection-server>/vmrest/users/<user-objectid>}).
     */
    public static final String MARKUP = "(?i)</?(b|i|u|p|br|em|strong|font|span|div|pre|ul|ol|li|a|hr|h[1-6]|table|tr|td|th|tbody|code)"
            + "(\\s[^<>]*)?/?>";

    private static final java.util.regex.Pattern LINE_BREAK_TAG = java.util.regex.Pattern.compile("(?i)<br\\s*/?>");
    private static final java.util.regex.Pattern MARKUP_TAG = java.util.regex.Pattern.compile(MARKUP);

    /** Cisco's HTML-ish text ({@code <B>Symptom:</B>\n...}) as plain lines, capped. */
    static String cleanDescription(String html) {
        String text = ThirdPartyText.clean(MARKUP_TAG.matcher(LINE_BREAK_TAG.matcher(html).replaceAll("\n")).replaceAll("")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&"));
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String stripped = line.strip();
            if (!stripped.isEmpty()) {
                lines.add(stripped);
            }
        }
        String joined = String.join("\n", lines);
        return joined.length() > DESCRIPTION_CHARS ? joined.substring(0, DESCRIPTION_CHARS) + " [...]" : joined;
    }
}
