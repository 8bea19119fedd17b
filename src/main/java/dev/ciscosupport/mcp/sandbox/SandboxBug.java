package dev.ciscosupport.mcp.sandbox;

import java.time.LocalDate;
import java.util.List;

/** One seeded bug of the sandbox, with everything Cisco's Bug API would say about it. */
record SandboxBug(
        String bugId,
        String headline,
        String description,
        int severity,
        String status,
        String behaviorChanged,
        LocalDate created,
        LocalDate lastModified,
        ProductFamily family,
        List<String> affected,
        List<String> fixed,
        int supportCases) {

    boolean affects(String release) {
        return affected.stream().anyMatch(r -> r.equalsIgnoreCase(release));
    }

    boolean fixedIn(String release) {
        return fixed.stream().anyMatch(r -> r.equalsIgnoreCase(release));
    }

    /** Cisco's keyword search: every word must appear in the headline or the description. */
    boolean matchesAllWords(List<String> lowerCaseWords) {
        String text = (headline + " " + description).toLowerCase(java.util.Locale.ROOT);
        return lowerCaseWords.stream().allMatch(text::contains);
    }
}
