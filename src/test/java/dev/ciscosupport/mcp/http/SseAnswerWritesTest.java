package dev.ciscosupport.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A POST's SSE answer as the SDK writes it, through the writer {@link SdkResponseFilter} gives it: every event but
 * the JSON-RPC response leaves when the SDK flushes it (a progress notification must reach the client while the call
 * goes on); the response, the stream's last event, leaves with the end of the body, in the same write.
 */
class SseAnswerWritesTest {
    /** The socket as the writer sees it: what was written, and what of it was flushed out. */
    private static final class Socket extends StringWriter {
        String flushed = "";

        @Override
        public void flush() {
            flushed = toString();
        }
    }

    /** As the SDK's transport writes an event: three writes, then a flush and a check for a client gone. */
    private static void event(PrintWriter writer, String id, String data) {
        writer.write("id: " + id + "\n");
        writer.write("event: message\n");
        writer.write("data: " + data + "\n\n");
        writer.flush();
        assertThat(writer.checkError()).isFalse();
    }

    private static String json(McpSchema.JSONRPCMessage message) throws IOException {
        return McpJsonDefaults.getMapper().writeValueAsString(message);
    }

    @Test
    void progressLeavesAtOnceAndTheResponseWaitsForTheEndOfTheAnswer() throws IOException {
        Socket socket = new Socket();
        PrintWriter writer = new PrintWriter(new SdkResponseFilter.ResponseWaitsForTheEnd(socket));
        String progress = json(new McpSchema.JSONRPCNotification("2.0", "notifications/progress",
                Map.of("progressToken", "p1", "progress", 1, "message", "1 of 3 requests to Cisco")));
        String answer = json(new McpSchema.JSONRPCResponse("2.0", 7, Map.of("content", java.util.List.of()), null));

        event(writer, "e1", progress);
        assertThat(socket.flushed).as("the progress notification, sent while the call goes on").contains(progress);

        event(writer, "e2", answer);
        assertThat(socket.toString()).as("written").contains(answer);
        assertThat(socket.flushed).as("flushed").doesNotContain(answer);

        writer.close(); // the SDK completes the answer: Jetty sends the rest with the end of the body
        assertThat(socket.toString()).endsWith("data: " + answer + "\n\n");
    }

    @Test
    void anEventAfterAResponseIsFlushedAndTakesTheResponseWithIt() throws IOException {
        Socket socket = new Socket();
        PrintWriter writer = new PrintWriter(new SdkResponseFilter.ResponseWaitsForTheEnd(socket));
        String answer = json(new McpSchema.JSONRPCResponse("2.0", 7, Map.of(), null));
        String request = json(new McpSchema.JSONRPCRequest("2.0", "sampling/createMessage", "s1", Map.of()));

        event(writer, "e1", answer);
        event(writer, "e2", request);

        assertThat(socket.flushed).contains(answer).contains(request);
    }

    @Test
    void onlyAResponseIsHeldAsTheSdksMapperWritesIt() throws IOException {
        assertThat("data: " + json(new McpSchema.JSONRPCResponse("2.0", "abc", Map.of(), null)))
                .startsWith(SdkResponseFilter.ResponseWaitsForTheEnd.RESPONSE);
        assertThat("data: " + json(new McpSchema.JSONRPCResponse("2.0", 1, null,
                new McpSchema.JSONRPCResponse.JSONRPCError(-32602, "bad", null))))
                .startsWith(SdkResponseFilter.ResponseWaitsForTheEnd.RESPONSE);
        assertThat("data: " + json(new McpSchema.JSONRPCRequest("2.0", "elicitation/create", 3, Map.of())))
                .doesNotStartWith(SdkResponseFilter.ResponseWaitsForTheEnd.RESPONSE);
        assertThat("data: " + json(new McpSchema.JSONRPCNotification("2.0", "notifications/message", Map.of())))
                .doesNotStartWith(SdkResponseFilter.ResponseWaitsForTheEnd.RESPONSE);
    }
}
