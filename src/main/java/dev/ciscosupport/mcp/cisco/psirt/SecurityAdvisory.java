package dev.ciscosupport.mcp.cisco.psirt;

import java.util.List;

/**
 * A Cisco security advisory as openVuln v2 describes it, with everything the TypeScript server dropped:
 * CVSS score, CWE, first-fixed releases, and the publication, CSAF and CVRF URLs.
 *
 * @param severity    Cisco's Security Impact Rating: Critical, High, Medium, Low or Informational
 * @param firstFixed  for software-checker answers, the first releases with the fix
 * @param platforms   for software-checker answers on NX-OS/ASA/FTD/FXOS, per-platform fixes
 */
public record SecurityAdvisory(
        String advisoryId,
        String title,
        String severity,
        String cvssBaseScore,
        List<String> cves,
        List<String> bugIds,
        List<String> cwe,
        String firstPublished,
        String lastUpdated,
        String status,
        String version,
        List<String> productNames,
        String publicationUrl,
        String csafUrl,
        String cvrfUrl,
        String summary,
        List<String> firstFixed,
        List<PlatformFix> platforms) {

    /** One platform's first fixed releases and state in a software-checker answer. */
    public record PlatformFix(String name, List<String> firstFixes, String state) {
        public PlatformFix {
            firstFixes = List.copyOf(firstFixes);
        }
    }

    public SecurityAdvisory {
        cves = List.copyOf(cves);
        bugIds = List.copyOf(bugIds);
        cwe = List.copyOf(cwe);
        productNames = List.copyOf(productNames);
        firstFixed = List.copyOf(firstFixed);
        platforms = List.copyOf(platforms);
    }
}
