package dev.ciscosupport.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciscosupport.mcp.cisco.call.CiscoException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tool's argument record is its input schema and its reader, and its result record its output schema and its
 * structured content: what the model is told, what is read and what is answered come from one declaration.
 */
class TypedToolTest {
    enum Colour { RED, GREEN }

    record Lookup(
            @Arg(value = "Comma-separated product IDs.", required = true, maxLength = 50) String productIds,
            @Arg("Which one.") Colour colour,
            @Arg(value = "10 a page.", minimum = 1, maximum = 99_999) Integer pageIndex,
            Boolean verbose) {
    }

    record Found(int ciscoCalls, List<Map<String, Object>> records, Map<String, String> byInput) {
    }

    @Test
    void theInputSchemaIsTheRecordInItsOrderWithSnakeCaseNames() {
        Map<String, Object> schema = Schemas.forModel(RecordSchemas.input(Lookup.class));
        assertThat(schema.get("type")).isEqualTo("object");
        assertThat(properties(schema)).containsExactly(
                Map.entry("product_ids", Map.of("type", "string", "description", "Comma-separated product IDs.",
                        "maxLength", 50)),
                Map.entry("colour", Map.of("type", "string", "description", "Which one.", "enum", List.of("RED", "GREEN"))),
                Map.entry("page_index", Map.of("type", "integer", "description", "10 a page.", "minimum", 1)),
                Map.entry("verbose", Map.of("type", "boolean")));
        assertThat(schema.get("required")).isEqualTo(List.of("product_ids"));
    }

    @Test
    void theOutputSchemaHasEveryComponentAfterSourceAndCache() {
        Map<String, Object> schema = Schemas.forClients(RecordSchemas.output(Found.class));
        assertThat(properties(schema).keySet()).containsExactly("source", "cache", "cisco_calls", "records", "by_input");
        assertThat(properties(schema).get("records")).isEqualTo(Map.of("type", "array", "items", Map.of("type", "object")));
        assertThat(schema.get("required")).isEqualTo(List.of("source", "cisco_calls", "records", "by_input"));
    }

    @Test
    void argumentsAreReadByTheirSchemaNames() {
        Lookup read = RecordArguments.read(Map.of("product_ids", "C9300-24T, ISR4431/K9", "colour", "GREEN",
                "page_index", 2), Lookup.class);
        assertThat(read).isEqualTo(new Lookup("C9300-24T, ISR4431/K9", Colour.GREEN, 2, null));
        assertThat(RecordArguments.items(read.productIds())).containsExactly("C9300-24T", "ISR4431/K9");
    }

    @Test
    void wrongArgumentsAreSentencesNamingThem() {
        assertThatThrownBy(() -> RecordArguments.read(Map.of("colour", "RED"), Lookup.class))
                .isInstanceOf(CiscoException.InvalidInput.class).hasMessage("product_ids is required.");
        assertThatThrownBy(() -> RecordArguments.read(Map.of("product_ids", "  "), Lookup.class))
                .hasMessage("product_ids is required.");
        assertThatThrownBy(() -> RecordArguments.read(Map.of("product_ids", "X", "page_index", 2.5), Lookup.class))
                .hasMessage("page_index must be a whole number.");
        assertThatThrownBy(() -> RecordArguments.read(Map.of("product_ids", "X", "verbose", List.of()), Lookup.class))
                .hasMessage("verbose must be true or false.");
        assertThatThrownBy(() -> RecordArguments.read(Map.of("product_ids", "X", "colour", "BLUE"), Lookup.class))
                .hasMessage("colour must be one of RED, GREEN.");
        assertThatThrownBy(() -> RecordArguments.read(Map.of("search_term", "x", "search_type", "keyword",
                "additional_params", Map.of("status", "Q")), AnalysisTools.MultiSeverity.class))
                .hasMessage("additional_params.status must be one of O, F, T.");
    }

