package dev.ciscosupport.mcp.smartbonding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Cisco's messages read: the documented answer to a new ticket, and the same with ExtTableValues inside Calls. */
class PulledMessageTest {

    @Test
    void theAnswerToANewTicketGivesTheCaseNumberAndItsUploadCredentials() throws IOException {
        PulledMessage read = PulledMessage.of(TicketMessagesTest.example("created.documented.json"));
        assertThat(read.custCallId()).isEqualTo("INC0041207");
        assertThat(read.ciscoCase()).isEqualTo("698123456");
        assertThat(read.smartBondingId()).isEqualTo("9876543210");
        assertThat(read.remarks()).isEqualTo("CaseCreate successful!\nCSOne Case ID: 698123456");
        assertThat(read.upload()).hasValueSatisfying(u -> {
            assertThat(u.ticketNumber()).isEqualTo("698123456");
            assertThat(u.domain()).isEqualTo("cxd.cisco.com");
            assertThat(u.token()).isEqualTo("Xq7-TokenPassword-k2P");
            assertThat(u.expires()).contains(Instant.ofEpochSecond(1785542400));
            assertThat(u.toString()).doesNotContain("Xq7");
        });
        String shown = Json.MAPPER.writeValueAsString(read.shown());
        assertThat(shown).contains("\"cisco_case\":\"698123456\"").contains("\"kept_by_server\":true")
                .doesNotContain("Xq7-TokenPassword");
    }

    @Test
    void credentialsInsideCallsAndCodeNamesAreReadToo() throws IOException {
        ObjectNode message = (ObjectNode) TicketMessagesTest.example("created.documented.json");
        ((ObjectNode) message.path("Calls")).set("ExtTableValues", message.remove("ExtTableValues"));
        message.putObject("CallStates").put("ShortName", "Ack").put("Name", "Acknowledged");
        message.putObject("Severities").put("ShortName", "3").put("Name", "3");
        PulledMessage read = PulledMessage.of(message);
        assertThat(read.upload()).isPresent();
        assertThat(read.state()).isEqualTo("Ack (Acknowledged)");
        assertThat(read.severity()).isEqualTo("3");
    }

    @Test
    void aMessageWithoutATokenHasNoUpload() {
        ObjectNode message = Json.MAPPER.createObjectNode();
        message.putObject("Calls").put("CustCallID", "INC1").put("SPCallID", "698000001").put("Remarks", "TAC: on it");
        assertThat(PulledMessage.of(message).upload()).isEmpty();
        assertThat(PulledMessage.of(message).shown()).doesNotContainKey("upload_credentials");
    }
}
