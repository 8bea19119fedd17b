package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.smartbonding.PulledMessage;
import dev.ciscosupport.mcp.smartbonding.SmartBonding;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code upload_file_to_smart_bonding_ticket}: a file to a TAC case on Cisco's file drive, with the case's own
 * credentials (the token Cisco sent, kept by the server, unless one is given), to the drive's host and no other, after
 * the user confirms.
 */
final class TicketUpload {
    /** A plain file name: no folder, no control character, not "." or "..". */
    private static final Pattern FILE_NAME = Pattern.compile("(?!\\.{1,2}$)[^/\\\\\\p{Cntrl}:*?\"<>|]{1,255}");
    private final SmartBonding bonding;
    private final WriteConsent consent;

    TicketUpload(SmartBonding bonding) {
        this.bonding = bonding;
        this.consent = new WriteConsent(bonding.unattendedWrites());
    }

    TypedTool.Answer<SmartBondingTools.Uploaded> upload(SmartBondingTools.UploadArgs args, CallContext call, ClientRequests client) {
        String host = bonding.client().uploadHost();
        String domain = args.uploadDomain() == null ? null : args.uploadDomain().strip().toLowerCase(Locale.ROOT);
        if (domain != null && !domain.isEmpty() && !domain.equals(bonding.documentedUploadHost()) && !domain.equals(host)) {
            throw new CiscoException.InvalidInput("upload_domain must be " + bonding.documentedUploadHost() + ", where Cisco"
                    + " takes TAC attachments; this server sends a case's upload credentials nowhere else.");
        }
        if (!FILE_NAME.matcher(args.filename()).matches()) {
            throw new CiscoException.InvalidInput("filename must be a plain file name: no folder, no control or reserved"
                    + " character.");
        }
        byte[] content;
        try {
            // Strict: the MIME decoder would skip characters outside the alphabet and upload whatever was left.
            content = Base64.getDecoder().decode(args.fileContent().replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new CiscoException.InvalidInput("file_content must be the file in base64.");
        }
        if (content.length == 0) {
            throw new CiscoException.InvalidInput("file_content is empty: Cisco's file drive takes no empty file.");
        }
        if (content.length > bonding.maxUploadBytes()) {
            throw new CiscoException.InvalidInput("The file is " + size(content.length) + "; this server uploads at most "
                    + size(bonding.maxUploadBytes()) + " per call (SMART_BONDING_MAX_UPLOAD_MB). Larger files go through"
                    + " Cisco's Support Case Manager or the file drive directly.");
        }
        String token = args.uploadToken() != null && !args.uploadToken().isBlank() ? args.uploadToken().strip()
                : bonding.uploads().of(args.ticketNumber()).map(PulledMessage.Upload::token).orElseThrow(() ->
                        new CiscoException.InvalidInput("No upload token is known for case " + args.ticketNumber()
                                + " on this server: pull_smart_bonding_tickets brings the one Cisco sends after the case is"
                                + " created; otherwise give upload_token (Cisco's Support Case Manager shows the case's)."));
        String what = "Upload " + args.filename() + " (" + size(content.length) + ") to TAC case " + args.ticketNumber()
                + " on " + host;
        if (!consent.confirmed(client, what + ". Once sent it cannot be changed. Send it?")) {
            return new TypedTool.Answer<>("Not sent: the user did not confirm. " + what + ".", new SmartBondingTools.Uploaded(false,
                    args.ticketNumber(), args.filename(), content.length, host));
        }
        bonding.client().upload(args.ticketNumber(), token, args.filename(), content, call);
        return new TypedTool.Answer<>("Uploaded " + args.filename() + " (" + size(content.length) + ") to TAC case "
                + args.ticketNumber() + ". Cisco links it in the case notes.", new SmartBondingTools.Uploaded(true, args.ticketNumber(),
                        args.filename(), content.length, host));
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : bytes < 1024 * 1024 ? bytes / 1024 + " KiB"
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
