package dev.ciscosupport.mcp.fleet;

/** A line of the inventory that gave no device, and why: listed back to the engineer, never dropped in silence. */
public record Rejected(int line, String text, String why) {
    private static final int SHOWN = 80;

    static Rejected of(int line, String text, String why) {
        return new Rejected(line, shown(text), why);
    }

    /** The inventory's text as shown back: printable and short (the engineer's own text, echoed to their model). */
    static String shown(String text) {
        String clean = text.strip().replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > SHOWN ? clean.substring(0, SHOWN - 3) + "..." : clean;
    }
}
