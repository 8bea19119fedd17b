package dev.ciscosupport.mcp.format;

import dev.ciscosupport.mcp.cisco.serial.SerialCoverage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How serial-number coverage looks to the model: one line per serial, in the order asked. */
public final class CoverageFormat {
    private CoverageFormat() {
    }

    /**
     * The warranty description (Cisco's link to its warranty terms) when every serial with a warranty has the same one,
     * to say once above the lines rather than on each (some 400 tokens in 50 serials); else "".
     */
    public static String sharedWarrantyTerms(List<SerialCoverage> items) {
        List<String> terms = items.stream().filter(SerialCoverage::found).filter(c -> !c.warrantyType().isEmpty())
                .map(SerialCoverage::warrantyDescription).distinct().toList();
        return items.size() > 1 && terms.size() == 1 ? terms.get(0) : "";
    }

    /**
     * @param byInstance  the question was by instance number: lines start with it
     * @param sharedTerms the warranty description said once for all lines ({@link #sharedWarrantyTerms}), left out here
     */
    public static String line(SerialCoverage c, boolean byInstance, String sharedTerms) {
        if (!c.found()) {
            return c.key(byInstance) + " | no record (not " + (byInstance ? "an instance number" : "a serial") + " Cisco knows,"
                    + " or not visible to this Cisco account)" + (c.errorDescription().isEmpty() && c.errorAction().isEmpty()
                    ? "" : ": Cisco says " + String.join("; ", java.util.stream.Stream.of(c.errorDescription(), c.errorAction())
                    .filter(s -> !s.isEmpty()).toList()));
        }
        List<String> parts = new ArrayList<>();
        parts.add(c.key(byInstance));
        if (byInstance && !c.serial().isEmpty()) {
            parts.add("serial " + c.serial());
        }
        List<String> pids = new ArrayList<>(c.baseProductIds());
        c.orderable().stream().map(SerialCoverage.Orderable::productId).filter(p -> !pids.contains(p)).distinct()
                .forEach(pids::add);
        if (!pids.isEmpty()) {
            parts.add(String.join(" ", pids));
        }
        if (c.covered().equals("YES")) {
            parts.add("covered" + (c.coverageEndDate().isEmpty() ? "" : " until " + c.coverageEndDate()));
        } else if (c.covered().equals("NO")) {
            parts.add("not covered" + (c.coverageEndDate().isEmpty() ? "" : " (coverage ended " + c.coverageEndDate() + ")"));
        }
        if (!c.owned().isEmpty()) {
            parts.add("owned by this CCO ID: " + c.owned().toLowerCase(java.util.Locale.ROOT));
        }
        if (!c.contractNumber().isEmpty()) {
            parts.add("contract " + c.contractNumber() + (c.serviceLine().isEmpty() ? "" : " (" + c.serviceLine() + ")"));
        }
        if (!c.warrantyType().isEmpty()) {
            parts.add("warranty " + c.warrantyType() + (c.warrantyEndDate().isEmpty() ? "" : " until " + c.warrantyEndDate())
                    + (c.warrantyDescription().isEmpty() || c.warrantyDescription().equals(sharedTerms) ? ""
                    : " (" + c.warrantyDescription() + ")"));
        }
        if (!c.site().parts().isEmpty()) {
            parts.add(String.join(", ", c.site().parts()));
        }
        if (!c.parent().isEmpty()) {
            parts.add("part of " + c.parent());
        }
        List<String> pillars = c.orderable().stream().map(SerialCoverage.Orderable::pillar).filter(p -> !p.isEmpty()).toList();
        if (!pillars.isEmpty()) {
            parts.add("service pillars: " + String.join(", ", pillars));
        }
        return String.join(" | ", parts);
    }

    public static Map<String, Object> structured(SerialCoverage c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serial_number", c.serial());
        m.put("instance_number", c.instanceNumber());
        m.put("found", c.found());
        m.put("covered", c.covered());
        m.put("coverage_end_date", c.coverageEndDate());
        m.put("owned", c.owned());
        m.put("base_product_ids", c.baseProductIds());
        m.put("orderable", c.orderable().stream().map(o -> {
            Map<String, Object> om = new LinkedHashMap<>();
            om.put("product_id", o.productId());
            om.put("description", o.description());
            om.put("pillar_code", o.pillarCode());
            om.put("pillar", o.pillar());
            om.put("item_position", o.position());
            om.put("item_type", o.type());
            return om;
        }).toList());
        m.put("contract_number", c.contractNumber());
        m.put("service_line", c.serviceLine());
        m.put("warranty_type", c.warrantyType());
        m.put("warranty_end_date", c.warrantyEndDate());
        m.put("warranty_description", c.warrantyDescription());
        m.put("parent", c.parent());
        m.put("customer", c.site().customer());
        m.put("address", c.site().address());
        m.put("city", c.site().city());
        m.put("state_province", c.site().stateProvince());
        m.put("postal_code", c.site().postalCode());
        m.put("country", c.site().country());
        m.put("error_code", c.errorCode());
        if (!c.found()) {
            m.put("error_message", c.errorDescription());
            m.put("suggested_action", c.errorAction());
        }
        return m;
    }
}
