package dev.ciscosupport.mcp.cisco.eox;

/**
 * The milestones of a product's life as Cisco's EoX API names them, the names our answers give them, and how a person
 * reads them; in Cisco's order. Those the text shows are the ones an engineer plans by.
 */
public enum EoxMilestone {
    ANNOUNCED("EOXExternalAnnouncementDate", "announced", "announced", true),
    END_OF_SALE("EndOfSaleDate", "end_of_sale", "end of sale", true),
    END_OF_SW_MAINTENANCE("EndOfSWMaintenanceReleases", "end_of_sw_maintenance", "end of SW maintenance", true),
    END_OF_VULNERABILITY_SUPPORT("EndOfSecurityVulSupportDate", "end_of_vulnerability_support",
            "end of vulnerability support", true),
    END_OF_ROUTINE_FAILURE_ANALYSIS("EndOfRoutineFailureAnalysisDate", "end_of_routine_failure_analysis",
            "end of routine failure analysis", false),
    END_OF_CONTRACT_RENEWAL("EndOfServiceContractRenewal", "end_of_contract_renewal", "end of contract renewal", false),
    END_OF_SERVICE_ATTACH("EndOfSvcAttachDate", "end_of_service_attach", "end of service attach", false),
    LAST_DATE_OF_SUPPORT("LastDateOfSupport", "last_date_of_support", "last date of support", true),
    UPDATED("UpdatedTimeStamp", "updated", "updated", false);

    /** Cisco's field. */
    public final String ciscoField;
    /** The key in our answers' {@code milestones}. */
    public final String key;
    /** How the text names it. */
    public final String label;
    /** Whether the text shows it (the structured content has them all). */
    public final boolean shown;

    EoxMilestone(String ciscoField, String key, String label, boolean shown) {
        this.ciscoField = ciscoField;
        this.key = key;
        this.label = label;
        this.shown = shown;
    }
}
