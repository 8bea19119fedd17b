package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.config.FleetSettings;
import dev.ciscosupport.mcp.fleet.Check;
import dev.ciscosupport.mcp.fleet.DeviceRow;
import dev.ciscosupport.mcp.fleet.FleetCheck;
import dev.ciscosupport.mcp.fleet.FleetPlan;
import dev.ciscosupport.mcp.fleet.FleetReport;
import dev.ciscosupport.mcp.fleet.Rejected;
import dev.ciscosupport.mcp.fleet.SummaryLines;
import dev.ciscosupport.mcp.session.ToolViews;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code check_fleet}: an inventory in, "what is vulnerable, out of support or uncovered" out. The calls are planned
 * first; a long plan is confirmed by the user (elicitation), and where the client cannot ask, a plan over the
 * operator's ceiling is refused. The model reads a short summary; the per-device report is in two resources (CSV,
 * Markdown) linked from the result and readable by the caller alone; a chart comes as an image.
 */
final class FleetTools {
    /** Rejected lines shown in the result itself (all are in the Markdown report). */
    private static final int REJECTED_SHOWN = 20;
    private final FleetCheck fleet;
    private final FleetSettings settings;
    private final ToolContext context;
    private final InstantSource today;

    FleetTools(FleetCheck fleet, FleetSettings settings, ToolContext context, InstantSource today) {
        this.fleet = fleet;
        this.settings = settings;
        this.context = context;
        this.today = today;
    }

    /** {@code check_fleet}'s arguments. */
    record Inventory(
            @Arg(value = "CSV with a header row, show version/inventory output, or serials; any mix.", required = true,
                    maxLength = 5_000_000) String inventory,
            @Arg(value = "advisories, lifecycle, coverage, suggested_release (default all).", maxLength = 80) String checks,
            @Arg(value = "Count from this rating up (default high).", choices = {"critical", "high", "medium", "low"})
            String severityThreshold,
            @Arg(value = "\"Soon\" = within this many months (default 12).", minimum = 1, maximum = 120)
            Integer horizonMonths) {
    }

    /** What the check found (the whole per-device report is in the resources linked). */
    record Result(boolean ran, int devices, Map<String, Object> plan, Optional<Map<String, Object>> summary,
            List<Map<String, Object>> worstDevices, List<Map<String, Object>> linesNotRead, int linesNotReadTotal,
            Optional<Map<String, Object>> reports, Map<String, Integer> ciscoCalls) {
    }

    ToolDefinition definition() {
        return TypedTool.readOnlyWithClient("check_fleet", "Check a Fleet",
                "A whole inventory at once: each device's advisories, end of life, coverage, suggested release."
                        + " Summary, CSV report, chart.",
                Inventory.class, Result.class, context, this::check);
    }

    private TypedTool.Answer<Result> check(Inventory args, CallContext call, ClientRequests client) {
        Set<Check> checks = checks(args.checks());
        String threshold = args.severityThreshold() == null ? "high" : args.severityThreshold();
        int horizon = args.horizonMonths() == null ? 12 : args.horizonMonths();
        FleetCheck.Planned planned;
        try {
            planned = fleet.plan(args.inventory(), checks, refused(client), settings.maxDevices());
        } catch (IllegalArgumentException e) {
            throw new CiscoException.InvalidInput(e.getMessage());
        }
        List<Rejected> rejected = planned.inventory().rejected();
        if (planned.inventory().devices().isEmpty()) {
            throw new CiscoException.InvalidInput("No device found in the inventory." + (rejected.isEmpty() ? ""
                    : " Line " + rejected.get(0).line() + ": " + rejected.get(0).why() + ".")
                    + " Give CSV with a header row naming a serial or product ID column, show version / show inventory"
                    + " output, or serial numbers.");
        }
        FleetPlan plan = planned.plan();
        String planText = planned.inventory().devices().size() + " devices: " + plan.totalCalls() + " Cisco calls ("
                + plan.callsText() + "), about " + seconds(plan.estimate()) + " at this server's quota";
        boolean askFirst = settings.confirmAfter().isZero() || plan.estimate().compareTo(settings.confirmAfter()) > 0;
        if (askFirst && client.canElicit()) {
            if (!client.confirms("The fleet check of " + planText + ". Run it?", "run", "Run the fleet check?")) {
                return notRun("Not run: the user did not confirm. The plan was " + planText + ".", planned, rejected);
            }
        } else if (plan.totalCalls() > settings.unattendedCalls() && !client.canElicit()) {
            throw new CiscoException.InvalidInput("This check needs " + planText + "; this client cannot ask the user to"
                    + " confirm, and the server runs at most " + settings.unattendedCalls() + " Cisco calls unasked"
                    + " (FLEET_UNATTENDED_MAX_CALLS). Check a part of the inventory at a time.");
        }
        // The check was planned (and confirmed when long): it may take its plan's time beyond an ordinary call's.
        call.limitedTo(context.callDeadline().plus(plan.estimate()), context.clock().nanos());
        FleetReport.Judgement judge = new FleetReport.Judgement(LocalDate.ofInstant(today.instant(), ZoneOffset.UTC),
                horizon, threshold);
        FleetCheck.Outcome outcome = fleet.run(planned, judge, call);
        return answer(planned, outcome, judge, rejected);
    }

