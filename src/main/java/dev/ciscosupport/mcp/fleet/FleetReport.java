package dev.ciscosupport.mcp.fleet;

import dev.ciscosupport.mcp.cisco.eox.EoxRecord;
import dev.ciscosupport.mcp.cisco.psirt.SecurityAdvisory;
import dev.ciscosupport.mcp.cisco.serial.SerialCoverage;
import dev.ciscosupport.mcp.cisco.software.SoftwareProduct;
import dev.ciscosupport.mcp.cisco.software.SoftwareRelease;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fleet check's outcome: a row per device and the counts the model reads. Dates are judged against {@code today}:
 * "soon" is within the horizon; advisories below the severity threshold are not counted.
 */
public record FleetReport(List<DeviceRow> rows, List<Rejected> rejected, Summary summary) {
    /** Cisco's Security Impact Ratings, most severe first. */
    public static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");

    /**
     * The counts a model reads (every device in exactly one bucket of each check).
     *
     * @param advisoriesBySeverity devices by their most severe advisory counted: critical, high, medium, low, none
     * @param noSuggestedRelease   devices Cisco suggests no release for (or whose product ID is unknown, or not asked)
     * @param notChecked           devices per check that was not done for them (no serial, no version, API off...)
     */
    public record Summary(int devices, int rejectedLines, Map<String, Integer> advisoriesBySeverity,
            int pastEndOfSupport, int endOfSupportSoon, int announced, int noEoxRecord, int covered, int notCovered,
            int noCoverageRecord, int contractsEndingSoon, int notOnSuggestedRelease, int noSuggestedRelease,
            Map<String, Integer> notChecked,
            List<DeviceRow> worst) {
    }

    public record Judgement(LocalDate today, int horizonMonths, String threshold) {
        LocalDate horizon() {
            return today.plusMonths(horizonMonths);
        }

        boolean counted(String severity) {
            int at = SEVERITIES.indexOf(severity.toLowerCase(Locale.ROOT));
            return at >= 0 && at <= SEVERITIES.indexOf(threshold);
        }
    }

    static FleetReport of(List<Device> devices, List<Rejected> rejected, FleetPlan plan, Findings found, Judgement judge) {
        List<DeviceRow> rows = devices.stream().map(d -> row(d, plan, found, judge)).toList();
        return new FleetReport(rows, rejected, summary(rows, rejected, judge));
    }

    private static DeviceRow row(Device d, FleetPlan plan, Findings found, Judgement judge) {
        String pid = !d.productId().isEmpty() ? d.productId() : found.productIdBySerial.getOrDefault(d.serial(), "");
        // Advisories
        String advisories;
        int[] counts = new int[4];
        List<String> ids = new ArrayList<>();
        FleetPlan.AdvisoryQuery q = FleetPlan.AdvisoryQuery.of(d);
        String advisoriesSkipped = skipped(Check.ADVISORIES, plan, found);
        if (advisoriesSkipped != null) {
            advisories = advisoriesSkipped;
        } else if (d.version().isEmpty()) {
            advisories = "not checked: no software version given";
        } else if (d.osType().equals(Platforms.IOS_XR)) {
            advisories = "not checked: Cisco's software checker does not cover IOS XR";
        } else if (d.osType().isEmpty()) {
            advisories = "not checked: OS type unknown (give it in an OS column)";
        } else if (found.advisoryErrors.containsKey(q)) {
            advisories = "Cisco refused: " + found.advisoryErrors.get(q);
        } else if (!found.advisories.containsKey(q)) {
            advisories = "not checked: the check stopped before this version";
        } else {
            advisories = "checked";
            found.advisories.get(q).stream().filter(a -> judge.counted(a.severity()))
                    .sorted(Comparator.comparingInt((SecurityAdvisory a) -> SEVERITIES.indexOf(a.severity().toLowerCase(Locale.ROOT)))
                            .thenComparing(SecurityAdvisory::advisoryId))
                    .forEach(a -> {
                        counts[SEVERITIES.indexOf(a.severity().toLowerCase(Locale.ROOT))]++;
                        ids.add(a.advisoryId());
                    });
        }
        // Lifecycle
        String lifecycle;
        Map<String, String> dates = Map.of();
        EoxRecord.Migration migration = EoxRecord.Migration.NONE;
        String bulletin = "";
        EoxRecord record = !d.serial().isEmpty() && found.eoxBySerial.containsKey(d.serial()) ? found.eoxBySerial.get(d.serial())
                : found.eoxByProductId.get(d.productId());
        boolean none = found.eoxNone.contains(d.serial()) || found.eoxNone.contains(d.productId());
        String lifecycleSkipped = skipped(Check.LIFECYCLE, plan, found);
        if (lifecycleSkipped != null) {
            lifecycle = lifecycleSkipped;
        } else if (record != null && record.found()) {
            dates = record.milestones();
            migration = record.migration();
            bulletin = record.bulletinNumber();
            LocalDate last = date(dates.get("last_date_of_support"));
            lifecycle = last == null ? announcedOrNone(dates) : last.isBefore(judge.today()) ? DeviceRow.PAST_END_OF_SUPPORT
                    : !last.isAfter(judge.horizon()) ? DeviceRow.END_OF_SUPPORT_SOON : DeviceRow.ANNOUNCED;
        } else if (record != null || none) {
            lifecycle = DeviceRow.NO_EOX_RECORD;
        } else {
            lifecycle = "not checked: no product ID or serial number";
        }
        // Coverage
        String coverage;
        SerialCoverage c = found.coverage.get(d.serial());
        boolean endsSoon = false;
        String coverageSkipped = skipped(Check.COVERAGE, plan, found);
        if (coverageSkipped != null) {
            coverage = coverageSkipped;
        } else if (d.serial().isEmpty()) {
            coverage = "not checked: no serial number";
        } else if (c == null) {
            coverage = "not checked: the check stopped before this serial";
        } else if (!c.found()) {
            coverage = DeviceRow.NO_RECORD;
        } else if (c.covered().equalsIgnoreCase("YES")) {
            coverage = DeviceRow.COVERED;
            LocalDate end = date(c.coverageEndDate());
            endsSoon = end != null && !end.isAfter(judge.horizon());
        } else {
            coverage = DeviceRow.NOT_COVERED;
        }
        // Suggested release
        String suggested = "";
        String onSuggested = "";
        SoftwareProduct product = found.software.get(pid);
        if (product != null && product.found()) {
            List<String> releases = product.releases().stream().filter(SoftwareRelease::suggested)
                    .map(SoftwareRelease::release).filter(r -> !r.isEmpty()).distinct().toList();
            suggested = String.join(" ", releases);
            if (!releases.isEmpty() && !d.version().isEmpty()) {
                onSuggested = releases.stream().anyMatch(r -> Platforms.version(r).equalsIgnoreCase(d.version())) ? "yes" : "no";
            }
        }
        boolean covered = c != null && c.found();
        return new DeviceRow(d, pid, advisories, counts[0], counts[1], counts[2], counts[3], ids, lifecycle,
                dates.getOrDefault("end_of_sale", ""), dates.getOrDefault("end_of_vulnerability_support", ""),
                dates.getOrDefault("last_date_of_support", ""), migration.productId(), bulletin, coverage,
                covered ? c.coverageEndDate() : "", covered ? c.serviceLine() : "", covered ? c.contractNumber() : "",
                endsSoon, covered ? c.warrantyEndDate() : "", suggested, onSuggested);
    }

