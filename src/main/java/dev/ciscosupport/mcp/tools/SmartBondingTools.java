package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.ThirdPartyText;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.smartbonding.PulledMessage;
import dev.ciscosupport.mcp.smartbonding.SmartBonding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The eight Smart Bonding tools, with the TypeScript server's names and arguments: read the routing codes, pull Cisco's
 * ticket updates, and open, update, escalate, resolve and close a Cisco TAC ticket or attach a file to it. Every change
 * is confirmed by the user first (elicitation, both protocol revisions); where the client cannot ask, it is refused
 * unless the operator allowed unattended writes. Each call carries a correlation ID, the caller's or a new one.
 */
final class SmartBondingTools {
    private final SmartBonding bonding;
    private final ToolContext context;
    private final TicketWrites writes;
    private final TicketUpload upload;

    SmartBondingTools(SmartBonding bonding, ToolContext context) {
        this.bonding = bonding;
        this.context = context;
        this.writes = new TicketWrites(bonding);
        this.upload = new TicketUpload(bonding);
    }

    record TspQuery(
            @Arg(value = "Codes with an ID above this (the last ID of the page before).", minimum = 0) Long sinceId,
            @Arg(value = "Codes with an ID up to this.", minimum = 0) Long maxId,
            @Arg(value = "At most this many (default 100; Cisco's most 10000).", minimum = 1, maximum = 10_000) Integer limit,
            @Arg(value = "Only codes whose names contain this.", maxLength = 80) String search) {
    }

    record TspPage(int count, List<Map<String, Object>> codes, Optional<Long> nextSinceId, String correlationId) {
    }

    record PullArgs(@Arg(value = "Sent as x-correlation-id (one is made when absent).", maxLength = 100) String correlationId,
            @Arg(value = "Most messages to pull (default 10).", minimum = 1, maximum = 50) Integer maxMessages) {
    }

    record Pulled(int messages, List<Map<String, Object>> updates, boolean moreWaiting, String correlationId,
            String environment) {
    }

    record Caller(@Arg(value = "Full name.", required = true, maxLength = 120) String Name,
            @Arg(value = "Email.", required = true, maxLength = 254, pattern = "^[^@\\s]+@[^@\\s]+$") String Email,
            @Arg(value = "Phone.", maxLength = 40) String Phone) {
    }

    record CreateArgs(
            @Arg(value = "Your own ticket ID (your ITSM's); later calls name it.", required = true, maxLength = 100)
            String CustCallID,
            @Arg(value = "Title.", required = true, maxLength = 255) String ShortDescription,
            @Arg(value = "Who opened it.", required = true) Caller Caller,
            @Arg(value = "The problem in detail (detail routes it better).", maxLength = 32_000) String DetailedDescription,
            @Arg(value = "Severity when Severity is absent: Low 4, Medium 3.",
                    choices = {"Low", "Medium", "High", "Critical", "Escalated"}) String Priority,
            @Arg(value = "3 or 4 (Cisco raises 1 and 2 by phone).", choices = {"1", "2", "3", "4"}, orWholeNumber = true)
            String Severity,
            @Arg(value = "Technology code; Cisco derives it when absent.", maxLength = 100) String technologyCode,
            @Arg(value = "Sub-technology code.", maxLength = 100) String subTechnologyCode,
            @Arg(value = "Problem code.", maxLength = 100) String problemCode,
            @Arg(value = "Sent as x-correlation-id.", maxLength = 100) String correlationId) {
    }

    record UpdateArgs(@Arg(value = "Your ticket ID.", required = true, maxLength = 100) String CustCallID,
            @Arg(value = "The note for Cisco.", maxLength = 32_000) String Remarks,
            @Arg(value = "State (default Update).", choices = {"Update", "Open", "Pending", "In Progress"}) String Status,
            @Arg(value = "Sent as x-correlation-id.", maxLength = 100) String correlationId) {
    }

    record EscalateArgs(@Arg(value = "Your ticket ID.", required = true, maxLength = 100) String CustCallID,
            @Arg(value = "Why it must be escalated.", required = true, maxLength = 32_000) String Remarks,
            @Arg(value = "New severity.", choices = {"1", "2", "3", "4"}, orWholeNumber = true) String Severity,
            @Arg(value = "Sent as x-correlation-id.", maxLength = 100) String correlationId) {
    }

