package dev.ciscosupport.mcp.cisco.eox;

import java.util.List;
import java.util.Map;

/**
 * One record of Cisco's EoX API: a product's end-of-life milestones, or, when {@code errorCode} is set,
 * Cisco's word that it has no EoX information for the inputs (a normal answer: the product has not been
 * announced for end of life, or the input matched nothing).
 *
 * @param milestones dates (YYYY-MM-DD) by name, in Cisco's order; a date Cisco left empty is absent
 * @param inputs     what was asked that this record answers; Cisco may answer several serials with one record
 * @param errorDataType what Cisco's record-level error is about when it is not the input itself, e.g.
 *                      {@code PRODUCT_BULLETIN} (with the bulletin in {@code errorDataValue})
 */
public record EoxRecord(
        String productId,
        String description,
        String bulletinNumber,
        String bulletinUrl,
        Map<String, String> milestones,
        Migration migration,
        List<String> inputs,
        String errorCode,
        String errorDescription,
        String errorDataType,
        String errorDataValue) {

    /** Cisco's migration advice: the replacement product, how to migrate, and where to read about it. */
    public record Migration(String productId, String productName, String information, String option, String strategy,
            String infoUrl) {
        public static final Migration NONE = new Migration("", "", "", "", "", "");
    }

    public EoxRecord {
        milestones = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(milestones));
        inputs = List.copyOf(inputs);
    }

    public boolean found() {
        return errorCode.isEmpty();
    }
}
