package dev.ciscosupport.mcp.fleet;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One device's pasted {@code show version} and/or {@code show inventory} output (IOS, IOS XE, NX-OS, IOS XR): its host
 * name, OS and version from the first, its chassis product ID and serial from the second (the first entry, which is
 * the chassis or the stack), or from {@code show version}'s model and serial lines when the inventory is not there.
 */
final class ShowOutput {
    private static final Pattern XE_VERSION = Pattern.compile("Cisco IOS[ -]XE Software.*?Version\\s+([0-9][\\w.()]*)");
    private static final Pattern IOS_VERSION = Pattern.compile("Cisco IOS Software.*?Version\\s+([0-9][\\w.()]*)");
    private static final Pattern XR_VERSION = Pattern.compile("Cisco IOS XR Software.*?Version\\s+([0-9][\\w.()]*)");
    private static final Pattern NX_VERSION = Pattern.compile("^\\s*(?:NXOS|system):\\s+version\\s+([0-9][\\w.()]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UPTIME = Pattern.compile("^(\\S+) uptime is ");
    private static final Pattern NX_NAME = Pattern.compile("^\\s*Device name:\\s*(\\S+)");
    private static final Pattern MODEL = Pattern.compile("^\\s*Model [Nn]umber\\s*:\\s*(\\S+)");
    private static final Pattern SYSTEM_SERIAL = Pattern.compile("^\\s*System [Ss]erial [Nn]umber\\s*:\\s*(\\S+)");
    private static final Pattern BOARD_ID = Pattern.compile("^\\s*Processor [Bb]oard ID\\s+(\\S+)");
    private static final Pattern NX_CHASSIS = Pattern.compile("^\\s*cisco (Nexus\\s?\\d+) (\\S+) [Cc]hassis");
    private static final Pattern CISCO_PROCESSOR = Pattern.compile("^cisco (\\S+) \\(.*\\) processor");
    private static final Pattern PID_LINE = Pattern.compile("^\\s*PID:\\s*([^,\\s]*)\\s*,.*SN:\\s*(\\S*)");

    private ShowOutput() {
    }

    /** Whether a line is one that only show output has (so a block without a prompt is still recognised). */
    static boolean starts(String line) {
        return line.startsWith("Cisco IOS") || line.startsWith("Cisco Nexus Operating System")
                || line.startsWith("NAME:") && line.contains("DESCR:");
    }

    /**
     * The device the block describes, or the reason it names none.
     *
     * @param hostname the prompt's host name ("" when the block had no prompt)
     */
    static Object read(String source, String hostname, String site, List<String> lines) {
        String os = "";
        String version = "";
        String name = hostname;
        String pid = "";
        String serial = "";
        String model = "";
        String systemSerial = "";
        String boardId = "";
        boolean sawNexus = false;
        for (String line : lines) {
            Matcher m;
            if (version.isEmpty() && (m = XE_VERSION.matcher(line)).find()) {
                os = "iosxe";
                version = m.group(1);
            } else if (version.isEmpty() && (m = XR_VERSION.matcher(line)).find()) {
                os = Platforms.IOS_XR;
                version = m.group(1);
            } else if (version.isEmpty() && (m = IOS_VERSION.matcher(line)).find()) {
                // IOS XE before 16 and in the second line of its banner says "Cisco IOS Software"; the image tells.
                os = line.contains("IOSXE") || line.contains("IOS-XE") ? "iosxe" : "ios";
                version = m.group(1);
            } else if (version.isEmpty() && sawNexus && (m = NX_VERSION.matcher(line)).find()) {
                os = "nxos";
                version = m.group(1);
            } else if (line.startsWith("Cisco Nexus Operating System")) {
                sawNexus = true;
            } else if (name.isEmpty() && ((m = UPTIME.matcher(line)).find() || (m = NX_NAME.matcher(line)).find())) {
                name = m.group(1);
            } else if (model.isEmpty() && (m = MODEL.matcher(line)).find()) {
                model = m.group(1);
            } else if (systemSerial.isEmpty() && (m = SYSTEM_SERIAL.matcher(line)).find()) {
                systemSerial = m.group(1);
            } else if (boardId.isEmpty() && (m = BOARD_ID.matcher(line)).find()) {
                boardId = m.group(1);
            } else if (model.isEmpty() && (m = NX_CHASSIS.matcher(line)).find()) {
                model = m.group(1).replace(" ", "").toUpperCase(Locale.ROOT).startsWith("NEXUS9")
                        ? "N9K-" + m.group(2) : m.group(2);
            } else if (model.isEmpty() && (m = CISCO_PROCESSOR.matcher(line)).find()) {
                model = m.group(1);
            } else if (pid.isEmpty() && (m = PID_LINE.matcher(line)).find()) {
                pid = m.group(1);
                serial = m.group(2);
            }
        }
        if (version.isEmpty() && sawNexus) {
            os = "nxos";
        }
        if (pid.isEmpty()) {
            pid = model;
        }
        if (serial.isEmpty()) {
            serial = !systemSerial.isEmpty() ? systemSerial : boardId;
        }
        if (pid.isEmpty() && serial.isEmpty() && version.isEmpty()) {
            return "show output with no version, product ID or serial number in it";
        }
        return new Device(source, name, site, serial.toUpperCase(Locale.ROOT),
                pid.toUpperCase(Locale.ROOT), os, Platforms.version(version));
    }
}
