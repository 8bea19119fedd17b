package dev.ciscosupport.mcp.analysis;

import dev.ciscosupport.mcp.cisco.IdFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words for Cisco's keyword search: the few that matter in a question, and a phrase fitted into Cisco's 50-character
 * limit.
 */
public final class Keywords {
    private static final Set<String> STOP = Set.of("the", "a", "an", "on", "in", "of", "for", "to", "and", "or", "with",
            "after", "when", "is", "are", "my", "our", "we", "i", "any", "what", "which", "how", "does", "do", "bug", "bugs",
            "issue", "issues", "cisco", "find", "show", "me", "about", "there", "known", "version", "release", "running");

    private Keywords() {
    }

    /**
     * The phrase shortened the way a person would: asides in parentheses go first ("Cisco Unified Communications
     * Manager (CallManager) 12.5"), then a leading "Cisco", then words from the end. The TypeScript server cut at 47
     * characters and sent "..." to Cisco as part of the keyword.
     */
    public static String fit(String phrase) {
        int max = IdFormat.KEYWORD.maxLength();
        String text = phrase.strip().replaceAll("\\s+", " ");
        if (text.length() <= max) {
            return text;
        }
        text = text.replaceAll("\\s*\\([^)]*\\)", "").replaceAll("\\s+", " ").strip();
        if (text.length() > max && text.regionMatches(true, 0, "Cisco ", 0, 6)) {
            text = text.substring(6);
        }
        if (text.length() <= max) {
            return text;
        }
        List<String> kept = new ArrayList<>();
        int length = 0;
        for (String word : text.split(" ")) {
            if (length + word.length() + (kept.isEmpty() ? 0 : 1) > max) {
                break;
            }
            length += word.length() + (kept.isEmpty() ? 0 : 1);
            kept.add(word);
        }
        return kept.isEmpty() ? text.substring(0, max) : String.join(" ", kept);
    }

    /** The words of a question worth searching for: at most five, without the little words. */
    public static String essential(String query) {
        List<String> words = new ArrayList<>();
        for (String word : query.replaceAll("[^A-Za-z0-9.()+_-]+", " ").strip().split("\\s+")) {
            if (!word.isBlank() && !STOP.contains(word.toLowerCase(Locale.ROOT)) && words.size() < 5) {
                words.add(word);
            }
        }
        return String.join(" ", words);
    }
}
