package dev.ciscosupport.mcp.sandbox;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A seeded security advisory. {@code osType} and {@code firstFixed} make it findable by the software
 * checker: a version of that OS before {@code firstFixed} (and not before {@code introduced}) is affected.
 */
record Advisory(String id, String title, String sir, String cvss, List<String> cves, List<String> bugIds,
        List<String> cwe, LocalDateTime firstPublished, LocalDateTime lastUpdated, String version, List<String> productNames,
        String summary, String osType, String introduced, String firstFixed, String platform) {

    boolean affects(String os, String release) {
        return os.equalsIgnoreCase(osType) && Versions.compare(release, firstFixed) < 0
                && Versions.compare(release, introduced) >= 0;
    }
}
