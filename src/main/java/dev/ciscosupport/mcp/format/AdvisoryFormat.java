package dev.ciscosupport.mcp.format;

import dev.ciscosupport.mcp.cisco.psirt.SecurityAdvisory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How security advisories look to the model: a compact block each, CVSS, CWE and first fixes kept. */
public final class AdvisoryFormat {
    static final int SUMMARY_CHARS = 600;
    /** Said with every empty answer: no advisory found is not the same as safe. */
    public static final String NOT_PROOF = "No advisory matched. An empty answer is not proof of safety: the release may"
            + " simply not be listed; check the advisories for the product and Cisco's Software Checker.";

    private AdvisoryFormat() {
    }

    public static String block(SecurityAdvisory a, boolean withSummary, boolean withProducts) {
        StringBuilder out = new StringBuilder(a.advisoryId()).append(" | ").append(a.severity());
        if (!a.cvssBaseScore().isEmpty()) {
            out.append(" | CVSS ").append(a.cvssBaseScore());
        }
        if (!a.cves().isEmpty()) {
            out.append(" | ").append(String.join(" ", a.cves()));
        }
        out.append(" | published ").append(date(a.firstPublished()));
        if (!a.lastUpdated().isEmpty() && !date(a.lastUpdated()).equals(date(a.firstPublished()))) {
            out.append(" (updated ").append(date(a.lastUpdated())).append(')');
        }
        out.append("\n  ").append(a.title());
        List<String> facts = new ArrayList<>();
        if (!a.bugIds().isEmpty()) {
            facts.add("bugs: " + String.join(" ", a.bugIds()));
        }
        if (!a.cwe().isEmpty()) {
            facts.add(String.join(" ", a.cwe()));
        }
        if (!a.firstFixed().isEmpty()) {
            facts.add("first fixed: " + String.join(" ", a.firstFixed()));
        }
        for (SecurityAdvisory.PlatformFix p : a.platforms()) {
            facts.add(p.name() + " first fixed: " + String.join(" ", p.firstFixes()));
        }
        if (!facts.isEmpty()) {
            out.append("\n  ").append(String.join(" | ", facts));
        }
        if (withProducts && !a.productNames().isEmpty()) {
            out.append("\n  products: ").append(String.join("; ", a.productNames()));
        }
        if (withSummary && !a.summary().isEmpty()) {
            String summary = BugFormat.cleanDescription(a.summary()).replace('\n', ' ');
            out.append("\n  | ").append(summary.length() > SUMMARY_CHARS ? summary.substring(0, SUMMARY_CHARS) + " [...]" : summary);
        }
        out.append("\n  ").append(a.publicationUrl());
        return out.toString();
    }

    public static Map<String, Object> structured(SecurityAdvisory a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("advisory_id", a.advisoryId());
        m.put("title", a.title());
        m.put("severity", a.severity());
        m.put("cvss_base_score", a.cvssBaseScore());
        m.put("cves", a.cves());
        m.put("bug_ids", a.bugIds());
        m.put("cwe", a.cwe());
        m.put("first_published", a.firstPublished());
        m.put("last_updated", a.lastUpdated());
        m.put("status", a.status());
        m.put("version", a.version());
        m.put("product_names", a.productNames());
        m.put("first_fixed", a.firstFixed());
        m.put("platforms", a.platforms().stream().map(p -> {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("first_fixes", p.firstFixes());
            pm.put("state", p.state());
            return pm;
        }).toList());
        m.put("url", a.publicationUrl());
        m.put("csaf_url", a.csafUrl());
        m.put("cvrf_url", a.cvrfUrl());
        m.put("summary", BugFormat.cleanDescription(a.summary()));
        return m;
    }

    private static String date(String timestamp) {
        return timestamp.length() >= 10 ? timestamp.substring(0, 10) : timestamp;
    }
}
