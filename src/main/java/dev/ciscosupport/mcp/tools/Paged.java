package dev.ciscosupport.mcp.tools;

/** The arguments of a tool that asks Cisco for one page of an answer. */
interface Paged {
    Integer pageIndex();

    /** The page asked for: Cisco's pages start at 1. */
    default int page() {
        return pageIndex() == null ? 1 : pageIndex();
    }
}
