package dev.ciscosupport.mcp.smartbonding;

import dev.ciscosupport.mcp.config.SmartBondingSettings;

/**
 * What the Smart Bonding tools share: the client, the upload credentials Cisco sent, and how far they go on their own.
 *
 * @param environment      "production", "staging", "sandbox" or "at host:port", said in every answer and confirmation
 * @param unattendedWrites changes go ahead where the client cannot ask the user
 * @param maxUploadBytes   the largest attachment one call uploads
 */
public record SmartBonding(SmartBondingClient client, UploadCredentials uploads, String environment,
        boolean unattendedWrites, long maxUploadBytes) {

    /** The upload host Cisco documents, which an upload may name (whatever host this server really sends to). */
    public String documentedUploadHost() {
        return SmartBondingSettings.UPLOAD_HOST;
    }
}
