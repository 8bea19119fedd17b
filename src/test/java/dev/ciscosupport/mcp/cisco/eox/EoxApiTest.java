package dev.ciscosupport.mcp.cisco.eox;

import dev.ciscosupport.mcp.format.EoxFormat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciscosupport.mcp.cisco.TestCisco;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** EoX answers read from Cisco's recorded examples and from the sandbox: splitting, errors, date objects. */
class EoxApiTest {
    private TestCisco cisco;
    private SandboxServer sandbox;
    private EoxApi api;

    @BeforeEach
    void start() {
        cisco = TestCisco.start();
        sandbox = cisco.sandbox;
        api = new EoxApi(cisco.gateway);
    }

    @AfterEach
    void stop() {
        cisco.close();
    }

    static JsonNode example(String name) throws IOException {
        return TestCisco.example("eox/" + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EOXByProductID.200.json", "EOXBySerialNumber.200.json", "EOXByDates.200.trimmed.json",
        "EOXBySWReleaseString.200.trimmed.json", "EOXByProductID.200.record_level_error.json"})
    void everyRecordedExampleReadsWithoutLosingWhatWeShow(String file) throws IOException {
        JsonNode body = example(file);
        EoxPage page = EoxApi.read(body, 1);
        JsonNode records = body.path("EOXRecord");
        assertThat(page.records()).hasSize(records.size());
        assertThat(page.page().total()).isEqualTo(body.path("PaginationResponseRecord").path("TotalRecords").asInt());
        for (int i = 0; i < records.size(); i++) {
            JsonNode raw = records.path(i);
            EoxRecord record = page.records().get(i);
            assertThat(record.productId()).isEqualTo(raw.path("EOLProductID").asString().strip());
            assertThat(record.inputs()).isNotEmpty();
            String endOfSale = raw.path("EndOfSaleDate").path("value").asString().strip();
            assertThat(record.milestones().get("end_of_sale")).isEqualTo(endOfSale.isEmpty() ? null : endOfSale);
            assertThat(record.found()).isEqualTo(!raw.has("EOXError"));
        }
    }

    @Test
    void theRecordedTrailingSpaceAndJoinedInputsAreUndone() throws IOException {
        EoxRecord pid = EoxApi.read(example("EOXByProductID.200.json"), 1).records().get(0);
        assertThat(pid.inputs()).containsExactly("WS-C3850-48XS-E-RF");
        EoxRecord error = EoxApi.read(example("EOXByProductID.200.record_level_error.json"), 1).records().get(0);
        assertThat(error.errorCode()).isEqualTo("SSA_ERR_026");
        assertThat(error.milestones()).isEmpty();
    }

    @Test
    void aTopLevelInvalidInputErrorIsARefusalWithCiscosWords() throws IOException {
        assertThatThrownBy(() -> EoxApi.read(example("error.200.top_level_EOXError.json"), 1))
                .isInstanceOf(CiscoException.Rejected.class)
                .hasMessage("Cisco's EoX API rejected the request: SSA_ERR_010 (The serialNumbers value specified is invalid."
                        + " Please correct the serialNumbers value and try again.).");
    }

    @Test
    void moreThanTwentyProductIdsAreSplitAndMerged() {
        List<String> pids = IntStream.range(0, 45).mapToObj(i -> "NOPE-" + i).toList();
        EoxPage page = api.byProductIds(pids, 1);
        assertThat(page.ciscoCalls()).isEqualTo(3);
        assertThat(sandbox.requests().apiRequests()).isEqualTo(3);
        assertThat(page.records()).hasSize(45).allMatch(r -> !r.found());
        assertThat(sandbox.requests().recentPaths()).allMatch(p -> p.contains("responseencoding=json"));
    }

    @Test
    void datesAreCheckedBeforeTheCall() {
        assertThatThrownBy(() -> api.byDates(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 1), null, 1))
                .hasMessage("end_date (2020-01-01) is before start_date (2020-01-02).");
        assertThatThrownBy(() -> api.byProductIds(List.of("W*"), 1))
                .hasMessageContaining("fewer than 3 other characters");
        assertThatThrownBy(() -> EoxApi.softwareInput("input1", "17.9"))
                .hasMessageContaining("release and an OS type");
        assertThat(EoxApi.softwareInput("input1", " 17.9 , ios-xe")).isEqualTo("17.9,IOS-XE");
        assertThat(sandbox.requests().apiRequests()).isZero();
    }

    @Test
    void aWideDateRangePagesByAThousand() {
        EoxPage first = api.byDates(LocalDate.of(2000, 1, 1), LocalDate.of(2040, 1, 1), null, 1);
        assertThat(first.page().total()).isGreaterThan(1000);
        assertThat(first.page().last()).isEqualTo(2);
        assertThat(first.records()).hasSize(1000);
        EoxPage second = api.byDates(LocalDate.of(2000, 1, 1), LocalDate.of(2040, 1, 1), null, 2);
        assertThat(second.records()).hasSize(first.page().total() - 1000);
        assertThat(sandbox.requests().recentPaths().get(0))
                .isEqualTo("/supporttools/eox/rest/5/EOXByDates/1/2000-01-01/2040-01-01?responseencoding=json");
    }

    @Test
    void theTextSaysWhatARecordWasAskedAsOnlyWhenThatIsNotItsProductId() throws IOException {
        EoxRecord byPid = EoxApi.read(example("EOXByProductID.200.json"), 1).records().get(0);
        assertThat(EoxFormat.product(byPid)).startsWith("WS-C3850-48XS-E-RF").doesNotContain("asked as");
        EoxRecord bySerial = EoxApi.read(example("EOXBySerialNumber.200.json"), 1).records().get(0);
        assertThat(EoxFormat.product(bySerial)).startsWith("CISCO1811W-AG-A/K9").endsWith("\n  asked as: FHK0933224R");
    }
}
