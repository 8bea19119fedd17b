package dev.ciscosupport.mcp.sandbox;

import java.time.LocalDate;

/**
 * A product of the sandbox's EoX data: its milestones (null when not announced), and what replaces it.
 *
 * @param osType   for software products, the OS type an EoX software search names (IOS, IOS-XE, NX-OS...); else null
 * @param release  for software products, the release they carry; else null
 */
record EoxProduct(String productId, String description, String bulletin, LocalDate announced, LocalDate endOfSale,
        LocalDate endOfSwMaintenance, LocalDate endOfSecurityVulSupport, LocalDate endOfRoutineFailureAnalysis,
        LocalDate endOfContractRenewal, LocalDate lastDateOfSupport, LocalDate endOfServiceAttach, LocalDate updated,
        String migrationProductId, String osType, String release) {

    boolean hasEox() {
        return announced != null;
    }

    /** The date an {@code eoxAttrib} of EOXByDates filters on. */
    LocalDate milestone(String attribute) {
        return switch (attribute) {
            case "EO_EXT_ANNOUNCE_DATE" -> announced;
            case "EO_SALES_DATE" -> endOfSale;
            case "EO_FAIL_ANALYSIS_DATE" -> endOfRoutineFailureAnalysis;
            case "EO_SVC_ATTACH_DATE" -> endOfServiceAttach;
            case "EO_SW_MAINTENANCE_DATE" -> endOfSwMaintenance;
            case "EO_SECURITY_VUL_SUPPORT_DATE" -> endOfSecurityVulSupport;
            case "EO_CONTRACT_RENEW_DATE" -> endOfContractRenewal;
            case "EO_LAST_SUPPORT_DATE" -> lastDateOfSupport;
            default -> updated; // UPDATE_TIMESTAMP, or the WADL's UPDATED_TIMESTAMP
        };
    }
}
