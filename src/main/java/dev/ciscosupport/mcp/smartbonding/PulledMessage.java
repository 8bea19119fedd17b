package dev.ciscosupport.mcp.smartbonding;

import dev.ciscosupport.mcp.cisco.ThirdPartyText;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One message Cisco sent through Smart Bonding, read: which ticket (the customer's {@code CustCallID}, Cisco's TAC case
 * {@code SPCallID}, Smart Bonding's {@code SDCallID}), its state, severity and escalation, the note, and the upload
 * credentials Cisco sends after a ticket is created ({@code ExtTableValues} {@code Field80} domain, {@code Field81}
 * token, {@code Field82} expiry in epoch seconds: "Attachment Information"). Cisco's example puts
 * {@code ExtTableValues} beside {@code Calls}; field clients have seen it inside; both are read.
 */
public record PulledMessage(String custCallId, String ciscoCase, String smartBondingId, String state, String severity,
        String priority, String title, String remarks, Optional<Upload> upload, JsonNode raw) {

    /** A ticket's own credentials for Cisco's file drive. */
    public record Upload(String ticketNumber, String domain, String token, Optional<Instant> expires) {
        @Override
        public String toString() {
            return "Upload[ticket=" + ticketNumber + ", domain=" + domain + ", token=(set), expires=" + expires + "]";
        }
    }

    public static PulledMessage of(JsonNode message) {
        JsonNode calls = message.path("Calls");
        JsonNode ext = holder(message, "ExtTableValues");
        String ciscoCase = text(calls, "SPCallID");
        Optional<Upload> upload = Optional.empty();
        String token = text(ext, "Field81");
        if (!token.isEmpty() && !ciscoCase.isEmpty()) {
            JsonNode expiry = ext.path("Field82");
            Optional<Instant> expires = expiry.canConvertToLong() || expiry.isString() && expiry.asString().matches("\\d{9,12}")
                    ? Optional.of(Instant.ofEpochSecond(expiry.asLong())) : Optional.empty();
            upload = Optional.of(new Upload(ciscoCase, text(ext, "Field80"), token, expires));
        }
        return new PulledMessage(text(calls, "CustCallID"), ciscoCase, text(calls, "SDCallID"),
                codeName(holder(message, "CallStates")), codeName(holder(message, "Severities")),
                codeName(holder(message, "Priorities")),
                text(calls, "ShortDescription"), text(calls, "Remarks"), upload, message);
    }

    /** The message as the model reads it: no upload token, whatever else Cisco said. */
    public Map<String, Object> shown() {
        Map<String, Object> out = new LinkedHashMap<>();
        putIfGiven(out, "cust_call_id", custCallId);
        putIfGiven(out, "cisco_case", ciscoCase);
        putIfGiven(out, "smart_bonding_id", smartBondingId);
        putIfGiven(out, "state", state);
        putIfGiven(out, "severity", severity);
        putIfGiven(out, "priority", priority);
        putIfGiven(out, "title", title);
        putIfGiven(out, "remarks", remarks);
        upload.ifPresent(u -> {
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("domain", u.domain());
            about.put("kept_by_server", true);
            u.expires().ifPresent(e -> about.put("expires", e.toString()));
            out.put("upload_credentials", about);
        });
        return out;
    }

    /** A block of the message, beside {@code Calls} (Cisco's examples) or inside it (as field clients have seen). */
    private static JsonNode holder(JsonNode message, String name) {
        return message.path(name).isObject() ? message.path(name) : message.path("Calls").path(name);
    }

    /** "ShortName (Name)" of a Smart Bonding code holder, or the one that is there. */
    private static String codeName(JsonNode holder) {
        String shortName = text(holder, "ShortName");
        String name = text(holder, "Name");
        if (shortName.isEmpty() || name.isEmpty() || shortName.equalsIgnoreCase(name)) {
            return shortName.isEmpty() ? name : shortName;
        }
        return shortName + " (" + name + ")";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? ThirdPartyText.clean(value.asString()).strip() : "";
    }

    private static void putIfGiven(Map<String, Object> out, String key, String value) {
        if (!value.isEmpty()) {
            out.put(key, value);
        }
    }
}
