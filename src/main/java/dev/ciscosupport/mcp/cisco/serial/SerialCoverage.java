package dev.ciscosupport.mcp.cisco.serial;

import java.util.List;

/**
 * What Cisco's Serial Number to Information API says about one serial (or instance number). Fields an
 * endpoint does not return are "" or empty; {@code errorCode} is set when Cisco has no record for it.
 *
 * @param covered   "YES" or "NO" as Cisco says it, or "" when not returned
 * @param owned     whether the serial is tied to the caller's CCO ID: "YES", "NO" or ""
 */
public record SerialCoverage(
        String serial,
        String instanceNumber,
        String covered,
        String coverageEndDate,
        String owned,
        List<String> baseProductIds,
        List<Orderable> orderable,
        String parent,
        String contractNumber,
        String serviceLine,
        String warrantyEndDate,
        String warrantyType,
        String warrantyDescription,
        Site site,
        String errorCode,
        String errorDescription,
        String errorAction) {

    /**
     * An orderable product ID, with the service pillar or item description Cisco gives for it.
     *
     * @param position Cisco's item position (P for the parent item) and {@code type} its item type (CHASSIS...)
     */
    public record Orderable(String productId, String description, String pillarCode, String pillar, String position,
            String type) {
    }

    /** The contract's site: the customer and where the device is. */
    public record Site(String customer, String address, String city, String stateProvince, String postalCode,
            String country) {
        public static final Site NONE = new Site("", "", "", "", "", "");

        public List<String> parts() {
            return java.util.stream.Stream.of(customer, address, city, stateProvince, postalCode, country)
                    .filter(s -> !s.isEmpty()).toList();
        }
    }

    public SerialCoverage {
        baseProductIds = List.copyOf(baseProductIds);
        orderable = List.copyOf(orderable);
    }

    public boolean found() {
        return errorCode.isEmpty();
    }

    /** The serial or instance number this answers: for a question by instance number, the instance number. */
    public String key(boolean byInstance) {
        return byInstance && !instanceNumber.isEmpty() || serial.isEmpty() ? instanceNumber : serial;
    }
}
