package dev.ciscosupport.mcp.fleet;

/** A line of the inventory that gave no device, and why: listed back to the engineer, never dropped in silence. */
public record Rejected(int line, String text, String why) {
    private static final int SHOWN = 80;

    /** The line as shown back: printable and short (it is the engineer's own text, echoed to their model). */
    static Rejected of(int line, String text, String why) {
        String clean = text.strip().replaceAll("[^\\x20-\\x7E]", "?");
        return new Rejected(line, clean.length() > SHOWN ? clean.substring(0, SHOWN - 3) + "..." : clean, why);
    }
}
