package dev.ciscosupport.mcp.config;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The Cisco APIs a user can switch on with {@code SUPPORT_API}; names as the TypeScript server uses them. */
public enum SupportApi {
    BUG("bug", "Bug API"),
    CASE("case", "Case API"),
    EOX("eox", "EoX API"),
    PSIRT("psirt", "PSIRT openVuln API"),
    PRODUCT("product", "Product Information API"),
    SERIAL("serial", "Serial Number to Information API"),
    RMA("rma", "Service Order Return (RMA) API"),
    SOFTWARE("software", "Software Suggestion API"),
    /**
     * Cisco's Smart Bonding API: TAC tickets opened, updated and followed from the assistant. Its own host, credentials
     * and quota; not part of {@code all} (as on the TypeScript server), since its tools change things at Cisco.
     */
    SMART_BONDING("smart_bonding", "Smart Bonding API");

    private final String settingName;
    private final String displayName;

    SupportApi(String settingName, String displayName) {
        this.settingName = settingName;
        this.displayName = displayName;
    }

    /** The lower-case name used in {@code SUPPORT_API}. */
    public String settingName() {
        return settingName;
    }

    /** How Cisco names the API in its documentation; used in messages to people. */
    public String displayName() {
        return displayName;
    }

    /** The Support APIs {@code all} names: every API but Smart Bonding, which is switched on by name only. */
    public static Set<SupportApi> all() {
        return EnumSet.complementOf(EnumSet.of(SMART_BONDING));
    }

    public static Optional<SupportApi> fromSettingName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(api -> api.settingName.equals(wanted)).findFirst();
    }

    /** "bug, case, eox, ..." for error messages. */
    public static String allSettingNames() {
        return Arrays.stream(values()).map(SupportApi::settingName).collect(Collectors.joining(", "));
    }
}
