package dev.ciscosupport.mcp.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Smart Bonding tools as a client without elicitation meets them: the reads answer; each bad argument is refused
 * with a sentence before anything reaches Cisco; a good change is refused because nobody can confirm it.
 */
class SmartBondingToolsTest extends OnTheSandbox {

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    private int requests() {
        return sandbox.smartBondingRequests().size();
    }

    private static Map<String, Object> ticket(Map<String, Object> changes) {
        Map<String, Object> out = new LinkedHashMap<>(Map.of("CustCallID", "INC-1", "ShortDescription", "Title",
                "Caller", Map.of("Name", "Ana Silva", "Email", "ana@example.com")));
        out.putAll(changes);
        return out;
    }

    static Stream<Arguments> refusals() {
        Map<String, Object> upload = Map.of("ticket_number", "698000001", "upload_token", "t", "filename", "a.log",
                "file_content", "eA==");
        return Stream.of(
                Arguments.of("create_smart_bonding_ticket", ticket(Map.of("Severity", "1")),
                        "Cisco opens Smart Bonding cases at severity 3 or 4 only; open it at 3, then call Cisco TAC to raise"
                                + " it to 1 (Smart Bonding's severity mapping)."),
                Arguments.of("create_smart_bonding_ticket", ticket(Map.of("Priority", "High")),
                        "Cisco opens Smart Bonding cases at severity 3 or 4 only; open it at 3, then call Cisco TAC to raise"
                                + " it to 2 (Smart Bonding's severity mapping)."),
                Arguments.of("create_smart_bonding_ticket", ticket(Map.of("Priority", "Escalated")),
                        "A ticket is escalated after it is open: create it, then call escalate_smart_bonding_ticket."),
                Arguments.of("create_smart_bonding_ticket", ticket(Map.of("Caller", Map.of("Name", "Ana"))),
                        "Tool (create_smart_bonding_ticket) input validation failed: Validation failed: JSON schema"
                                + " validation errors: [/Caller: required property 'Email' not found] Caller: Who opened it."),
                Arguments.of("create_smart_bonding_ticket", ticket(Map.of("ShortDescription", "x".repeat(256))),
                        "ShortDescription is 256 characters long; at most 255 are sent."),
                Arguments.of("update_smart_bonding_ticket", Map.of("CustCallID", "INC-1"),
                        "Give Remarks (the note for Cisco), a Status, or both."),
                Arguments.of("update_smart_bonding_ticket", Map.of("CustCallID", "INC-1", "Remarks", "x",
                        "correlation_id", "a b"), "correlation_id takes letters, digits and . _ : - (at most 100)."),
                Arguments.of("upload_file_to_smart_bonding_ticket", with(upload, "upload_domain", "cxd.cisco.com.evil.example"),
                        "upload_domain must be cxd.cisco.com, where Cisco takes TAC attachments; this server sends a case's"
                                + " upload credentials nowhere else."),
                Arguments.of("upload_file_to_smart_bonding_ticket", with(upload, "filename", "../../etc/passwd"),
                        "filename must be a plain file name: no folder, no control or reserved character."),
                Arguments.of("upload_file_to_smart_bonding_ticket", with(upload, "file_content", "not base64!"),
                        "file_content must be the file in base64."),
                Arguments.of("upload_file_to_smart_bonding_ticket", with(upload, "file_content",
                        java.util.Base64.getEncoder().encodeToString(new byte[600 * 1024])),
                        "The file is 600 KiB; this server uploads at most 512 KiB per call (SMART_BONDING_MAX_UPLOAD_MB)."
                                + " Larger files go through Cisco's Support Case Manager or the file drive directly."),
                Arguments.of("upload_file_to_smart_bonding_ticket", with(upload, "upload_token", ""),
                        "No upload token is known for case 698000001 on this server: pull_smart_bonding_tickets brings the"
                                + " one Cisco sends after the case is created; otherwise give upload_token (Cisco's Support Case"
                                + " Manager shows the case's)."));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        out.put(key, value);
        return out;
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("refusals")
    void aBadArgumentIsRefusedBeforeAnythingReachesCisco(String tool, Map<String, Object> arguments, String sentence) {
        int before = requests();
        McpSchema.CallToolResult result = server.call(tool, arguments);
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo(sentence);
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void aGoodChangeIsRefusedWhenNobodyCanConfirmIt() {
        int before = requests();
        McpSchema.CallToolResult result = server.call("create_smart_bonding_ticket", ticket(Map.of()));
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo("Not sent: this client cannot ask the user to confirm a change to a Cisco TAC"
                + " ticket, and this server makes none unconfirmed (SMART_BONDING_UNATTENDED_WRITES is false). Use a client"
                + " with elicitation, or ask the operator.");
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void theRoutingCodesAndAnEmptyPullAnswer() {
        McpSchema.CallToolResult codes = server.call("get_smart_bonding_tsp_codes", Map.of("limit", 5));
        assertThat(codes.isError()).isFalse();
        assertThat(text(codes)).startsWith("5 codes; more with since_id 10000015707:\n"
                + "15/3315/PASSWORD_RECOV: NMS (Network Management Services) > Netflow Generation Appliance NGA >"
                + " Password Recovery\n");
        McpSchema.CallToolResult bgp = server.call("get_smart_bonding_tsp_codes", Map.of("search", "bgp", "limit", 1000));
        assertThat(text(bgp)).startsWith("5 codes matching \"bgp\":\n32/2102/");
        assertThat(bgp.structuredContent()).isInstanceOf(Map.class);
        while (!text(server.call("pull_smart_bonding_tickets", Map.of())).startsWith("No new message")) {
            // messages other tests left
        }
        McpSchema.CallToolResult pulled = server.call("pull_smart_bonding_tickets", Map.of("correlation_id", "itsm-42"));
        assertThat(text(pulled)).startsWith("No new message from Cisco.");
        assertThat(sandbox.smartBondingRequests().get(sandbox.smartBondingRequests().size() - 1).correlationId())
                .isEqualTo("itsm-42");
    }
}
