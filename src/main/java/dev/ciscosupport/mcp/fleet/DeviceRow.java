package dev.ciscosupport.mcp.fleet;

import java.util.List;

/**
 * One device's line of the fleet report. Every check says what it found, "no record" when Cisco has none (which is not
 * "fine"), or "not checked: why".
 *
 * @param advisories    "checked", or "not checked: ..." / "Cisco refused: ..."
 * @param advisoryIds   the advisories at or above the threshold, most severe first
 * @param lifecycle     past end of support / end of support soon / end of life announced / no EoX record / not checked: ...
 * @param coverage      covered / not covered / no record / not checked: ...
 * @param suggested     Cisco's suggested release for the product, "" when none
 * @param onSuggested   yes / no / "" (no version or no suggestion to compare)
 */
public record DeviceRow(Device device, String productId, String advisories, int critical, int high, int medium, int low,
        List<String> advisoryIds, String lifecycle, String endOfSale, String endOfVulnerabilitySupport,
        String lastDateOfSupport, String replacement, String bulletin, String coverage, String coverageEnd,
        String serviceLevel, String contract, boolean contractEndsSoon, String warrantyEnd, String suggested,
        String onSuggested) {

    public static final String PAST_END_OF_SUPPORT = "past end of support";
    public static final String END_OF_SUPPORT_SOON = "end of support soon";
    public static final String ANNOUNCED = "end of life announced";
    public static final String NO_EOX_RECORD = "no EoX record";
    public static final String COVERED = "covered";
    public static final String NOT_COVERED = "not covered";
    public static final String NO_RECORD = "no record";

    public DeviceRow {
        advisoryIds = List.copyOf(advisoryIds);
    }

    /** The most severe advisory counted, or "none" / "" (not checked). */
    public String highest() {
        if (!advisories.equals("checked")) {
            return "";
        }
        return critical > 0 ? "critical" : high > 0 ? "high" : medium > 0 ? "medium" : low > 0 ? "low" : "none";
    }

    /** How bad the device's state is, for the worst-ten list: advisories first, then support, then coverage. */
    public long badness() {
        return critical * 100_000L + high * 10_000L + (lifecycle.equals(PAST_END_OF_SUPPORT) ? 5_000 : 0)
                + (coverage.equals(NOT_COVERED) ? 2_000 : 0) + (lifecycle.equals(END_OF_SUPPORT_SOON) ? 1_000 : 0)
                + medium * 10L + low;
    }
}
