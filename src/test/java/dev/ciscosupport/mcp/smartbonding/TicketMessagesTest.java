package dev.ciscosupport.mcp.smartbonding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The messages pushed to Smart Bonding, held to the shape of Cisco's documented create example. */
class TicketMessagesTest {

    static JsonNode example(String name) throws IOException {
        try (InputStream in = TicketMessagesTest.class.getResourceAsStream("/smartbonding/" + name)) {
            return Json.MAPPER.readTree(in);
        }
    }

    /** Every leaf's path: Calls.CHD.EMail. */
    private static List<String> paths(JsonNode node, String prefix) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) {
                out.addAll(paths(e.getValue(), path));
            } else {
                out.add(path);
            }
        }
        return out;
    }

    @Test
    void aNewTicketUsesOnlyTheFieldsOfCiscosCreateExample() throws IOException {
        ObjectNode message = TicketMessages.create("INC0041207", "BGP sessions flap on core-1", "Resets every 20 minutes.",
                new TicketMessages.Contact("Ana Maria Silva", "ana.silva@example.com", "+351-210-000-001"), null, "32", "2102",
                "CONFIG_ASSISTANCE");
        List<String> documented = paths(example("create.documented.json"), "");
        assertThat(paths(message, "")).isSubsetOf(documented).contains("Calls.CustCallID", "Calls.ShortDescription",
                "Calls.Description", "Calls.CHD.EMail", "Calls.CHD.LastName", "Calls.CustomerReasonCategory1",
                "Calls.CustomerReasonCategory3");
        assertThat(message.path("Calls").path("CHD").path("FirstName").asString()).isEqualTo("Ana Maria");
        assertThat(message.path("Calls").path("CHD").path("LastName").asString()).isEqualTo("Silva");
        assertThat(message.path("Calls").path("CHD").path("Tel").asString()).isEqualTo("+351-210-000-001");
    }

    @Test
    void aSeverityGoesWhereCiscosMessagesCarryIt() {
        ObjectNode message = TicketMessages.create("INC1", "Title", null, new TicketMessages.Contact("Silva", "a@b.example",
                null), "3", null, null, null);
        assertThat(message.path("Severities").path("ShortName").asString()).isEqualTo("3");
        assertThat(message.path("Calls").has("Description")).as("an absent description is not sent empty").isFalse();
        assertThat(message.path("Calls").path("CHD").has("FirstName")).as("one name is the last name").isFalse();
        assertThat(message.path("Calls").path("CHD").path("LastName").asString()).isEqualTo("Silva");
    }

    @Test
    void laterMessagesNameTheTicketAndItsState() {
        assertThat(Json.MAPPER.writeValueAsString(TicketMessages.update("INC1", "Logs attached", null)))
                .isEqualTo("{\"Calls\":{\"CustCallID\":\"INC1\",\"Remarks\":\"Logs attached\"},"
                        + "\"CallStates\":{\"ShortName\":\"Update\"}}");
        assertThat(TicketMessages.update("INC1", null, "Pending").path("CallStates").path("ShortName").asString())
                .isEqualTo("Pending");
        ObjectNode escalate = TicketMessages.escalate("INC1", "Outage spreading", "2");
        assertThat(escalate.path("Priorities").path("ShortName").asString()).isEqualTo("Escalated");
        assertThat(escalate.path("Severities").path("ShortName").asString()).isEqualTo("2");
        assertThat(escalate.path("CallStates").path("ShortName").asString()).isEqualTo("Update");
        assertThat(TicketMessages.resolve("INC1", "Fixed by 17.9.5").path("CallStates").path("ShortName").asString())
                .isEqualTo("Resolved");
        ObjectNode close = TicketMessages.close("INC1", "Upgraded to 17.9.5", "CSCwx12345");
        assertThat(close.path("CallStates").path("ShortName").asString()).isEqualTo("Closed");
        assertThat(close.path("Calls").path("Remarks").asString()).isEqualTo("Solution: Upgraded to 17.9.5\nDiagnosis: CSCwx12345");
    }
}
