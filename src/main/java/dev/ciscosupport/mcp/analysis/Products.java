package dev.ciscosupport.mcp.analysis;

/** What a product argument names. */
public final class Products {
    private Products() {
    }

    /**
     * True for a product name or series ("Cisco Catalyst 9300 Series Switches"), which the TypeScript server's
     * descriptions suggest: bugs are then searched by series, and what needs a product ID says so.
     */
    public static boolean isName(String product) {
        return product.strip().contains(" ");
    }
}
