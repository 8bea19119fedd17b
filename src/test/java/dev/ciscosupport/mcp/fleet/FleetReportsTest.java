package dev.ciscosupport.mcp.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A fleet report is its caller's alone, for as long as FLEET_REPORT_MINUTES says, then gone. */
class FleetReportsTest {
    private final AtomicLong now = new AtomicLong();
    private final FleetReports reports = new FleetReports(Duration.ofMinutes(60), now::get);

    @Test
    void aReportIsReadByItsCallerOnlyAndOnlyWhileKept() {
        String id = reports.keep("token:alice", "hostname\nsw1\n", "# Fleet check");
        String csv = FleetReports.URI_PREFIX + id + ".csv";
        assertThat(reports.read(csv, "token:alice")).hasValueSatisfying(f -> {
            assertThat(f.mimeType()).isEqualTo("text/csv");
            assertThat(f.text()).isEqualTo("hostname\nsw1\n");
        });
        assertThat(reports.read(FleetReports.URI_PREFIX + id + ".md", "token:alice")).map(FleetReports.File::text)
                .hasValue("# Fleet check");
        assertThat(reports.read(csv, "token:bob")).as("another caller").isEmpty();
        assertThat(reports.read(csv, "session:alice")).as("another caller").isEmpty();
        assertThat(reports.read(FleetReports.URI_PREFIX + id + ".json", "token:alice")).isEmpty();
        assertThat(reports.read(FleetReports.URI_PREFIX + (id.charAt(0) == '0' ? "1" : "0") + id.substring(1) + ".csv", "token:alice")).isEmpty();

        now.addAndGet(Duration.ofMinutes(59).toNanos());
        assertThat(reports.read(csv, "token:alice")).isPresent();
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(reports.read(csv, "token:alice")).as("after an hour").isEmpty();
    }

    @Test
    void eachReportHasAnIdOfItsOwnThatCannotBeGuessed() {
        String a = reports.keep("stdio", "a", "a");
        String b = reports.keep("stdio", "b", "b");
        assertThat(a).hasSize(32).matches("[0-9a-f]+").isNotEqualTo(b);
    }
}
