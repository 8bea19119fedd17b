package dev.ciscosupport.mcp.cisco.software;

import java.util.List;

/**
 * One release Cisco's Software Suggestion API lists for a product.
 *
 * @param suggested  Cisco's recommended release ({@code isSuggested: "Y"})
 * @param lifecycle  MD (maturity deployment), ED (early deployment), LD...
 * @param images     image files (only from the {@code software} endpoints)
 * @param errorCode  set when Cisco put an error in place of this release (its {@code errorDetailsResponse})
 */
public record SoftwareRelease(String release, String releaseAlt, String releaseDate, String majorRelease, String train,
        String lifecycle, String displayName, String trainDisplayName, boolean suggested, List<Image> images,
        String errorCode, String errorDescription, String errorAction) {

    /** An image file of a release. */
    public record Image(String name, String size, String featureSet, String description, String requiredDram,
            String requiredFlash) {
    }

    public SoftwareRelease {
        images = List.copyOf(images);
    }

    public boolean isError() {
        return !errorCode.isEmpty();
    }
}
