package dev.ciscosupport.mcp.cisco;

/**
 * Where a paged answer stands, read from Cisco's own paging record.
 *
 * @param index   this page, 1-based
 * @param last    the number of pages (0 or 1 when there are no results, depending on the API)
 * @param records items on this page
 * @param total   items on all pages
 */
public record Page(int index, int last, int records, int total) {
    public boolean hasNext() {
        return index < last;
    }
}
