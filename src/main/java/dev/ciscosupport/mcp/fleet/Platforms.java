package dev.ciscosupport.mcp.fleet;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Cisco's software checker (openVuln {@code /OSType/{type}?version=&platformAlias=}) needs of a device, read from
 * what an inventory says: the OS type under the checker's name, the version as Cisco writes it, and for NX-OS, ASA, FTD
 * and FXOS the platform alias (SPEC 6.1: the checker's answer for those OS types depends on the platform).
 */
public final class Platforms {
    /** The OS types the software checker takes (SPEC 6.1). */
    public static final List<String> CHECKED = List.of("ios", "iosxe", "nxos", "asa", "ftd", "fxos", "fmc", "aci");
    /** IOS XR: named here so a device running it is reported as not checkable rather than as unknown. */
    public static final String IOS_XR = "iosxr";

    /** Product ID prefixes and the OS they run when the inventory does not say (the common cases, not every product). */
    private static final List<Map.Entry<Pattern, String>> OS_BY_PID = List.of(
            Map.entry(Pattern.compile("^(N[1-9]K-|N[1-9]K|NEXUS|DS-C9)"), "nxos"),
            Map.entry(Pattern.compile("^(ASR-9|ASR9|NCS-?5|NCS-?540|NCS-?6|8[0-9]{3}-|CRS-)"), IOS_XR),
            Map.entry(Pattern.compile("^(ASA5[0-9]{3}-?X|ASA5|ISA-?3000)"), "asa"),
            Map.entry(Pattern.compile("^FPR"), "ftd"),
            Map.entry(Pattern.compile("^(C9[2-9]00|C9[0-9]{3}[A-Z]|C8[0-9]00|C83|C82|ISR4|ASR1|C1[01][0-9]{2}|C9800|IE-3[1-4]|IR1[0-9]{3}|CAT9)"), "iosxe"),
            Map.entry(Pattern.compile("^(WS-C|CISCO[0-9]|C29|C3560|IE-[24]|IE-1000|C1[0-9]{3}-|CGR|ISR-?[0-9]G)"), "ios"));
    /** Platform aliases by product ID prefix (SPEC 6.1's documented aliases, per OS type as openVulnQuery maps them). */
    private static final List<Map.Entry<Pattern, String>> ALIAS_BY_PID = List.of(
            Map.entry(Pattern.compile("^(N9K|NEXUS ?9)"), "NEXUS9000"), Map.entry(Pattern.compile("^(N3K|NEXUS ?3)"), "NEXUS3000"),
            Map.entry(Pattern.compile("^(N5K|NEXUS ?5)"), "NEXUS5000"), Map.entry(Pattern.compile("^(N6K|NEXUS ?6)"), "NEXUS6000"),
            Map.entry(Pattern.compile("^(N7K|N77|NEXUS ?7)"), "NEXUS7000"), Map.entry(Pattern.compile("^(N1K|NEXUS ?1000V)"), "NEXUS1000V"),
            Map.entry(Pattern.compile("^DS-C9"), "MDS9000"), Map.entry(Pattern.compile("^ASAV"), "ASAV"),
            Map.entry(Pattern.compile("^ASA5[0-9]{3}-?X"), "ASA5500X"), Map.entry(Pattern.compile("^ASA5"), "ASA5500"),
            Map.entry(Pattern.compile("^ISA-?3000"), "ISA3000"), Map.entry(Pattern.compile("^FPR-?1[0-9]"), "FPR1000"),
            Map.entry(Pattern.compile("^FPR-?2[0-9]"), "FPR2100"), Map.entry(Pattern.compile("^FPR-?3[0-9]"), "FWL3100"),
            Map.entry(Pattern.compile("^FPR-?4[0-9]"), "FPR4100"), Map.entry(Pattern.compile("^FPR-?9[0-9]"), "FPR9000"));
    private static final Pattern IOS_TRAIN = Pattern.compile("^\\d{2}\\.\\d\\(\\d+\\)[A-Z]+\\d*[a-z]?$");
    private static final Pattern DOTTED = Pattern.compile("^(\\d{1,5})\\.(\\d{1,5})(?:\\.(\\d{1,5}))?([A-Za-z]{0,3})$");

    private Platforms() {
    }

    /**
     * The software checker's name for an OS as people write it ("IOS XE", "IOS-XE", "NX-OS", "XR"...), "iosxr" for IOS
     * XR, or "" when it is none of them.
     */
    public static String osType(String written) {
        String os = written == null ? "" : written.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (os) {
            case "ios" -> "ios";
            case "iosxe", "xe" -> "iosxe";
            case "nxos", "nx", "nexus" -> "nxos";
            case "iosxr", "xr" -> IOS_XR;
            case "asa" -> "asa";
            case "ftd", "firepower", "firepowerthreatdefense" -> "ftd";
            case "fxos" -> "fxos";
            case "fmc" -> "fmc";
            case "aci", "apic" -> "aci";
            default -> "";
        };
    }

    /** The OS a product usually runs, from its ID, or from the version's form (15.2(7)E8 is IOS); "" when unknown. */
    public static String inferOs(String productId, String version) {
        String pid = productId.toUpperCase(Locale.ROOT);
        for (Map.Entry<Pattern, String> e : OS_BY_PID) {
            if (!pid.isEmpty() && e.getKey().matcher(pid).find()) {
                return e.getValue();
            }
        }
        return IOS_TRAIN.matcher(version).matches() ? "ios" : "";
    }

    /** The checker's platform alias for a product, for the OS types whose answers depend on it; "" for the others. */
    public static String platformAlias(String osType, String productId) {
        if (!List.of("nxos", "asa", "ftd", "fxos").contains(osType)) {
            return "";
        }
        String pid = productId.toUpperCase(Locale.ROOT);
        return ALIAS_BY_PID.stream().filter(e -> e.getKey().matcher(pid).find()).map(Map.Entry::getValue).findFirst()
                .orElse("");
    }

    /**
     * A version as Cisco's checker takes it: IOS XE's {@code show version} writes 17.09.04a where the checker knows
     * 17.9.4a; other forms are kept as written.
     */
    public static String version(String written) {
        String v = written == null ? "" : written.strip();
        Matcher dotted = DOTTED.matcher(v);
        if (!dotted.matches()) {
            return v;
        }
        StringBuilder out = new StringBuilder().append(Integer.parseInt(dotted.group(1))).append('.')
                .append(Integer.parseInt(dotted.group(2)));
        if (dotted.group(3) != null) {
            out.append('.').append(Integer.parseInt(dotted.group(3)));
        }
        return out.append(dotted.group(4)).toString();
    }
}
