package dev.ciscosupport.mcp.cisco.bug;

import java.util.List;

/**
 * One bug as Cisco's Bug API v2.0 describes it. Fields a given endpoint does not send are "" (for
 * example {@code duplicateOf} and {@code createdDate} come only from a bug-ID lookup).
 *
 * @param severity         1 (catastrophic) to 6 (enhancement); 0 when Cisco sent none
 * @param status           O (open), F (fixed), T (terminated), or whatever else Cisco sent
 * @param product          Cisco's internal component name (e.g. ewlc), not a product ID
 * @param supportCaseCount how many support cases are linked to the bug
 */
public record Bug(
        String bugId,
        String headline,
        String description,
        int severity,
        String status,
        String behaviorChanged,
        String duplicateOf,
        String createdDate,
        String lastModifiedDate,
        String product,
        List<String> affectedReleases,
        List<String> fixedReleases,
        int supportCaseCount) {

    public Bug {
        affectedReleases = List.copyOf(affectedReleases);
        fixedReleases = List.copyOf(fixedReleases);
    }
}
