package dev.ciscosupport.mcp.cisco.casev3;

import java.util.List;

/**
 * A Cisco support case. Case records are sparse (Cisco leaves fields out by case state and endpoint):
 * whatever Cisco did not send is "" or empty. Details add the owner, contacts and notes.
 */
public record SupportCase(
        String caseId,
        String title,
        String severity,
        String status,
        String statusFlag,
        String created,
        String updated,
        String closed,
        String serialNumber,
        String contractId,
        String userId,
        String contactName,
        String technology,
        String subTechnology,
        String owner,
        String ownerEmail,
        String problemCode,
        String requestType,
        String trackingNumber,
        Contact contact,
        List<String> bugs,
        List<String> rmas,
        List<Note> notes) {

    /** Who to contact about the case at the customer, as Cisco lists it (details only). */
    public record Contact(String userId, String preferredMethod, List<String> emails, List<String> businessPhones,
            List<String> mobilePhones) {
        public static final Contact NONE = new Contact("", "", List.of(), List.of(), List.of());

        public Contact {
            emails = List.copyOf(emails);
            businessPhones = List.copyOf(businessPhones);
            mobilePhones = List.copyOf(mobilePhones);
        }

        public boolean isEmpty() {
            return userId.isEmpty() && preferredMethod.isEmpty() && emails.isEmpty() && businessPhones.isEmpty()
                    && mobilePhones.isEmpty();
        }
    }

    /** One note of the case's history; the detail is third-party text. */
    public record Note(String note, String detail, String createdBy, String created) {
    }

    public SupportCase {
        bugs = List.copyOf(bugs);
        rmas = List.copyOf(rmas);
        notes = List.copyOf(notes);
    }
}
