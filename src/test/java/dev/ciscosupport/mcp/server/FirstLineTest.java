package dev.ciscosupport.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the first stdio message says about the revision the process speaks, and that nothing read is lost. */
class FirstLineTest {
    private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an initialize opens a session|{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}|true",
        "server/discover is stateless|{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\",\"params\":{META}}|false",
        "an initialize with the new _meta is stateless (and told initialize is gone)|{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{META}}|false",
        "a tools/call first is stateless|{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"x\",META}}|false",
        "a line that is not JSON goes to the session server, whose guard answers it|this is not json|true",
        "blank lines before an initialize are skipped|\\n  \\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}|true"})
    void theFirstMessageChoosesAndIsHandedOnWhole(String what, String first, boolean session) throws IOException {
        String line = first.replace("{META}", "{" + META + "}").replace("META", META).replace("\\n", "\n");
        String rest = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n";
        InputStream in = new ByteArrayInputStream((line + "\n" + rest).getBytes(StandardCharsets.UTF_8));
        FirstLine read = FirstLine.read(in);
        assertThat(read.opensSession()).as(what).isEqualTo(session);
        assertThat(new String(read.followedBy(in).readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(line + "\n" + rest);
    }
}