    private static Set<Check> checks(String list) {
        if (list == null || list.isBlank()) {
            return EnumSet.allOf(Check.class);
        }
        Set<Check> out = EnumSet.noneOf(Check.class);
        for (String item : RecordArguments.items(list)) {
            try {
                out.add(Check.valueOf(item.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw CiscoException.InvalidInput.of("checks", name -> name + " takes advisories, lifecycle, coverage and"
                        + " suggested_release (a comma list).");
            }
        }
        return out;
    }

    /**
     * The checks an OAuth caller's token does not reach: the tool needs the EoX API's scope, and each check the scope of
     * the API it asks, as that API's own tools would.
     */
    private static Map<Check, String> refused(ClientRequests client) {
        Object granted = client.transport() == null ? null : client.transport().get(ToolViews.GRANTED_APIS);
        Map<Check, String> refused = new LinkedHashMap<>();
        if (granted instanceof Set<?> apis) {
            for (Check check : Check.values()) {
                if (!apis.contains(check.api())) {
                    refused.put(check, "your sign-in does not grant support." + check.api().settingName());
                }
            }
        }
        return refused;
    }

    private static String seconds(Duration d) {
        long s = Math.max(1, d.toSeconds());
        return s < 120 ? s + " s" : (s + 59) / 60 + " min";
    }

    private static Map<String, Object> plan(FleetPlan plan) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Integer> calls = new LinkedHashMap<>();
        plan.calls().forEach((api, n) -> calls.put(api.settingName(), n));
        out.put("cisco_calls", calls);
        out.put("estimated_seconds", plan.estimate().toSeconds());
        Map<String, String> notDone = new LinkedHashMap<>();
        plan.notDone().forEach((check, why) -> notDone.put(check.toString(), why));
        out.put("checks_not_done", notDone);
        return out;
    }

    private static TypedTool.Answer<Result> notRun(String text, FleetCheck.Planned planned, List<Rejected> rejected) {
        return new TypedTool.Answer<>(text, new Result(false, planned.inventory().devices().size(), plan(planned.plan()),
                Optional.empty(), List.of(), lines(rejected), rejected.size(), Optional.empty(), Map.of()));
    }

    private static List<Map<String, Object>> lines(List<Rejected> rejected) {
        return rejected.stream().limit(REJECTED_SHOWN).map(r -> Map.<String, Object>of("line", r.line(), "text", r.text(),
                "why", r.why())).toList();
    }

    private TypedTool.Answer<Result> answer(FleetCheck.Planned planned, FleetCheck.Outcome outcome,
            FleetReport.Judgement judge, List<Rejected> rejected) {
        FleetReport.Summary s = outcome.report().summary();
        StringBuilder text = new StringBuilder("Fleet check of ").append(s.devices())
                .append(s.devices() == 1 ? " device (advisories " : " devices (advisories ")
                .append(judge.threshold()).append(" and above; \"soon\" = by ").append(judge.today()
                        .plusMonths(judge.horizonMonths())).append("):\n");
        for (String line : SummaryLines.of(s)) {
            text.append("- ").append(line).append('\n');
        }
        planned.plan().notDone().forEach((check, why) -> text.append("- ").append(check).append(" not checked: ")
                .append(why).append('\n'));
        if (!s.worst().isEmpty()) {
            text.append("Worst devices:\n");
            s.worst().forEach(r -> text.append("  ").append(worstLine(r)).append('\n'));
        }
        if (!rejected.isEmpty()) {
            text.append(rejected.size()).append(rejected.size() == 1 ? " line" : " lines").append(" not read");
            rejected.stream().limit(3).forEach(r -> text.append("; line ").append(r.line()).append(": ").append(r.why()));
            text.append(rejected.size() > 3 ? "; all are in the report.\n" : ".\n");
        }
        Map<String, Integer> calls = new LinkedHashMap<>();
        outcome.calls().forEach((api, n) -> calls.put(api.settingName(), n));
        text.append("Cisco calls: ").append(calls.values().stream().mapToInt(Integer::intValue).sum()).append(" (planned ")
                .append(planned.plan().totalCalls()).append("). Per-device report: ").append(outcome.csvUri())
                .append(" (CSV), ").append(outcome.markdownUri()).append(" (Markdown).");
        Map<String, Object> reports = new LinkedHashMap<>();
        reports.put("csv", outcome.csvUri());
        reports.put("markdown", outcome.markdownUri());
        reports.put("kept_minutes", settings.reportsKept().toMinutes());
        List<McpSchema.Content> more = new ArrayList<>();
        more.add(McpSchema.ResourceLink.builder().uri(outcome.csvUri()).name("fleet-report.csv")
                .title("Fleet report (CSV)").description("One row per device: advisories, end of life, coverage,"
                        + " suggested release.").mimeType("text/csv").size(outcome.csvBytes()).build());
        more.add(McpSchema.ResourceLink.builder().uri(outcome.markdownUri()).name("fleet-report.md")
                .title("Fleet report (Markdown)").description("The summary and a table of every device.")
                .mimeType("text/markdown").size(outcome.markdownBytes()).build());
        more.add(McpSchema.ImageContent.builder(Base64.getEncoder().encodeToString(outcome.chart()), "image/png").build());
        return new TypedTool.Answer<>(text.toString().strip(), new Result(true, s.devices(), plan(planned.plan()),
                Optional.of(summary(s)), s.worst().stream().map(FleetTools::worst).toList(), lines(rejected),
                rejected.size(), Optional.of(reports), calls), more);
    }

    private static Map<String, Object> summary(FleetReport.Summary s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("devices", s.devices());
        out.put("advisories_by_most_severe", s.advisoriesBySeverity());
        Map<String, Object> lifecycle = new LinkedHashMap<>();
        lifecycle.put("past_end_of_support", s.pastEndOfSupport());
        lifecycle.put("end_of_support_soon", s.endOfSupportSoon());
        lifecycle.put("announced_for_later", s.announced());
        lifecycle.put("no_eox_record", s.noEoxRecord());
        out.put("lifecycle", lifecycle);
        Map<String, Object> coverage = new LinkedHashMap<>();
        coverage.put("covered", s.covered());
        coverage.put("contracts_ending_soon", s.contractsEndingSoon());
        coverage.put("not_covered", s.notCovered());
        coverage.put("no_record", s.noCoverageRecord());
        out.put("coverage", coverage);
        out.put("not_on_suggested_release", s.notOnSuggestedRelease());
        out.put("no_suggested_release", s.noSuggestedRelease());
        out.put("not_checked", s.notChecked());
        return out;
    }

    private static String worstLine(DeviceRow r) {
        List<String> why = new ArrayList<>();
        if (r.critical() + r.high() + r.medium() + r.low() > 0) {
            why.add(r.critical() + " critical, " + r.high() + " high" + (r.medium() + r.low() > 0 ? ", "
                    + (r.medium() + r.low()) + " lower" : "") + " advisories");
        }
        if (r.lifecycle().equals(DeviceRow.PAST_END_OF_SUPPORT) || r.lifecycle().equals(DeviceRow.END_OF_SUPPORT_SOON)) {
            why.add(r.lifecycle() + " (" + r.lastDateOfSupport() + ")");
        }
        if (r.coverage().equals(DeviceRow.NOT_COVERED)) {
            why.add("not covered");
        }
        String name = r.device().name(); // a device known only by its product ID is named by it already
        return name + (name.startsWith(r.productId()) ? "" : " " + r.productId())
                + (r.device().version().isEmpty() ? "" : " " + r.device().version())
                + ": " + String.join("; ", why);
    }

    private static Map<String, Object> worst(DeviceRow r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("device", r.device().name());
        out.put("serial", r.device().serial());
        out.put("product_id", r.productId());
        out.put("version", r.device().version());
        out.put("critical", r.critical());
        out.put("high", r.high());
        out.put("lifecycle", r.lifecycle());
        out.put("last_date_of_support", r.lastDateOfSupport());
        out.put("coverage", r.coverage());
        return out;
    }
}
