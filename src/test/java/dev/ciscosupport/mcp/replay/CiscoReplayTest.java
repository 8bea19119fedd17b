package dev.ciscosupport.mcp.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Cisco's recorded answers, served verbatim, through every tool that fetches them, with a real MCP client:
 * the request that goes out is the one Cisco documents, every meaningful value of Cisco's answer reaches the
 * user (text or {@code structuredContent}), in Cisco's order, and each error reads as what it means.
 */
class CiscoReplayTest extends OnRecordedCisco {

    Stream<Replay> answers() {
        return RecordedAnswers.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void everyRecordedAnswerReachesTheUser(Replay replay) {
        cisco.answerWith(replay.example());
        McpSchema.CallToolResult result = server.call(replay.tool(), replay.arguments());
        String text = CiscoValues.shown(result);
        if (replay.words() != null) {
            assertThat(result.isError()).as("an error answer: %s", text).isEqualTo(replay.isError());
            assertThat(text).contains(CiscoValues.normalise(replay.words()));
            return;
        }
        assertThat(result.isError()).as("%s answered: %s", replay.tool(), text).isFalse();
        JsonNode answer = Json.MAPPER.readTree(RecordedCisco.example(replay.example()));
        String structured = Json.MAPPER.writeValueAsString(result.structuredContent());
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(cisco.requests().stream().map(CiscoRequest::normalise).toList()).as("the request sent to Cisco")
                .containsExactly(CiscoRequest.normalise(replay.request()));
        soft.assertThat(CiscoValues.missing(answer, result)).as("Cisco's values the user does not see").isEmpty();
        for (List<String> ids : CiscoOrder.sequences(answer)) {
            soft.assertThat(CiscoOrder.inOrder(structured, ids)).as("Cisco's order of %s", ids).isTrue();
        }
        soft.assertAll();
    }

    Stream<Replay> gatewayAnswers() {
        return RecordedAnswers.gateway().stream();
    }

    /** Each on a server of its own: a 403 Not Authorized withdraws the API's tools, as it should. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("gatewayAnswers")
    void everyGatewayRefusalIsASentence(Replay replay) {
        try (RecordedCisco gateway = RecordedCisco.start();
                InProcessServer own = new InProcessServer(gateway.apiBaseUrl(), gateway.tokenUrl(), "replay-client",
                        "replay-secret")) {
            gateway.answerWith(replay.example());
            McpSchema.CallToolResult result = own.call(replay.tool(), replay.arguments());
            assertThat(result.isError()).isTrue();
            assertThat(CiscoValues.shown(result)).contains(CiscoValues.normalise(replay.words()));
        }
    }

    @Test
    void everyExampleFileIsReplayedOrSaysWhyNot() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getResource("/cisco-examples").toURI());
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(p -> files.add(root.relativize(p).toString().replace('\\', '/')));
        }
        List<String> replayed = Stream.concat(RecordedAnswers.all().stream(), RecordedAnswers.gateway().stream())
                .map(Replay::example).toList();
        Map<String, String> notFetched = RecordedAnswers.notFetched();
        assertThat(files).hasSizeGreaterThan(70);
        assertThat(files).allSatisfy(f -> assertThat(replayed.contains(f)
                || notFetched.keySet().stream().anyMatch(f::startsWith)).as(f + " is replayed or listed").isTrue());
    }

    /** The shared examples and the test resources' copy are the same files (where shared/ is beside the project). */
    @Test
    void theCopyOfTheExamplesIsCurrent() throws IOException, URISyntaxException {
        Path shared = Path.of("..", "shared", "cisco-api", "examples");
        if (!Files.isDirectory(shared)) {
            return; // a clone on its own: the copy is all there is
        }
        Path copy = Path.of(getClass().getResource("/cisco-examples").toURI());
        try (Stream<Path> walk = Files.walk(shared)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path mine = copy.resolve(shared.relativize(p).toString());
                assertThat(Files.exists(mine)).as("copied: " + mine).isTrue();
                assertThat(Files.readString(mine)).as(mine.toString()).isEqualTo(Files.readString(p));
            }
        }
    }
}
