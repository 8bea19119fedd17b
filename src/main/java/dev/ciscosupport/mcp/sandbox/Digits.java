package dev.ciscosupport.mcp.sandbox;

/**
 * Numbers written as {@code String.format} writes them ({@code "%05d"}, {@code "%.1f"}), without its format parsing: the
 * sandbox writes thousands of them as it starts (serial numbers, bug IDs, scores), and {@code String.format} was a third
 * of the CPU a {@code --sandbox} start spent on the sandbox.
 */
final class Digits {
    private Digits() {
    }

    /** {@code value} (not negative) in at least {@code width} digits. */
    static String padded(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** {@code tenths} (not negative) tenths with one decimal, as {@code "%.1f"} writes them: 73 is {@code 7.3}. */
    static String tenths(int tenths) {
        return tenths / 10 + "." + tenths % 10;
    }
}
