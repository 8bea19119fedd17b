package dev.ciscosupport.mcp.cisco.serial;

import dev.ciscosupport.mcp.format.CoverageFormat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciscosupport.mcp.cisco.TestCisco;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.serial.SerialApi.Question;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** SN2INFO answers from Cisco's examples and the sandbox: matching by serial, splitting, per-serial errors. */
class SerialApiTest {
    private TestCisco cisco;
    private SandboxServer sandbox;
    private SerialApi api;

    @BeforeEach
    void start() {
        cisco = TestCisco.start();
        sandbox = cisco.sandbox;
        api = new SerialApi(cisco.gateway);
    }

    @AfterEach
    void stop() {
        cisco.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"coverage_status.200.json", "coverage_owner_status.200.json",
        "coverage_summary_serial_numbers.200.json", "coverage_summary_serial_numbers.200.item_error.synthesized.json",
        "coverage_summary_instance_numbers.200.synthesized.json", "orderable_serial_numbers.200.json"})
    void everyExampleReadsWithoutLosingWhatWeShow(String file) {
        JsonNode body = TestCisco.example("sn2info/" + file);
        boolean byInstance = body.has("instance_numbers");
        JsonNode items = byInstance ? body.path("instance_numbers") : body.path("serial_numbers");
        for (JsonNode raw : items) {
            SerialCoverage c = SerialApi.coverage(raw);
            // by instance number Cisco's items carry the serial too: the answer is keyed by what was asked
            assertThat(c.key(byInstance)).isEqualTo(raw.path(byInstance ? "instance_number" : "sr_no").asString());
            assertThat(c.found()).isEqualTo(!raw.has("ErrorResponse"));
            assertThat(c.covered()).isEqualTo(raw.path("is_covered").asString(""));
            if (raw.has("orderable_pid_list") || raw.path("orderable_pid").isObject()) {
                assertThat(c.orderable()).isNotEmpty();
            }
            if (raw.has("service_contract_number")) {
                assertThat(c.contractNumber()).isEqualTo(raw.path("service_contract_number").asString());
            }
        }
    }

    @Test
    void answersFollowTheInputOrderWhateverOrderCiscoUses() {
        List<String> serials = new ArrayList<>(sandbox.serialNumbers().keySet()).subList(0, 5);
        List<String> asked = List.of(serials.get(3), serials.get(0), "NOSUCHSERIAL1", serials.get(4));
        SerialApi.Answers answers = api.ask(Question.SUMMARY, asked, 1);
        assertThat(answers.items()).extracting(c -> c.key(false)).containsExactlyElementsOf(asked);
        assertThat(answers.items().get(2).found()).isFalse();
        assertThat(answers.items().get(0).baseProductIds()).containsExactly(sandbox.serialNumbers().get(serials.get(3)));
    }

    @Test
    void eightySerialsTakeTwoCalls() {
        List<String> serials = new ArrayList<>(sandbox.serialNumbers().keySet()).subList(0, 80);
        SerialApi.Answers answers = api.ask(Question.STATUS, serials, 1);
        assertThat(answers.ciscoCalls()).isEqualTo(2);
        assertThat(sandbox.requests().apiRequests()).isEqualTo(2);
        assertThat(answers.items()).hasSize(80).allMatch(SerialCoverage::found);
    }

    @Test
    void badSerialsAreRefusedBeforeTheCall() {
        assertThatThrownBy(() -> api.ask(Question.STATUS, List.of("FOC-1"), 1))
                .isInstanceOf(CiscoException.InvalidInput.class).hasMessageStartingWith("serial_numbers:");
        assertThatThrownBy(() -> api.ask(Question.SUMMARY_BY_INSTANCE, List.of("12a"), 1))
                .hasMessageStartingWith("instance_numbers:");
        assertThat(sandbox.requests().apiRequests()).isZero();
    }

    /**
     * Cisco gives every warranty the same description, a link to its warranty terms [R]: said once above the lines when
     * all share it, on each line when they differ.
     */
    @Test
    void aWarrantyDescriptionAllSerialsShareIsSaidOnceNotOnEveryLine() {
        SerialCoverage recorded = SerialApi.coverage(TestCisco.example("sn2info/coverage_summary_serial_numbers.200.json")
                .path("serial_numbers").path(0));
        assertThat(recorded.warrantyDescription()).isEqualTo("http://www.cisco.com/go/warranty");
        SerialCoverage other = new SerialCoverage("FOC0000B000", "", "YES", "2030-01-01", "", List.of("C9300-24T"), List.of(),
                "", "", "", "2029-01-01", "WARR-1YR-RTF", "http://www.cisco.com/go/warranty", SerialCoverage.Site.NONE, "", "",
                "");
        String shared = CoverageFormat.sharedWarrantyTerms(List.of(recorded, other));
        assertThat(shared).isEqualTo("http://www.cisco.com/go/warranty");
        assertThat(CoverageFormat.line(recorded, false, shared)).contains("warranty " + recorded.warrantyType())
                .doesNotContain("go/warranty");

        SerialCoverage different = new SerialCoverage("FOC0000C000", "", "NO", "", "", List.of(), List.of(), "", "", "",
                "2029-01-01", "WARR-3YR", "https://example.com/other-terms", SerialCoverage.Site.NONE, "", "", "");
        String none = CoverageFormat.sharedWarrantyTerms(List.of(recorded, different));
        assertThat(none).isEmpty();
        assertThat(CoverageFormat.line(recorded, false, none)).contains("(http://www.cisco.com/go/warranty)");
        assertThat(CoverageFormat.sharedWarrantyTerms(List.of(recorded))).as("one serial: on its line").isEmpty();
    }
}
