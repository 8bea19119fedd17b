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
        String customer,
        String city,
        String country,
        String errorCode,
        String errorDescription) {

    /** An orderable product ID, with the service pillar or item description Cisco gives for it. */
    public record Orderable(String productId, String description, String pillarCode, String pillar) {
    }

    public SerialCoverage {
        baseProductIds = List.copyOf(baseProductIds);
        orderable = List.copyOf(orderable);
    }

    public boolean found() {
        return errorCode.isEmpty();
    }

    /** The serial or instance number this answers. */
    public String key() {
        return serial.isEmpty() ? instanceNumber : serial;
    }
}
