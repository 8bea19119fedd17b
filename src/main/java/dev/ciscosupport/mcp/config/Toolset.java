package dev.ciscosupport.mcp.config;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Groups of tools that {@code MCP_TOOLSETS} (or {@code --toolsets}) lists, so a client pays on every turn only for
 * the tools its users need: one per Cisco API, the Bug API's analysis and sampling tools, and {@code core}, the
 * lookups most conversations start with. Toolsets choose what is <em>listed</em>; {@code SUPPORT_API} still chooses
 * which APIs are called (an analysis tool uses every enabled API).
 */
public enum Toolset {
    CORE("core", "the most used lookups of every API"),
    BUG("bug", "Bug API searches"),
    ANALYSIS("analysis", "multi-API analysis: version comparison, severity sweeps, search plans"),
    SAMPLING("sampling", "tools that ask the client's model"),
    PSIRT("psirt", "security advisories"),
    EOX("eox", "end-of-life dates"),
    FLEET("fleet", "a whole inventory's advisories, end of life and coverage at once (check_fleet)"),
    PRODUCT("product", "product information"),
    SERIAL("serial", "serial number coverage"),
    SOFTWARE("software", "software suggestions"),
    CASE("case", "support cases"),
    RMA("rma", "returns (RMAs)"),
    SMART_BONDING("smart_bonding", "Cisco TAC tickets through Smart Bonding: open, update, escalate, close, attach, follow");

    /**
     * {@code core}: one or two lookups per API, the questions a network engineer asks first (what is this bug, is
     * this release affected, when does this product go end of life, is this serial covered, what is the case's
     * state). About a quarter of the whole list's tokens.
     */
    public static final List<String> CORE_TOOLS = List.of("get_bug_details", "search_bugs_by_keyword",
            "search_bugs_by_product_and_release", "get_security_advisory_by_id", "get_security_advisory_by_cve",
            "get_security_advisories_by_software_version", "get_eox_by_product_id", "get_eox_by_serial_number",
            "get_product_info_by_product_ids", "get_coverage_summary_by_serial", "get_software_releases_by_product_ids",
            "get_case_details", "get_rma_details");

    private final String settingName;
    private final String summary;

    Toolset(String settingName, String summary) {
        this.settingName = settingName;
        this.summary = summary;
    }

    public String settingName() {
        return settingName;
    }

    public String summary() {
        return summary;
    }

    /**
     * The API whose tools this toolset lists ({@code analysis} and {@code sampling} tools are the Bug API's, and
     * {@code fleet}'s the EoX API's, which every fleet check uses), or null for core.
     */
    public SupportApi api() {
        return switch (this) {
            case CORE -> null;
            case BUG, ANALYSIS, SAMPLING -> SupportApi.BUG;
            case FLEET -> SupportApi.EOX;
            default -> SupportApi.valueOf(name());
        };
    }

    /** The toolset of an API's tools ({@code bug} for the Bug API's searches). */
    public static Toolset of(SupportApi api) {
        return valueOf(api.name());
    }

    /** Every toolset: the default, so {@code SUPPORT_API} alone decides, as it did for the TypeScript server. */
    public static Set<Toolset> all() {
        return EnumSet.allOf(Toolset.class);
    }

    /** {@code MCP_TOOLSETS}: a comma list of toolset names, {@code all} or {@code default}; null means all. */
    public static Set<Toolset> parse(String text) {
        return parse(text, "MCP_TOOLSETS");
    }

    /** The same list from {@code source} (a setting, or the {@code X-MCP-Toolsets} header of an HTTP request). */
    public static Set<Toolset> parse(String text, String source) {
        if (text == null) {
            return all();
        }
        EnumSet<Toolset> out = EnumSet.noneOf(Toolset.class);
        for (String raw : text.split(",")) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals("all") || name.equals("default")) {
                out.addAll(all());
                continue;
            }
            out.add(Arrays.stream(values()).filter(t -> t.settingName.equals(name)).findFirst().orElseThrow(
                    () -> new SettingsException(source + ": unknown toolset \"" + SettingsLoader.printable(raw.strip())
                            + "\"; use a comma list of " + names() + ", or all.")));
        }
        if (out.isEmpty()) {
            throw new SettingsException(source + " names no toolset; use a comma list of " + names() + ", or all.");
        }
        return out;
    }

    /** Whether a tool of {@code toolset} is among {@code chosen}: its toolset is, or it is a core lookup and core is. */
    public static boolean lists(Set<Toolset> chosen, Toolset toolset, String toolName) {
        return chosen.contains(toolset) || chosen.contains(CORE) && CORE_TOOLS.contains(toolName);
    }

    static String names() {
        return Arrays.stream(values()).map(Toolset::settingName).collect(Collectors.joining(", "));
    }
}
