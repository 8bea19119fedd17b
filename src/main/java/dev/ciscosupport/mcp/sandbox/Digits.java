package dev.ciscosupport.mcp.sandbox;

/**
 * Numbers written with leading zeros, as {@code String.format("%05d")} writes them, without its format parsing: the
 * sandbox writes thousands of them as it starts (serial numbers, bug IDs), and {@code String.format} was a third of the
 * CPU a {@code --sandbox} start spent on the sandbox.
 */
final class Digits {
    private Digits() {
    }

    /** {@code value} (not negative) in at least {@code width} digits. */
    static String padded(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
