package dev.ciscosupport.mcp.fleet;

/**
 * One device of an inventory as the engineer gave it: where it was read ({@code source}: "line 12" or "show output of
 * sw1"), its name and site when given, and what Cisco can be asked about it. Missing fields are "".
 *
 * @param osType  the OS as Cisco's software checker names it (ios, iosxe, nxos, asa, ftd, fxos, fmc, aci), "iosxr"
 *                (which the checker does not cover), or "" when neither given nor inferable
 * @param version the software version as Cisco writes it (17.9.4a, 15.2(7)E8, 9.3(8))
 */
public record Device(String source, String hostname, String site, String serial, String productId, String osType,
        String version) {

    /** What names the device for people: its host name, else its serial, else its product ID and source. */
    public String name() {
        if (!hostname.isEmpty()) {
            return hostname;
        }
        return !serial.isEmpty() ? serial : productId + " (" + source + ")";
    }
}
