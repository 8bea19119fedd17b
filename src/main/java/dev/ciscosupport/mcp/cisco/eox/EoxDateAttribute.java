package dev.ciscosupport.mcp.cisco.eox;

/**
 * The milestones {@code EOXByDates} searches on ({@code eoxAttrib}), as Cisco names them; {@code UPDATE_TIMESTAMP} (the
 * default: when the record last changed) and {@code UPDATED_TIMESTAMP} are the same search and are not sent.
 */
public enum EoxDateAttribute {
    EO_EXT_ANNOUNCE_DATE, EO_SALES_DATE, EO_FAIL_ANALYSIS_DATE, EO_SVC_ATTACH_DATE, EO_SW_MAINTENANCE_DATE,
    EO_SECURITY_VUL_SUPPORT_DATE, EO_CONTRACT_RENEW_DATE, EO_LAST_SUPPORT_DATE, UPDATE_TIMESTAMP, UPDATED_TIMESTAMP
}
