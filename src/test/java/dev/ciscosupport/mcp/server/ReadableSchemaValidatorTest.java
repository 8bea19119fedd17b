package dev.ciscosupport.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.tools.OwnStructuredContent;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadableSchemaValidatorTest {
    private final ReadableSchemaValidator validator = new ReadableSchemaValidator(McpJsonDefaults.getSchemaValidator());
    private final Map<String, Object> schema = Map.of("type", "object", "additionalProperties", false,
            "required", List.of("bug_ids"),
            "properties", Map.of("bug_ids", Map.of("type", "string", "pattern", "^CSC[a-z]{2}[0-9]{5}$",
                    "description", "Cisco bug IDs such as CSCvt43974.")));

    @Test
    void aPatternMismatchSaysWhatTheValueShouldLookLikeInsteadOfTheRegex() {
        String message = validator.validate(schema, Map.of("bug_ids", "../x")).errorMessage();
        assertThat(message).contains("bug_ids").contains("is not in the expected form")
                .contains("bug_ids: Cisco bug IDs such as CSCvt43974.").doesNotContain("[a-z]{2}");
    }

    @Test
    void anUnknownParameterListsTheOnesTheToolTakes() {
        String message = validator.validate(schema, Map.of("bug_ids", "CSCvt43974", "bugid", "x")).errorMessage();
        assertThat(message).contains("bugid").contains("This tool takes only: bug_ids.");
    }

    @Test
    void validInputPasses() {
        assertThat(validator.validate(schema, Map.of("bug_ids", "CSCvt43974")).valid()).isTrue();
    }

    /**
     * Production skips the check of this server's own answers against their output schemas (they are made from the
     * records the schemas come from); the tests, run with assertions on as Maven runs them, keep it, so every answer
     * a test sees has passed it.
     */
    @Test
    void underTestOurOwnAnswersAreStillCheckedAgainstTheirOutputSchema() {
        OwnStructuredContent answer = new OwnStructuredContent();
        answer.put("bug_ids", 42);
        assertThat(validator.validate(schema, answer).valid()).as("assertions are on in the tests").isFalse();
    }
}
