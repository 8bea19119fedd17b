package dev.ciscosupport.mcp.fleet;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The full per-device report as the engineer keeps it: CSV for a spreadsheet, Markdown to read. */
final class ReportFiles {
    static final List<String> COLUMNS = List.of("hostname", "site", "serial", "product_id", "os_type", "version", "source",
            "advisories", "highest_severity", "critical", "high", "medium", "low", "advisory_ids", "lifecycle", "end_of_sale",
            "end_of_vulnerability_support", "last_date_of_support", "replacement_product_id", "eox_bulletin", "coverage",
            "coverage_end", "service_level", "contract", "contract_ends_soon", "warranty_end", "suggested_release",
            "on_suggested_release");

    private ReportFiles() {
    }

    static List<String> cells(DeviceRow r) {
        Device d = r.device();
        return List.of(d.hostname(), d.site(), d.serial(), r.productId(), d.osType(), d.version(), d.source(), r.advisories(),
                r.highest(), String.valueOf(r.critical()), String.valueOf(r.high()), String.valueOf(r.medium()),
                String.valueOf(r.low()), String.join(" ", r.advisoryIds()), r.lifecycle(), r.endOfSale(),
                r.endOfVulnerabilitySupport(), r.lastDateOfSupport(), r.replacement(), r.bulletin(), r.coverage(),
                r.coverageEnd(), r.serviceLevel(), r.contract(), r.contractEndsSoon() ? "yes" : "no", r.warrantyEnd(),
                r.suggested(), r.onSuggested());
    }

    static String csv(FleetReport report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(COLUMNS);
            for (DeviceRow row : report.rows()) {
                printer.printRecord(cells(row).stream().map(ReportFiles::inert).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A cell a spreadsheet will not run as a formula: host names and sites are the inventory's own text, so one that
     * starts with = + - @ gets a leading apostrophe (OWASP's advice on CSV injection).
     */
    static String inert(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    static String markdown(FleetReport report, FleetPlan plan, FleetReport.Judgement judge) {
        FleetReport.Summary s = report.summary();
        StringBuilder md = new StringBuilder("# Fleet check, ").append(judge.today()).append("\n\n")
                .append(s.devices()).append(" devices; advisories counted from ").append(judge.threshold())
                .append(" up; \"soon\" means by ").append(judge.horizon()).append(".\n\n## Summary\n\n");
        for (String line : SummaryLines.of(s)) {
            md.append("- ").append(line).append('\n');
        }
        md.append("\nCisco calls planned: ").append(plan.callsText()).append(".\n\n## Devices\n\n| ");
        List<String> shown = List.of("hostname", "site", "serial", "product_id", "version", "highest_severity",
                "advisory_ids", "lifecycle", "last_date_of_support", "replacement_product_id", "coverage", "coverage_end",
                "service_level", "suggested_release");
        md.append(String.join(" | ", shown)).append(" |\n|").append(" --- |".repeat(shown.size())).append('\n');
        for (DeviceRow row : report.rows()) {
            List<String> cells = cells(row);
            List<String> picked = new ArrayList<>();
            for (String column : shown) {
                picked.add(cell(cells.get(COLUMNS.indexOf(column))));
            }
            md.append("| ").append(String.join(" | ", picked)).append(" |\n");
        }
        if (!report.rejected().isEmpty()) {
            md.append("\n## Lines not read\n\n| line | text | why |\n| --- | --- | --- |\n");
            for (Rejected r : report.rejected()) {
                md.append("| ").append(r.line()).append(" | ").append(cell(r.text())).append(" | ").append(cell(r.why()))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    /** A table cell: no pipe or line break of the inventory's text can break the table. */
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("[\\r\\n]+", " ");
    }
}