    record ResolveArgs(@Arg(value = "Your ticket ID.", required = true, maxLength = 100) String CustCallID,
            @Arg(value = "How it was solved.", required = true, maxLength = 32_000) String Remarks,
            @Arg(value = "Sent as x-correlation-id.", maxLength = 100) String correlationId) {
    }

    record CloseArgs(@Arg(value = "Your ticket ID.", required = true, maxLength = 100) String CustCallID,
            @Arg(value = "The solution.", required = true, maxLength = 32_000) String Solution,
            @Arg(value = "The diagnosis.", maxLength = 32_000) String Diagnosis,
            @Arg(value = "Sent as x-correlation-id.", maxLength = 100) String correlationId) {
    }

    record UploadArgs(
            @Arg(value = "Cisco's TAC case number.", required = true, maxLength = 20, pattern = "^[0-9]{6,20}$")
            String ticketNumber,
            @Arg(value = "Default: the token Cisco sent for the case (kept here).", maxLength = 200) String uploadToken,
            @Arg(value = "cxd.cisco.com only.", maxLength = 253) String uploadDomain,
            @Arg(value = "File name, no folder.", required = true, maxLength = 255) String filename,
            @Arg(value = "The file, base64.", required = true, maxLength = 4_200_000) String fileContent) {
    }

    /** What a change did: sent or not (the user declined), to which ticket, under which correlation ID. */
    record Sent(boolean sent, String operation, String custCallId, String correlationId, String environment,
            Optional<JsonNode> ciscoAnswer) {
    }

    record Uploaded(boolean sent, String ticketNumber, String filename, long bytes, String host) {
    }

    List<ToolDefinition> definitions() {
        return List.of(
                TypedTool.readOnly("get_smart_bonding_tsp_codes", "Smart Bonding Routing Codes",
                        "Cisco's technology / sub-technology / problem codes for routing a new TAC ticket.",
                        TspQuery.class, TspPage.class, context, this::tspCodes),
                TypedTool.changing("pull_smart_bonding_tickets", "Pull Smart Bonding Updates",
                        "Cisco's new messages on your TAC tickets (case numbers, states, notes). Each is handed out once.",
                        PullArgs.class, Pulled.class, context, false, false, (args, call, client) -> pull(args, call)),
                TypedTool.changing("create_smart_bonding_ticket", "Open a Cisco TAC Ticket",
                        "Opens a TAC case through Smart Bonding, after the user confirms. Cisco's case number comes by pull.",
                        CreateArgs.class, Sent.class, context, false, false, writes::create),
                TypedTool.changing("update_smart_bonding_ticket", "Update a TAC Ticket",
                        "Adds a note to a Smart Bonding ticket, after the user confirms.",
                        UpdateArgs.class, Sent.class, context, false, false, writes::update),
                TypedTool.changing("upload_file_to_smart_bonding_ticket", "Attach a File to a TAC Ticket",
                        "Uploads a file to a TAC case on Cisco's file drive, after the user confirms.",
                        UploadArgs.class, Uploaded.class, context, false, false, upload::upload),
                TypedTool.changing("escalate_smart_bonding_ticket", "Escalate a TAC Ticket",
                        "Asks Cisco to escalate a Smart Bonding ticket, after the user confirms.",
                        EscalateArgs.class, Sent.class, context, false, false, writes::escalate),
                TypedTool.changing("resolve_smart_bonding_ticket", "Resolve a TAC Ticket",
                        "Marks a Smart Bonding ticket resolved, after the user confirms.",
                        ResolveArgs.class, Sent.class, context, true, true, writes::resolve),
                TypedTool.changing("close_smart_bonding_ticket", "Close a TAC Ticket",
                        "Closes a Smart Bonding ticket with its solution, after the user confirms; it cannot be reopened.",
                        CloseArgs.class, Sent.class, context, true, true, writes::close));
    }

