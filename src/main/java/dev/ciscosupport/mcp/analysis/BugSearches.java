package dev.ciscosupport.mcp.analysis;

import dev.ciscosupport.mcp.cisco.bug.BugApi;
import dev.ciscosupport.mcp.cisco.bug.BugFilters;
import dev.ciscosupport.mcp.cisco.bug.BugPage;
import java.util.List;

/**
 * What the analysis workflows ask of Cisco's Bug API: one page of one search. An interface so that a workflow's
 * rules (which searches, in what order, when to stop) are tested on a fake, apart from Cisco's wire format.
 */
public interface BugSearches {
    BugPage byKeyword(String keyword, BugFilters filters);

    BugPage byProductId(String basePid, BugFilters filters);

    BugPage byProductIdAndRelease(String basePid, String release, BugFilters filters);

    /** Bugs of a product series (a name such as Cisco Catalyst 9300 Series Switches) affecting {@code release}. */
    BugPage bySeriesAffecting(String series, String release, BugFilters filters);

    /** The searches as Cisco's Bug API answers them. */
    static BugSearches of(BugApi api) {
        return new BugSearches() {
            @Override
            public BugPage byKeyword(String keyword, BugFilters filters) {
                return api.byKeyword(keyword, filters);
            }

            @Override
            public BugPage byProductId(String basePid, BugFilters filters) {
                return api.byProductId(basePid, filters);
            }

            @Override
            public BugPage byProductIdAndRelease(String basePid, String release, BugFilters filters) {
                return api.byProductIdAndReleases(basePid, List.of(release), filters);
            }

            @Override
            public BugPage bySeriesAffecting(String series, String release, BugFilters filters) {
                return api.byProductSeries(series, BugApi.ReleaseKind.AFFECTED, List.of(release), filters);
            }
        };
    }
}
