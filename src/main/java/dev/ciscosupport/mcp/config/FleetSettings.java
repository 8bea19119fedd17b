package dev.ciscosupport.mcp.config;

import java.time.Duration;

/**
 * How far {@code check_fleet} goes on its own (README, "Fleet check").
 *
 * @param confirmAfter   {@code FLEET_CONFIRM_SECONDS}: a check planned to take longer asks the user first (elicitation); 0: every check
 * @param unattendedCalls {@code FLEET_UNATTENDED_MAX_CALLS}: where the client cannot ask, a check planned to make more
 *                        Cisco calls than this is refused with a sentence
 * @param maxDevices     {@code FLEET_MAX_DEVICES}: the most devices one check takes
 * @param reportsKept    {@code FLEET_REPORT_MINUTES}: how long each caller's reports can be read
 */
public record FleetSettings(Duration confirmAfter, int unattendedCalls, int maxDevices, Duration reportsKept) {

    public static FleetSettings defaults() {
        return SettingsLoader.defaults().fleet();
    }
}
