package dev.ciscosupport.mcp.tools;

/**
 * The arguments of a lookup by a list of IDs, whatever its ID argument is called ({@code serial_numbers},
 * {@code product_ids}, {@code mdf_ids}...): implemented by the lookups' argument records.
 */
interface IdList extends Paged {
    /** The comma-separated IDs, as given. */
    String list();
}
