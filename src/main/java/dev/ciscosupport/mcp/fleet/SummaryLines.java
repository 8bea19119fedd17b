package dev.ciscosupport.mcp.fleet;

import java.util.ArrayList;
import java.util.List;

/** The counts of a fleet summary for people: the tool's text and the Markdown report say them the same way. */
public final class SummaryLines {
    private SummaryLines() {
    }

    public static List<String> of(FleetReport.Summary s) {
        List<String> parts = new ArrayList<>();
        s.advisoriesBySeverity().forEach((severity, devices) -> parts.add(severity + " " + devices));
        return List.of("Advisories (devices by most severe): " + String.join(", ", parts) + "; not checked "
                        + s.notChecked().get("advisories"),
                "End of life: past end of support " + s.pastEndOfSupport() + ", end of support soon " + s.endOfSupportSoon()
                        + ", announced for later " + s.announced() + ", no EoX record " + s.noEoxRecord() + ", not checked "
                        + s.notChecked().get("lifecycle"),
                "Coverage: covered " + s.covered() + " (contracts ending soon " + s.contractsEndingSoon() + "), not covered "
                        + s.notCovered() + ", no record at Cisco " + s.noCoverageRecord() + ", not checked "
                        + s.notChecked().get("coverage"),
                "Suggested release: devices not on it " + s.notOnSuggestedRelease() + ", without a suggestion "
                        + s.noSuggestedRelease());
    }
}
