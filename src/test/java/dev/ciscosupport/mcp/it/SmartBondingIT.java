package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.sandbox.SandboxServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * A TAC ticket's whole life through a real client (the TypeScript SDK over HTTP, both protocol revisions): the user
 * confirms each change; the ticket is created, its case number and upload credentials pulled, a file attached, then
 * updated, escalated and closed, and Cisco's answers pulled. A user who declines, a client that cannot ask, and an upload
 * pointed at another host send nothing to Cisco.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmartBondingIT {
    private static final String TOKEN = "smart-bonding-token-0123456789abcdef";
    private final SandboxServer cisco = SandboxServer.startOnLoopback();
    private HttpServerProcess server;

    @BeforeAll
    void start() throws Exception {
        server = new HttpServerProcess(env());
    }

    @AfterAll
    void stop() {
        server.close();
        cisco.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SUPPORT_API", "smart_bonding");
        env.put("MCP_BEARER_TOKEN", TOKEN);
        env.put("SMART_BONDING_CLIENT_ID", SandboxServer.CLIENT_ID);
        env.put("SMART_BONDING_CLIENT_SECRET", SandboxServer.CLIENT_SECRET);
        env.put("SMART_BONDING_API_URL", cisco.smartBondingBase().toString());
        env.put("SMART_BONDING_TOKEN_URL", cisco.tokenUrl().toString());
        env.put("SMART_BONDING_UPLOAD_URL", cisco.apiBaseUrl().toString());
        env.put("CISCO_ENTITLEMENT_CHECK", "false");
        return env;
    }

    private static Map<String, Object> ticket(String id) {
        return Map.of("CustCallID", id, "ShortDescription", "BGP sessions flap on core-1",
                "DetailedDescription", "Since the 17.9.4a upgrade both upstream sessions reset every 20 minutes.",
                "Caller", Map.of("Name", "Ana Silva", "Email", "ana.silva@example.com", "Phone", "+351-210-000-001"),
                "Priority", "Medium");
    }

    private long pushes() {
        return cisco.smartBondingRequests().stream().filter(r -> r.path().endsWith("/push/call")).count();
    }

    private long uploads() {
        return cisco.smartBondingRequests().stream().filter(r -> r.path().startsWith("/home/")).count();
    }

    private static String text(JsonNode step) {
        return step.path("value").path("content").path(0).path("text").asString();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"legacy", "2026-07-28"})
    void aTicketIsOpenedFollowedAndClosedWithTheUsersConsent(String revision) throws Exception {
        String id = "INC-" + revision.replace("-", "");
        JsonNode opened = Scenario.http(server.url(), TOKEN).negotiating(revision).withElicitationPickingTheFirstChoice()
                .call("create_smart_bonding_ticket", ticket(id))
                .call("pull_smart_bonding_tickets", Map.of())
                .elicitations()
                .run();
        JsonNode created = opened.path(0).path("value");
        assertThat(created.path("isError").asBoolean()).as("%s", created).isFalse();
        String where = "Smart Bonding at " + cisco.smartBondingBase().getAuthority();
        assertThat(text(opened.path(0))).startsWith("Sent (" + where + "): Open a Cisco TAC ticket " + id
                + ": \"BGP sessions flap on core-1\", severity 3, contact Ana Silva <ana.silva@example.com>.");
        assertThat(created.path("structuredContent").path("sent").asBoolean()).isTrue();
        String correlation = created.path("structuredContent").path("correlation_id").asString();
        assertThat(cisco.smartBondingRequests()).anySatisfy(r -> assertThat(r.correlationId()).isEqualTo(correlation));
        JsonNode asked = opened.path(2).path("value").path("requests");
        assertThat(asked).hasSize(1);
        assertThat(asked.path(0).path("message").asString()).startsWith("Open a Cisco TAC ticket " + id)
                .endsWith("Send it to Cisco?");

        JsonNode update = opened.path(1).path("value").path("structuredContent").path("updates").valueStream()
                .filter(u -> u.path("cust_call_id").asString().equals(id)).findFirst().orElseThrow();
        String ciscoCase = update.path("cisco_case").asString();
        assertThat(ciscoCase).matches("\\d{9}");
        assertThat(text(opened.path(1))).contains(id + " = TAC case " + ciscoCase)
                .contains("upload credentials received and kept by the server").doesNotContain("Field81");

        byte[] file = "show logging\n%BGP-5-ADJCHANGE: neighbor 192.0.2.1 Down\n".getBytes(StandardCharsets.UTF_8);
        String log = Base64.getEncoder().encodeToString(file);
        JsonNode followed = Scenario.http(server.url(), TOKEN).negotiating(revision).withElicitationPickingTheFirstChoice()
                .call("upload_file_to_smart_bonding_ticket", Map.of("ticket_number", ciscoCase, "filename", "core-1.log",
                        "file_content", log))
                .call("update_smart_bonding_ticket", Map.of("CustCallID", id, "Remarks", "Attached core-1's log."))
                .call("escalate_smart_bonding_ticket", Map.of("CustCallID", id, "Remarks", "Now on three sites."))
                .call("close_smart_bonding_ticket", Map.of("CustCallID", id, "Solution", "Upgraded to 17.9.5.",
                        "Diagnosis", "CSCwx12345"))
                .call("pull_smart_bonding_tickets", Map.of("max_messages", 10))
                .run();
        for (int i = 0; i < 4; i++) {
            assertThat(followed.path(i).path("value").path("isError").asBoolean()).as("%s", followed.path(i)).isFalse();
        }
        assertThat(text(followed.path(0))).isEqualTo("Uploaded core-1.log (" + file.length + " bytes) to TAC case "
                + ciscoCase + ". Cisco links it in the case notes.");
        assertThat(cisco.smartBondingFiles(ciscoCase)).containsExactly("core-1.log");
        assertThat(text(followed.path(3))).startsWith("Sent (" + where + "): Close TAC ticket " + id);
        List<String> states = followed.path(4).path("value").path("structuredContent").path("updates").valueStream()
                .filter(u -> u.path("cust_call_id").asString().equals(id)).map(u -> u.path("state").asString()).toList();
        assertThat(states).containsExactly("Update", "Update", "Closed");
        assertThat(text(followed.path(4))).contains("Escalated").contains("Closure received");
    }

    @Test
    void aUserWhoDeclinesAClientThatCannotAskAndAnotherUploadHostSendNothing() throws Exception {
        long pushesBefore = pushes();
        JsonNode declined = Scenario.http(server.url(), TOKEN).negotiating("legacy").withElicitationDeclined()
                .call("create_smart_bonding_ticket", ticket("INC-DECLINED"))
                .run();
        assertThat(text(declined.path(0))).startsWith("Not sent: the user did not confirm. Open a Cisco TAC ticket"
                + " INC-DECLINED");
        assertThat(declined.path(0).path("value").path("structuredContent").path("sent").asBoolean()).isFalse();

        JsonNode unasked = Scenario.http(server.url(), TOKEN).negotiating("legacy")
                .call("close_smart_bonding_ticket", Map.of("CustCallID", "INC-ANY", "Solution", "done"))
                .run();
        assertThat(unasked.path(0).path("value").path("isError").asBoolean()).isTrue();
        assertThat(text(unasked.path(0))).startsWith("Not sent: this client cannot ask the user to confirm a change")
                .contains("SMART_BONDING_UNATTENDED_WRITES");
        assertThat(pushes()).as("nothing pushed to Cisco").isEqualTo(pushesBefore);

        long uploadsBefore = uploads();
        JsonNode elsewhere = Scenario.http(server.url(), TOKEN).negotiating("legacy").withElicitationPickingTheFirstChoice()
                .call("upload_file_to_smart_bonding_ticket", Map.of("ticket_number", "698000001", "upload_token", "t0k3n",
                        "upload_domain", "files.attacker.example", "filename", "x.log", "file_content", "eA=="))
                .elicitations()
                .run();
        assertThat(elsewhere.path(0).path("value").path("isError").asBoolean()).isTrue();
        assertThat(text(elsewhere.path(0))).isEqualTo("upload_domain must be cxd.cisco.com, where Cisco takes TAC"
                + " attachments; this server sends a case's upload credentials nowhere else.");
        assertThat(elsewhere.path(1).path("value").path("requests")).as("not even asked").isEmpty();
        assertThat(uploads()).isEqualTo(uploadsBefore);
    }
}
