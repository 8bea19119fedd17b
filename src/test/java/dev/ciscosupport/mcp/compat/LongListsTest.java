package dev.ciscosupport.mcp.compat;

import static dev.ciscosupport.mcp.replay.InProcessServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Collections;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 4: a long comma list once overflowed the stack in the advertised schema's list pattern (a 200 with
 * an empty body and a stack trace). The advertised schemas no longer carry list patterns and each item is checked on
 * its own, so a list of any length is answered: the red team's probe (thousands of copies of one short serial) as
 * one serial, and thousands of different serials with a sentence before anything reaches Cisco.
 */
class LongListsTest extends OnTheSandbox {
    private static final String[] SERIAL_TOOLS = {"get_coverage_status_by_serial", "get_eox_by_serial_number",
        "get_product_info_by_serial_numbers"};

    @Test
    void fourThousandCopiesOfAShortSerialAreOneSerial() {
        String serials = String.join(",", Collections.nCopies(4_000, "FOC1"));
        for (String tool : SERIAL_TOOLS) {
            McpSchema.CallToolResult result = server.call(tool, Map.of("serial_numbers", serials));
            assertThat(result.isError()).as(tool).isFalse();
            assertThat(text(result)).as(tool).doesNotContain("Exception", "StackOverflow", "\tat ");
        }
    }

    @Test
    void fourThousandDifferentSerialsGetASentenceAndNoCiscoCall() {
        String serials = IntStream.range(0, 4_000).mapToObj(i -> String.format("FOC%05d", i)).collect(Collectors.joining(","));
        for (String tool : SERIAL_TOOLS) {
            int before = sandbox.requests().apiRequests();
            McpSchema.CallToolResult result = server.call(tool, Map.of("serial_numbers", serials));
            assertThat(result.isError()).as(tool).isTrue();
            assertThat(text(result)).as(tool).containsIgnoringCase("serial").contains("at most")
                    .doesNotContain("Exception", "StackOverflow", "\tat ");
            assertThat(sandbox.requests().apiRequests()).as(tool).isEqualTo(before);
        }
    }
}
