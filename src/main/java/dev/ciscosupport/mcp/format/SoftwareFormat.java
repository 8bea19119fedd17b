package dev.ciscosupport.mcp.format;

import dev.ciscosupport.mcp.cisco.software.SoftwareProduct;
import dev.ciscosupport.mcp.cisco.software.SoftwareRelease;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How software suggestions look to the model: the suggested release first, then the others, then images. */
public final class SoftwareFormat {
    private SoftwareFormat() {
    }

    public static String block(SoftwareProduct p) {
        if (!p.found()) {
            return p.input() + " | no suggestions (" + p.errorCode() + (p.errorDescription().isEmpty() ? "" : ": "
                    + p.errorDescription()) + ")" + (p.errorAction().isEmpty() ? "" : "; Cisco suggests: " + p.errorAction());
        }
        List<String> about = new ArrayList<>();
        for (String value : List.of(p.name(), p.softwareType(), p.mdfId().isEmpty() ? "" : "MDF " + p.mdfId())) {
            if (!value.isEmpty()) {
                about.add(value);
            }
        }
        StringBuilder out = new StringBuilder(p.basePid().isEmpty() ? p.input() : p.basePid());
        if (!about.isEmpty()) {
            out.append(" (").append(String.join(", ", about)).append(')');
        }
        List<String> others = new ArrayList<>();
        SoftwareRelease suggested = null;
        for (SoftwareRelease r : p.releases()) {
            if (r.suggested() && suggested == null) {
                suggested = r;
            } else {
                others.add(r.release() + (r.lifecycle().isEmpty() ? "" : " (" + r.lifecycle() + ")"));
            }
        }
        if (suggested != null) {
            out.append("\n  suggested: ").append(suggested.release())
                    .append(suggested.displayName().isEmpty() ? "" : " [" + suggested.displayName() + "]")
                    .append(" (").append(suggested.lifecycle())
                    .append(suggested.releaseDate().isEmpty() ? "" : ", released " + suggested.releaseDate()).append(')');
            for (SoftwareRelease.Image image : suggested.images()) {
                out.append("\n  image: ").append(image.name());
                if (!image.requiredDram().isEmpty()) {
                    out.append(" (needs ").append(image.requiredDram()).append(" MB DRAM, ").append(image.requiredFlash())
                            .append(" MB flash)");
                }
            }
        }
        if (!others.isEmpty()) {
            out.append("\n  ").append(suggested == null ? "releases: " : "also: ").append(String.join(" | ", others));
        }
        return out.toString();
    }

    public static Map<String, Object> structured(SoftwareProduct p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", p.input());
        m.put("found", p.found());
        m.put("base_pid", p.basePid());
        m.put("mdf_id", p.mdfId());
        m.put("product_name", p.name());
        m.put("software_type", p.softwareType());
        if (!p.found()) {
            m.put("error_message", p.errorDescription());
            m.put("suggested_action", p.errorAction());
        }
        m.put("releases", p.releases().stream().map(r -> {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("release", r.release());
            rm.put("release_alt", r.releaseAlt());
            rm.put("display_name", r.displayName());
            rm.put("train_display_name", r.trainDisplayName());
            rm.put("suggested", r.suggested());
            rm.put("lifecycle", r.lifecycle());
            rm.put("release_date", r.releaseDate());
            rm.put("major_release", r.majorRelease());
            rm.put("train", r.train());
            rm.put("images", r.images().stream().map(i -> {
                Map<String, Object> im = new LinkedHashMap<>();
                im.put("name", i.name());
                im.put("size", i.size());
                im.put("feature_set", i.featureSet());
                im.put("description", i.description());
                im.put("required_dram", i.requiredDram());
                im.put("required_flash", i.requiredFlash());
                return im;
            }).toList());
            return rm;
        }).toList());
        m.put("error_code", p.errorCode());
        return m;
    }
}
