package dev.ciscosupport.mcp.smartbonding;

import dev.ciscosupport.mcp.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ticket messages pushed to Smart Bonding, in the shape Cisco's customer documentation gives ("Customer Self
 * Onboarding", create example): the ticket in {@code Calls}, keyed by the customer's own ticket ID
 * {@code CustCallID}; the customer's contact in {@code Calls.CHD}; the state in {@code CallStates.ShortName}; the
 * severity (1-4, "Field and Value Mapping") in {@code Severities.ShortName}; an escalation in
 * {@code Priorities.ShortName}. Where the names come from field clients rather than Cisco's pages, the README says so.
 */
public final class TicketMessages {
    private TicketMessages() {
    }

    /** The person at the customer who opened the ticket. */
    public record Contact(String name, String email, String phone) {
    }

    /**
     * A new ticket.
     *
     * @param severity 1-4 as Cisco's severity mapping sends it, or null
     * @param tsp      Technology, Sub-Technology and Problem codes (each may be null: Cisco derives them)
     */
    public static ObjectNode create(String custCallId, String title, String description, Contact contact, String severity,
            String technology, String subTechnology, String problem) {
        ObjectNode message = Json.MAPPER.createObjectNode();
        ObjectNode calls = message.putObject("Calls");
        calls.put("CustCallID", custCallId);
        calls.put("ShortDescription", title);
        putIfGiven(calls, "Description", description);
        putIfGiven(calls, "CustomerReasonCategory1", technology);
        putIfGiven(calls, "CustomerReasonCategory2", subTechnology);
        putIfGiven(calls, "CustomerReasonCategory3", problem);
        ObjectNode chd = calls.putObject("CHD");
        String name = contact.name().strip();
        int space = name.lastIndexOf(' ');
        putIfGiven(chd, "FirstName", space < 0 ? null : name.substring(0, space).strip());
        chd.put("LastName", space < 0 ? name : name.substring(space + 1));
        putIfGiven(chd, "Tel", contact.phone());
        chd.put("EMail", contact.email());
        if (severity != null) {
            message.putObject("Severities").put("ShortName", severity);
        }
        return message;
    }

    /** A note on a ticket, in state {@code state} ("Update" unless the caller names another). */
    public static ObjectNode update(String custCallId, String remarks, String state) {
        return stated(custCallId, remarks, state == null ? "Update" : state);
    }

    /** An update that asks Cisco to escalate, optionally at a new severity. */
    public static ObjectNode escalate(String custCallId, String remarks, String severity) {
        ObjectNode message = stated(custCallId, remarks, "Update");
        message.putObject("Priorities").put("ShortName", "Escalated");
        if (severity != null) {
            message.putObject("Severities").put("ShortName", severity);
        }
        return message;
    }

    /** The customer considers the problem solved. */
    public static ObjectNode resolve(String custCallId, String remarks) {
        return stated(custCallId, remarks, "Resolved");
    }

    /** The customer closes the ticket: the solution, and the diagnosis when given, as its last note. */
    public static ObjectNode close(String custCallId, String solution, String diagnosis) {
        String remarks = "Solution: " + solution + (diagnosis == null || diagnosis.isBlank() ? "" : "\nDiagnosis: " + diagnosis);
        return stated(custCallId, remarks, "Closed");
    }

    private static ObjectNode stated(String custCallId, String remarks, String state) {
        ObjectNode message = Json.MAPPER.createObjectNode();
        ObjectNode calls = message.putObject("Calls");
        calls.put("CustCallID", custCallId);
        putIfGiven(calls, "Remarks", remarks);
        message.putObject("CallStates").put("ShortName", state);
        return message;
    }

    private static void putIfGiven(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
