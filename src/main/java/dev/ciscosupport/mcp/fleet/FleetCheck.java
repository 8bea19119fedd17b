package dev.ciscosupport.mcp.fleet;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.config.Quota;
import dev.ciscosupport.mcp.config.SupportApi;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A fleet check from an inventory to its report: read the inventory, plan the Cisco calls ({@link #plan}, no call
 * made), run them ({@link #run}), judge each device, keep the files for the caller and draw the chart.
 */
public final class FleetCheck {
    private final FleetRun run;
    private final FleetReports reports;
    private final Set<SupportApi> enabled;
    private final Function<SupportApi, Quota> quotas;

    public FleetCheck(FleetRun run, FleetReports reports, Set<SupportApi> enabled, Function<SupportApi, Quota> quotas) {
        this.run = run;
        this.reports = reports;
        this.enabled = Set.copyOf(enabled);
        this.quotas = quotas;
    }

    /** An inventory read and its calls planned. */
    public record Planned(Inventory inventory, FleetPlan plan) {
    }

    /** What the check found: the report, where its files are, and the chart (PNG). */
    public record Outcome(FleetReport report, Map<SupportApi, Integer> calls, String csvUri, long csvBytes,
            String markdownUri, long markdownBytes, byte[] chart) {
    }

    /**
     * @param refused checks the caller may not have (its token's scopes), with why
     * @throws IllegalArgumentException with a sentence when the inventory lists more than {@code maxDevices}
     */
    public Planned plan(String inventory, Set<Check> checks, Map<Check, String> refused, int maxDevices) {
        Inventory read = Inventory.read(inventory, maxDevices);
        return new Planned(read, FleetPlan.of(read.devices(), checks, enabled, refused, quotas));
    }

    public Outcome run(Planned planned, FleetReport.Judgement judge, CallContext call) {
        Findings found = run.run(planned.plan(), planned.inventory().devices(), call);
        FleetReport report = FleetReport.of(planned.inventory().devices(), planned.inventory().rejected(), planned.plan(),
                found, judge);
        String csv = ReportFiles.csv(report);
        String markdown = ReportFiles.markdown(report, planned.plan(), judge);
        String id = reports.keep(call.caller(), csv, markdown);
        return new Outcome(report, Collections.unmodifiableMap(new EnumMap<>(found.calls)),
                FleetReports.URI_PREFIX + id + ".csv", FleetReports.size(csv),
                FleetReports.URI_PREFIX + id + ".md", FleetReports.size(markdown), FleetChart.png(report, judge.today()));
    }
}
