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
 */
public record EoxRecord(
        String productId,
        String description,
        String bulletinNumber,
        String bulletinUrl,
        Map<String, String> milestones,
        String replacementProductId,
        String replacementProductName,
        String migrationInformation,
        List<String> inputs,
        String errorCode,
        String errorDescription) {

    public EoxRecord {
        milestones = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(milestones));
        inputs = List.copyOf(inputs);
    }

    public boolean found() {
        return errorCode.isEmpty();
    }
}
