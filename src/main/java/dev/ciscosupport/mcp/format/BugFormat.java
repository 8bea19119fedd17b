package dev.ciscosupport.mcp.format;

import dev.ciscosupport.mcp.cisco.Page;
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

    /** The structured form of a bug; {@code withDescription} for lookups by ID. */
    public static Map<String, Object> structured(Bug bug, boolean withDescription) {
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
        if (withDescription) {
            m.put("description", cleanDescription(bug.description()));
            m.put("created_date", bug.createdDate());
            m.put("duplicate_of", bug.duplicateOf());
            m.put("behavior_changed", bug.behaviorChanged());
        }
        return m;
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

    public static Map<String, Object> structuredPage(Page page) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("page_index", page.index());
        m.put("last_page", page.last());
        m.put("on_this_page", page.records());
        m.put("total_records", page.total());
        if (page.hasNext()) {
            m.put("next_page_index", page.index() + 1);
        }
        return m;
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

    /** Cisco's HTML-ish text ({@code <B>Symptom:</B>\n...}) as plain lines, capped. */
    static String cleanDescription(String html) {
        String text = html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("<[^>]*>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
                .replaceAll("[\\x00-\\x08\\x0B-\\x1F\\x7F]", "");
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
