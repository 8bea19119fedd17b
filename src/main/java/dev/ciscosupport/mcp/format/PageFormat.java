package dev.ciscosupport.mcp.format;

import dev.ciscosupport.mcp.cisco.Page;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where a paged answer stands, said the same way by every paged tool. */
public final class PageFormat {
    private PageFormat() {
    }

    /** "Title: 3 of 5 found, page 1 of 2." for a lookup of several IDs, {@code found} of them answered. */
    public static String counted(String title, long found, int asked, String verb, Page page) {
        return title + ": " + found + " of " + asked + " " + verb + position(page) + ".";
    }

    /** ", page 2 of 5" when the answer has more than one page; nothing otherwise. */
    public static String position(Page page) {
        return page.last() > 1 ? ", page " + page.index() + " of " + page.last() : "";
    }

    /** How to get the next page ("\nMore: call ..."), when there is one; nothing otherwise. */
    public static String more(String tool, Page page) {
        return page.hasNext() ? "\nMore: call " + tool + " with the same arguments and page_index=" + (page.index() + 1)
                + "." : "";
    }

    /** The page as structured content: where it stands and, when there is one, the next page's index. */
    public static Map<String, Object> structured(Page page) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("page_index", page.index());
        m.put("last_page", page.last());
        m.put("on_this_page", page.records());
        m.put("total_records", page.total());
        if (page.hasNext()) {
            m.put("next_page_index", page.index() + 1);
        }
        return m;
    }
}
