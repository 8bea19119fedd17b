package dev.ciscosupport.mcp.fleet;

import java.util.List;

/** The devices an inventory lists, and the lines that gave none, each with why. */
public record Inventory(List<Device> devices, List<Rejected> rejected) {
    public Inventory {
        devices = List.copyOf(devices);
        rejected = List.copyOf(rejected);
    }

    /**
     * Reads CSV (header names matched loosely), pasted {@code show version}/{@code show inventory} output, or bare
     * serial numbers, in any mix.
     *
     * @throws IllegalArgumentException with a sentence when it lists more than {@code maxDevices}
     */
    public static Inventory read(String text, int maxDevices) {
        return InventoryReader.read(text, maxDevices);
    }
}
