package dev.ciscosupport.mcp.cisco.psirt;

import java.util.List;

/**
 * Advisories of one query. An empty list is Cisco's NO_DATA_FOUND: no advisory matched, which is an
 * answer, not a failure (and not proof of safety).
 *
 * @param pageIndex the page asked for (1 when the endpoint does not page)
 * @param pageSize  the page size asked for (0 when the endpoint does not page)
 * @param total     matches on all pages, as Cisco counts them
 * @param hasNext   Cisco's {@code paging.next} is not {@code NA}
 */
public record AdvisoryPage(List<SecurityAdvisory> advisories, int pageIndex, int pageSize, int total, boolean hasNext) {
    public AdvisoryPage {
        advisories = List.copyOf(advisories);
    }
}
