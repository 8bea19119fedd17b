package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.call.CiscoException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Before anything changes at Cisco: the user's yes, asked through the client (elicitation, both protocol revisions),
 * and the correlation ID every Smart Bonding call carries.
 */
final class WriteConsent {
    private static final Pattern CORRELATION = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private final boolean unattended;

    /** @param unattended {@code SMART_BONDING_UNATTENDED_WRITES}: go ahead where the client cannot ask */
    WriteConsent(boolean unattended) {
        this.unattended = unattended;
    }

    /**
     * The user's yes. A client that cannot ask gets a refusal with a sentence, unless the operator allowed unattended
     * writes ({@code SMART_BONDING_UNATTENDED_WRITES}).
     */
    boolean confirmed(ClientRequests client, String question) {
        if (client == null || !client.canElicit()) {
            if (unattended) {
                return true;
            }
            throw new CiscoException.InvalidInput("Not sent: this client cannot ask the user to confirm a change to a"
                    + " Cisco TAC ticket, and this server makes none unconfirmed (SMART_BONDING_UNATTENDED_WRITES is"
                    + " false). Use a client with elicitation, or ask the operator.");
        }
        return client.confirms(question, "send", "Send to Cisco?");
    }

    static String correlation(String given) {
        if (given == null || given.isBlank()) {
            return UUID.randomUUID().toString();
        }
        if (!CORRELATION.matcher(given.strip()).matches()) {
            throw new CiscoException.InvalidInput("correlation_id takes letters, digits and . _ : - (at most 100).");
        }
        return given.strip();
    }
}
