package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.IdFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a search phrase into Cisco's 50-character keyword limit the way a person would shorten it: asides in
 * parentheses go first ("Cisco Unified Communications Manager (CallManager) 12.5"), then a leading "Cisco",
 * then words from the end. The TypeScript server cut at 47 characters and sent "..." to Cisco as part of the
 * keyword.
 */
final class Keywords {
    private Keywords() {
    }

    static String fit(String phrase) {
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
}
