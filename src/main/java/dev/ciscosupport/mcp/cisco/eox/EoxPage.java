package dev.ciscosupport.mcp.cisco.eox;

import dev.ciscosupport.mcp.cisco.Page;
import java.util.List;

/** The records of an EoX query (merged when the inputs took several calls), and where the paging stands. */
public record EoxPage(List<EoxRecord> records, Page page, int ciscoCalls) {
    public EoxPage {
        records = List.copyOf(records);
    }
}