    /** Why a check was not done for any device (not asked for, or its API failed or is off), or null when it was. */
    private static String skipped(Check check, FleetPlan plan, Findings found) {
        if (found.notDone.containsKey(check)) {
            return "not checked: " + found.notDone.get(check);
        }
        return plan.checks().contains(check) ? null : "not checked: not asked for";
    }

    /** An EoX record with no last date of support yet is still an announcement. */
    private static String announcedOrNone(Map<String, String> dates) {
        return dates.isEmpty() ? DeviceRow.NO_EOX_RECORD : DeviceRow.ANNOUNCED;
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip().substring(0, Math.min(10, text.strip().length())));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Summary summary(List<DeviceRow> rows, List<Rejected> rejected, Judgement judge) {
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        SEVERITIES.stream().filter(judge::counted).forEach(s -> bySeverity.put(s, 0));
        bySeverity.put("none", 0);
        Map<String, Integer> notChecked = new LinkedHashMap<>();
        for (Check check : List.of(Check.ADVISORIES, Check.LIFECYCLE, Check.COVERAGE)) {
            notChecked.put(check.toString(), 0);
        }
        int noSuggestion = 0;
        int past = 0;
        int soon = 0;
        int announced = 0;
        int noEox = 0;
        int covered = 0;
        int notCovered = 0;
        int noRecord = 0;
        int contractsSoon = 0;
        int offSuggested = 0;
        for (DeviceRow r : rows) {
            String highest = r.highest();
            if (highest.isEmpty()) {
                notChecked.merge(Check.ADVISORIES.toString(), 1, Integer::sum);
            } else {
                bySeverity.merge(highest, 1, Integer::sum);
            }
            switch (r.lifecycle()) {
                case DeviceRow.PAST_END_OF_SUPPORT -> past++;
                case DeviceRow.END_OF_SUPPORT_SOON -> soon++;
                case DeviceRow.ANNOUNCED -> announced++;
                case DeviceRow.NO_EOX_RECORD -> noEox++;
                default -> notChecked.merge(Check.LIFECYCLE.toString(), 1, Integer::sum);
            }
            switch (r.coverage()) {
                case DeviceRow.COVERED -> covered++;
                case DeviceRow.NOT_COVERED -> notCovered++;
                case DeviceRow.NO_RECORD -> noRecord++;
                default -> notChecked.merge(Check.COVERAGE.toString(), 1, Integer::sum);
            }
            if (r.contractEndsSoon()) {
                contractsSoon++;
            }
            if (r.onSuggested().equals("no")) {
                offSuggested++;
            }
            if (r.suggested().isEmpty()) {
                noSuggestion++;
            }
        }
        List<DeviceRow> worst = rows.stream().filter(r -> r.badness() > 0)
                .sorted(Comparator.comparingLong(DeviceRow::badness).reversed()).limit(10).toList();
        return new Summary(rows.size(), rejected.size(), bySeverity, past, soon, announced, noEox, covered, notCovered,
                noRecord, contractsSoon, offSuggested, noSuggestion, notChecked, worst);
    }
}
