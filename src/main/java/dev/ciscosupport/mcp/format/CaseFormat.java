package dev.ciscosupport.mcp.format;

import dev.ciscosupport.mcp.cisco.casev3.SupportCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How support cases look to the model. Cases are sparse, so a line shows only what Cisco sent; notes are
 * third-party text (often whole e-mails), so they are cleaned, capped and set apart as quoted data.
 */
public final class CaseFormat {
    static final int NOTE_CHARS = 400;
    static final int NOTES_SHOWN = 10;
    private static final String CASE_URL = "https://mycase.cloudapps.cisco.com/case/";

    private CaseFormat() {
    }

    public static String line(SupportCase c) {
        List<String> parts = new ArrayList<>();
        parts.add(c.caseId());
        for (String value : List.of(c.severity().isEmpty() ? "" : "sev " + c.severity(), c.status(),
                c.created().isEmpty() ? "" : "opened " + day(c.created()), c.updated().isEmpty() ? "" : "updated " + day(c.updated()),
                c.serialNumber().isEmpty() ? "" : "serial " + c.serialNumber(),
                c.contractId().isEmpty() ? "" : "contract " + c.contractId(), c.contactName(),
                String.join("/", List.of(c.technology(), c.subTechnology()).stream().filter(s -> !s.isEmpty()).toList()))) {
            if (!value.isEmpty()) {
                parts.add(value);
            }
        }
        StringBuilder out = new StringBuilder(String.join(" | ", parts));
        out.append("\n  ").append(c.title());
        if (!c.bugs().isEmpty() || !c.rmas().isEmpty()) {
            out.append("\n  ");
            if (!c.bugs().isEmpty()) {
                out.append("bugs: ").append(String.join(" ", c.bugs()));
            }
            if (!c.rmas().isEmpty()) {
                out.append(c.bugs().isEmpty() ? "" : " | ").append("RMAs: ").append(String.join(" ", c.rmas()));
            }
        }
        return out.toString();
    }

    public static String detail(SupportCase c) {
        StringBuilder out = new StringBuilder(line(c));
        if (!c.owner().isEmpty() || !c.ownerEmail().isEmpty()) {
            out.append("\n  owner: ").append(String.join(" ", nonEmpty(c.owner(), c.ownerEmail())));
        }
        if (!c.problemCode().isEmpty() || !c.requestType().isEmpty()) {
            out.append("\n  problem: ").append(String.join(" | ", nonEmpty(c.problemCode(), c.requestType())));
        }
        SupportCase.Contact contact = c.contact();
        if (!contact.isEmpty()) {
            List<String> ways = new ArrayList<>(nonEmpty(contact.userId(), contact.preferredMethod().isEmpty() ? ""
                    : "prefers " + contact.preferredMethod()));
            ways.addAll(contact.emails());
            ways.addAll(contact.businessPhones());
            contact.mobilePhones().forEach(p -> ways.add(p + " (mobile)"));
            out.append("\n  contact: ").append(String.join(", ", ways));
        }
        if (!c.trackingNumber().isEmpty()) {
            out.append("\n  tracking number: ").append(c.trackingNumber());
        }
        if (!c.closed().isEmpty()) {
            out.append("\n  closed: ").append(day(c.closed()));
        }
        if (!c.notes().isEmpty()) {
            // Cisco sends notes newest first; a long case history shows its most recent notes.
            out.append("\n  Notes (Cisco's text, newest first").append(c.notes().size() > NOTES_SHOWN ? ", the newest "
                    + NOTES_SHOWN + " of " + c.notes().size() : "").append("):");
            for (SupportCase.Note n : c.notes().subList(0, Math.min(NOTES_SHOWN, c.notes().size()))) {
                String text = BugFormat.cleanDescription(n.detail()).replace('\n', ' ');
                out.append("\n  | ").append(day(n.created())).append(' ').append(n.createdBy()).append(": ")
                        .append(n.note().isEmpty() ? "" : n.note() + " - ")
                        .append(text.length() > NOTE_CHARS ? text.substring(0, NOTE_CHARS) + " [...]" : text);
            }
        }
        out.append("\n  ").append(CASE_URL).append(c.caseId());
        return out.toString();
    }

    private static List<String> nonEmpty(String... values) {
        return java.util.Arrays.stream(values).filter(v -> !v.isEmpty()).toList();
    }

    public static Map<String, Object> structured(SupportCase c, boolean withNotes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case_id", c.caseId());
        m.put("title", c.title());
        m.put("severity", c.severity());
        m.put("status", c.status());
        m.put("status_flag", c.statusFlag());
        m.put("created", c.created());
        m.put("updated", c.updated());
        m.put("closed", c.closed());
        m.put("serial_number", c.serialNumber());
        m.put("contract_id", c.contractId());
        m.put("user_id", c.userId());
        m.put("contact_name", c.contactName());
        m.put("technology", c.technology());
        m.put("sub_technology", c.subTechnology());
        m.put("owner", c.owner());
        m.put("bugs", c.bugs());
        m.put("rmas", c.rmas());
        m.put("url", CASE_URL + c.caseId());
        if (withNotes) {
            m.put("owner_email", c.ownerEmail());
            m.put("problem_code", c.problemCode());
            m.put("request_type", c.requestType());
            m.put("tracking_number", c.trackingNumber());
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("user_id", c.contact().userId());
            contact.put("preferred_method", c.contact().preferredMethod());
            contact.put("emails", c.contact().emails());
            contact.put("business_phones", c.contact().businessPhones());
            contact.put("mobile_phones", c.contact().mobilePhones());
            m.put("contact", contact);
            m.put("notes", c.notes().stream().map(n -> {
                Map<String, Object> nm = new LinkedHashMap<>();
                nm.put("note", n.note());
                nm.put("detail", BugFormat.cleanDescription(n.detail()));
                nm.put("created_by", n.createdBy());
                nm.put("created", n.created());
                return nm;
            }).toList());
        }
        return m;
    }

    private static String day(String timestamp) {
        return timestamp.length() >= 10 ? timestamp.substring(0, 10) : timestamp;
    }
}
