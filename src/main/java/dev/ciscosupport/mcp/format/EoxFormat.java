package dev.ciscosupport.mcp.format;

import dev.ciscosupport.mcp.cisco.eox.EoxMilestone;
import dev.ciscosupport.mcp.cisco.eox.EoxRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How EoX records look to the model: one block per product with its milestones as dates. */
public final class EoxFormat {
    private EoxFormat() {
    }

    /** The block of a product with EoX information. */
    public static String product(EoxRecord r) {
        StringBuilder out = new StringBuilder(r.productId());
        if (!r.description().isEmpty()) {
            out.append(" - ").append(r.description());
        }
        List<String> dates = new ArrayList<>();
        for (EoxMilestone milestone : EoxMilestone.values()) {
            String date = r.milestones().get(milestone.key);
            if (milestone.shown && date != null) {
                dates.add(milestone.label + " " + date);
            }
        }
        out.append("\n  ").append(dates.isEmpty() ? "no milestone dates" : String.join(" | ", dates));
        EoxRecord.Migration m = r.migration();
        String replacement = !m.productId().isEmpty() ? m.productId() : m.productName();
        List<String> migration = new ArrayList<>();
        if (!replacement.isEmpty() && !replacement.equalsIgnoreCase("No Replacement Product")) {
            migration.add(replacement);
        }
        for (String part : List.of(m.option(), m.infoUrl(), m.information(), m.strategy())) {
            if (!part.isEmpty() && !migration.contains(part)) {
                migration.add(part);
            }
        }
        if (!migration.isEmpty()) {
            out.append("\n  replacement: ").append(String.join(" | ", migration));
        }
        if (!r.bulletinNumber().isEmpty()) {
            out.append("\n  bulletin ").append(r.bulletinNumber());
            if (!r.bulletinUrl().isEmpty()) {
                out.append(" ").append(r.bulletinUrl());
            }
        }
        // What it was asked as, when that is not the product ID itself (a serial number, a wildcard, a release).
        if (!(r.inputs().size() == 1 && r.inputs().get(0).equalsIgnoreCase(r.productId()))) {
            out.append("\n  asked as: ").append(String.join(", ", r.inputs()));
        }
        return out.toString();
    }

    public static Map<String, Object> structured(EoxRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("product_id", r.productId());
        m.put("description", r.description());
        m.put("milestones", r.milestones());
        m.put("replacement_product_id", r.migration().productId());
        m.put("replacement_product_name", r.migration().productName());
        Map<String, Object> migration = new LinkedHashMap<>();
        migration.put("option", r.migration().option());
        migration.put("information", r.migration().information());
        migration.put("strategy", r.migration().strategy());
        migration.put("info_url", r.migration().infoUrl());
        m.put("migration", migration);
        m.put("bulletin_number", r.bulletinNumber());
        m.put("bulletin_url", r.bulletinUrl());
        m.put("inputs", r.inputs());
        return m;
    }
}
