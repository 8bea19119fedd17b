package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.ThirdPartyText;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.json.Json;
import dev.ciscosupport.mcp.smartbonding.SmartBonding;
import dev.ciscosupport.mcp.smartbonding.TicketMessages;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Smart Bonding tools that change a ticket: each builds Cisco's message, says in one line what will be sent, asks
 * the user ({@link WriteConsent}), and only then pushes it.
 */
final class TicketWrites {
    /** The longest note sent (Cisco's field lengths are in a sheet its pages link but do not show). */
    private static final int TEXT = 32_000;
    /** What follows a sent change: Smart Bonding answers later, as a message to pull. */
    private static final String ANSWER_BY_PULL = "Cisco's answer comes by pull_smart_bonding_tickets.";
    private final SmartBonding bonding;
    private final WriteConsent consent;

    TicketWrites(SmartBonding bonding) {
        this.bonding = bonding;
        this.consent = new WriteConsent(bonding.unattendedWrites());
    }

    /** A text's length checked here: the schema shows the model only the limits it should plan for. */
    private static void within(String name, String value, int most) {
        if (value != null && value.length() > most) {
            throw new CiscoException.InvalidInput(name + " is " + value.length() + " characters long; at most " + most
                    + " are sent.");
        }
    }

    TypedTool.Answer<SmartBondingTools.Sent> create(SmartBondingTools.CreateArgs args, CallContext call,
            ClientRequests client) {
        within("ShortDescription", args.ShortDescription(), 255);
        within("DetailedDescription", args.DetailedDescription(), TEXT);
        within("Caller.Name", args.Caller().Name(), 120);
        within("Caller.Email", args.Caller().Email(), 254);
        String severity = args.Severity() != null ? args.Severity() : severityOf(args.Priority());
        if ("Escalated".equals(args.Priority())) {
            throw new CiscoException.InvalidInput("A ticket is escalated after it is open: create it, then call"
                    + " escalate_smart_bonding_ticket.");
        }
        if ("1".equals(severity) || "2".equals(severity)) {
            throw new CiscoException.InvalidInput("Cisco opens Smart Bonding cases at severity 3 or 4 only; open it at 3,"
                    + " then call Cisco TAC to raise it to " + severity + " (Smart Bonding's severity mapping).");
        }
        ObjectNode message = TicketMessages.create(args.CustCallID().strip(), args.ShortDescription().strip(),
                args.DetailedDescription(), new TicketMessages.Contact(args.Caller().Name(), args.Caller().Email(),
                        args.Caller().Phone()), severity, args.technologyCode(), args.subTechnologyCode(), args.problemCode());
        String what = "Open a Cisco TAC ticket " + args.CustCallID().strip() + ": \"" + args.ShortDescription().strip() + "\""
                + (severity == null ? "" : ", severity " + severity) + ", contact " + args.Caller().Name().strip() + " <"
                + args.Caller().Email().strip() + ">";
        return push("create", args.CustCallID(), message, args.correlationId(), what, call, client,
                "Cisco's TAC case number and upload credentials come as a message: pull_smart_bonding_tickets.");
    }

    private static String severityOf(String priority) {
        if (priority == null) {
            return null;
        }
        return switch (priority) {
            case "Low" -> "4";
            case "Medium" -> "3";
            case "High" -> "2";
            case "Critical" -> "1";
            default -> null;
        };
    }

    TypedTool.Answer<SmartBondingTools.Sent> update(SmartBondingTools.UpdateArgs args, CallContext call,
            ClientRequests client) {
        within("Remarks", args.Remarks(), TEXT);
        if ((args.Remarks() == null || args.Remarks().isBlank()) && args.Status() == null) {
            throw new CiscoException.InvalidInput("Give Remarks (the note for Cisco), a Status, or both.");
        }
        return push("update", args.CustCallID(), TicketMessages.update(args.CustCallID().strip(), args.Remarks(),
                args.Status()), args.correlationId(), "Update TAC ticket " + args.CustCallID().strip()
                + (args.Status() == null ? "" : " (state " + args.Status() + ")") + quoted(args.Remarks()), call, client,
                "Cisco's answer comes as a message: pull_smart_bonding_tickets.");
    }

    TypedTool.Answer<SmartBondingTools.Sent> escalate(SmartBondingTools.EscalateArgs args, CallContext call,
            ClientRequests client) {
        within("Remarks", args.Remarks(), TEXT);
        return push("escalate", args.CustCallID(), TicketMessages.escalate(args.CustCallID().strip(), args.Remarks(),
                args.Severity()), args.correlationId(), "Escalate TAC ticket " + args.CustCallID().strip()
                + (args.Severity() == null ? "" : " to severity " + args.Severity()) + quoted(args.Remarks()), call, client,
                "For severity 1 or 2, also call Cisco TAC. " + ANSWER_BY_PULL);
    }

    TypedTool.Answer<SmartBondingTools.Sent> resolve(SmartBondingTools.ResolveArgs args, CallContext call,
            ClientRequests client) {
        within("Remarks", args.Remarks(), TEXT);
        return push("resolve", args.CustCallID(), TicketMessages.resolve(args.CustCallID().strip(), args.Remarks()),
                args.correlationId(), "Mark TAC ticket " + args.CustCallID().strip() + " resolved" + quoted(args.Remarks()),
                call, client, ANSWER_BY_PULL);
    }

    TypedTool.Answer<SmartBondingTools.Sent> close(SmartBondingTools.CloseArgs args, CallContext call,
            ClientRequests client) {
        within("Solution", args.Solution(), TEXT);
        within("Diagnosis", args.Diagnosis(), TEXT);
        return push("close", args.CustCallID(), TicketMessages.close(args.CustCallID().strip(), args.Solution(),
                args.Diagnosis()), args.correlationId(), "Close TAC ticket " + args.CustCallID().strip() + " for good"
                + quoted(args.Solution()), call, client, ANSWER_BY_PULL);
    }

    private static String quoted(String remarks) {
        if (remarks == null || remarks.isBlank()) {
            return "";
        }
        String one = remarks.strip().replaceAll("\\s+", " ");
        return ": \"" + (one.length() > 200 ? one.substring(0, 200) + "..." : one) + "\"";
    }

    private TypedTool.Answer<SmartBondingTools.Sent> push(String operation, String custCallId, ObjectNode message,
            String givenCorrelation, String what, CallContext call, ClientRequests client, String next) {
        String correlation = WriteConsent.correlation(givenCorrelation);
        String where = " (Smart Bonding " + bonding.environment() + ")";
        if (!consent.confirmed(client, what + where + ". Send it to Cisco?")) {
            return new TypedTool.Answer<>("Not sent: the user did not confirm. " + what + ".",
                    new SmartBondingTools.Sent(false, operation, custCallId.strip(), correlation, bonding.environment(),
                            Optional.empty()));
        }
        JsonNode answer = ThirdPartyText.clean(bonding.client().push(message, correlation, call));
        String said = answer.isObject() && !answer.isEmpty() ? " Cisco answered: " + Json.MAPPER.writeValueAsString(answer)
                : "";
        return new TypedTool.Answer<>("Sent" + where + ": " + what + ". Correlation ID " + correlation + "." + said + " "
                + next, new SmartBondingTools.Sent(true, operation, custCallId.strip(), correlation, bonding.environment(),
                        answer.isEmpty() ? Optional.empty() : Optional.of(answer)));
    }
}
