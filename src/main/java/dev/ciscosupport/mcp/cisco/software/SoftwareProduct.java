package dev.ciscosupport.mcp.cisco.software;

import java.util.List;

/**
 * A product and the releases Cisco suggests for it, or Cisco's error for that input.
 *
 * @param input what was asked (a product ID or an MDF ID)
 */
public record SoftwareProduct(String input, String basePid, String mdfId, String name, String softwareType,
        List<SoftwareRelease> releases, String errorCode, String errorDescription, String errorAction) {

    public SoftwareProduct {
        releases = List.copyOf(releases);
    }

    public boolean found() {
        return errorCode.isEmpty();
    }
}
