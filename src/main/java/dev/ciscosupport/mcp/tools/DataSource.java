package dev.ciscosupport.mcp.tools;

/** Where answers come from; results from the sandbox say so, so nobody mistakes them for Cisco's data. */
public enum DataSource {
    CISCO("cisco"), SANDBOX("sandbox");

    static final String SANDBOX_NOTE = "[sandbox] Simulated data from the embedded Cisco sandbox, not from Cisco.";

    private final String label;

    DataSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