    private TypedTool.Answer<TspPage> tspCodes(TspQuery args, CallContext call) {
        Map<String, String> query = new LinkedHashMap<>();
        if (args.sinceId() != null) {
            query.put("since_id", String.valueOf(args.sinceId()));
        }
        if (args.maxId() != null) {
            query.put("max_id", String.valueOf(args.maxId()));
        }
        query.put("limit", String.valueOf(args.limit() == null ? 100 : args.limit()));
        String correlation = UUID.randomUUID().toString();
        JsonNode page = ThirdPartyText.clean(bonding.client().tspCodes(query, correlation, call));
        String wanted = args.search() == null ? "" : args.search().strip().toLowerCase(Locale.ROOT);
        List<Map<String, Object>> codes = new ArrayList<>();
        long lastId = -1;
        StringBuilder text = new StringBuilder();
        for (JsonNode code : page.path("tspCodes")) {
            lastId = Math.max(lastId, code.path("id").asLong(-1));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", code.path("id").asLong());
            row.put("technology", code.path("techName").asString(""));
            row.put("technology_id", code.path("techId").asLong());
            row.put("sub_technology", code.path("subTechName").asString(""));
            row.put("sub_technology_id", code.path("subTechId").asLong());
            row.put("problem_code", code.path("problemCodeName").asString(""));
            row.put("problem", code.path("problemCodeDescription").asString(""));
            row.put("change", code.path("changeFlag").asString(""));
            String line = row.get("technology") + " > " + row.get("sub_technology") + " > " + row.get("problem");
            if (!wanted.isEmpty() && !(line + " " + row.get("problem_code")).toLowerCase(Locale.ROOT).contains(wanted)) {
                continue;
            }
            codes.add(row);
            String change = code.path("changeFlag").asString("Unchanged");
            text.append(row.get("technology_id")).append('/').append(row.get("sub_technology_id")).append('/')
                    .append(row.get("problem_code")).append(": ").append(line)
                    .append("Unchanged".equalsIgnoreCase(change) ? "" : " [" + change + ": do not use]").append('\n');
        }
        boolean more = hasNext(page);
        Optional<Long> next = more && lastId >= 0 ? Optional.of(lastId) : Optional.empty();
        String head = codes.size() + (codes.size() == 1 ? " code" : " codes") + (wanted.isEmpty() ? "" : " matching \""
                + args.search().strip() + "\"") + (next.map(n -> "; more with since_id " + n).orElse("")) + ":\n";
        return new TypedTool.Answer<>((head + text).strip(), new TspPage(codes.size(), codes, next, correlation));
    }

    /** Whether Cisco's page links a next one ({@code _links} with {@code rel} next). */
    private static boolean hasNext(JsonNode page) {
        for (JsonNode link : page.path("_links")) {
            if ("next".equalsIgnoreCase(link.path("rel").asString(""))) {
                return true;
            }
        }
        return false;
    }

    private TypedTool.Answer<Pulled> pull(PullArgs args, CallContext call) {
        String correlation = WriteConsent.correlation(args.correlationId());
        int most = args.maxMessages() == null ? 10 : args.maxMessages();
        List<Map<String, Object>> updates = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean more = true;
        for (int i = 0; i < most; i++) {
            Optional<JsonNode> message = bonding.client().pull(correlation, call);
            if (message.isEmpty()) {
                more = false;
                break;
            }
            PulledMessage read = PulledMessage.of(message.get());
            read.upload().ifPresent(bonding.uploads()::keep);
            updates.add(read.shown());
            text.append("- ").append(line(read)).append('\n');
        }
        String head = updates.isEmpty() ? "No new message from Cisco." : updates.size() + (updates.size() == 1
                ? " message" : " messages") + " from Cisco" + (more ? " (more are waiting: pull again)" : "") + ":\n";
        return new TypedTool.Answer<>((head + text).strip(), new Pulled(updates.size(), updates, more && !updates.isEmpty(),
                correlation, bonding.environment()));
    }

    private static String line(PulledMessage m) {
        StringBuilder out = new StringBuilder(m.custCallId().isEmpty() ? "(no ticket ID)" : m.custCallId());
        if (!m.ciscoCase().isEmpty()) {
            out.append(" = TAC case ").append(m.ciscoCase());
        }
        if (!m.state().isEmpty()) {
            out.append(", ").append(m.state());
        }
        if (!m.severity().isEmpty()) {
            out.append(", severity ").append(m.severity());
        }
        if (!m.priority().isEmpty()) {
            out.append(", ").append(m.priority());
        }
        if (!m.remarks().isEmpty()) {
            String remarks = m.remarks().replaceAll("\\s+", " ");
            out.append(": ").append(remarks.length() > 400 ? remarks.substring(0, 400) + "..." : remarks);
        }
        m.upload().ifPresent(u -> out.append(" [upload credentials received and kept by the server")
                .append(u.expires().map(e -> " until " + e.toString().substring(0, 10)).orElse("")).append(']'));
        return out.toString();
    }
}