    @Test
    void anEnumIsReadAndListedByItsWords() {
        record Status(@Arg("In Progress = booked.") dev.ciscosupport.mcp.cisco.rma.ReturnApi.StatusWord status) {
        }
        assertThat(RecordArguments.read(Map.of("status", "In Progress"), Status.class).status())
                .isEqualTo(dev.ciscosupport.mcp.cisco.rma.ReturnApi.StatusWord.IN_PROGRESS);
        assertThat(properties(RecordSchemas.input(Status.class)).get("status")).isEqualTo(Map.of("type", "string",
                "description", "In Progress = booked.", "enum", dev.ciscosupport.mcp.cisco.rma.ReturnApi.STATUS_WORDS));
    }

    @Test
    void anOptionalPartOfAResultIsDeclaredButNotRequiredAndLeftOutWhenAbsent() {
        record Answer(List<String> items, java.util.Optional<Map<String, Object>> ciscoSays) {
        }
        Map<String, Object> schema = Schemas.forClients(RecordSchemas.output(Answer.class));
        assertThat(properties(schema).get("cisco_says")).isEqualTo(Map.of("type", "object"));
        assertThat(schema.get("required")).isEqualTo(List.of("source", "items"));
        assertThat(RecordArguments.structured(new Answer(List.of("a"), java.util.Optional.empty())))
                .containsExactly(Map.entry("items", List.of("a")));
        assertThat(RecordArguments.structured(new Answer(List.of(), java.util.Optional.of(Map.of("code", "X")))))
                .containsEntry("cisco_says", Map.of("code", "X"));
    }

    @Test
    void theResultIsWrittenByTheSameNames() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("product_id", "C9300-24T");
        record.put("note", null); // inside a record, Cisco's nulls stay as they are
        assertThat(RecordArguments.structured(new Found(2, List.of(record), Map.of("FOC1", "C9300-24T"))))
                .containsExactly(Map.entry("cisco_calls", 2), Map.entry("records", List.of(record)),
                        Map.entry("by_input", Map.of("FOC1", "C9300-24T")));
    }

    /**
     * The build writes every tool's record schemas beside the classes so that a start does not generate them; what it
     * wrote is what the generator makes now, for a record as it is declared now.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theSchemasTheBuildWroteAreTheRecordsSchemas() throws Exception {
        Map<String, Object> written;
        try (var in = RecordSchemas.class.getResourceAsStream(RecordSchemas.RESOURCE)) {
            assertThat(in).as("%s, written in process-classes", RecordSchemas.RESOURCE).isNotNull();
            written = dev.ciscosupport.mcp.json.Json.MAPPER.readValue(in, Map.class);
        }
        assertThat(written).hasSizeGreaterThan(50);
        for (Map.Entry<String, Object> entry : written.entrySet()) {
            Class<? extends Record> type = (Class<? extends Record>) Class.forName(entry.getKey());
            Map<String, Object> kept = (Map<String, Object>) entry.getValue();
            assertThat(kept.get("fingerprint")).as(entry.getKey()).isEqualTo(RecordSchemas.fingerprint(type));
            assertThat(kept.get("schema")).as(entry.getKey()).isEqualTo(RecordSchemas.fresh(type));
        }
    }

    @Test
    void aChangedDeclarationIsNotTheOneTheFileWasWrittenFor() {
        record Before(@Arg(value = "10 a page.", minimum = 1) Integer pageIndex) {
        }
        record After(@Arg(value = "20 a page.", minimum = 1) Integer pageIndex) {
        }
        assertThat(RecordSchemas.fingerprint(Before.class).replace("Before", ""))
                .isNotEqualTo(RecordSchemas.fingerprint(After.class).replace("After", ""));
    }

    /**
     * The file is taken as it is only from a jar, which one build made with the classes beside it; from a folder of
     * classes (an IDE's, these tests') each record's fingerprint is checked first.
     */
    @Test
    void onlyAJarsSchemasAreTakenWithoutCheckingTheirRecords() throws Exception {
        assertThat(RecordSchemas.packaged(java.net.URI.create(
                "jar:file:/opt/cisco-support-mcp.jar!/dev/ciscosupport/mcp/tools/" + RecordSchemas.RESOURCE).toURL())).isTrue();
        assertThat(RecordSchemas.packaged(RecordSchemas.class.getResource(RecordSchemas.RESOURCE))).isFalse();
        assertThat(RecordSchemas.packaged(null)).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> schema) {
        return (Map<String, Object>) schema.get("properties");
    }
}
