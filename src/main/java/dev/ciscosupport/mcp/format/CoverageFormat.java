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

    public static String line(SerialCoverage c) {
        if (!c.found()) {
            return c.key() + " | no record (not a serial Cisco knows, or not visible to this Cisco account)";
        }
        List<String> parts = new ArrayList<>();
        parts.add(c.key());
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
            parts.add("warranty " + c.warrantyType() + (c.warrantyEndDate().isEmpty() ? "" : " until " + c.warrantyEndDate()));
        }
        if (!c.customer().isEmpty()) {
            parts.add(String.join(", ", List.of(c.customer(), c.city(), c.country()).stream().filter(s -> !s.isEmpty()).toList()));
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
            return om;
        }).toList());
        m.put("contract_number", c.contractNumber());
        m.put("service_line", c.serviceLine());
        m.put("warranty_type", c.warrantyType());
        m.put("warranty_end_date", c.warrantyEndDate());
        m.put("customer", c.customer());
        m.put("city", c.city());
        m.put("country", c.country());
        m.put("error_code", c.errorCode());
        return m;
    }
}
