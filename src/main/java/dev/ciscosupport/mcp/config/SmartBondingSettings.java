package dev.ciscosupport.mcp.config;

import java.net.URI;
import java.util.Optional;

/**
 * Cisco's Smart Bonding API as {@code SUPPORT_API=smart_bonding} uses it (README, "Smart Bonding"). Hosts and token
 * endpoints are those Cisco documents for customers: developer.cisco.com/docs/smart-bonding-customer-api
 * (self-onboarding-guidance, authentication) and smart-bonding-partner-api/authentication for staging's token endpoint.
 *
 * @param clientId         {@code SMART_BONDING_CLIENT_ID}, or null
 * @param clientSecret     {@code SMART_BONDING_CLIENT_SECRET}, or null
 * @param staging          {@code SMART_BONDING_ENV=staging}
 * @param unattendedWrites {@code SMART_BONDING_UNATTENDED_WRITES}: writes go ahead where the client cannot ask the user
 * @param maxUploadBytes   {@code SMART_BONDING_MAX_UPLOAD_MB}, in bytes
 * @param apiUrl           {@code SMART_BONDING_API_URL}, or null for the environment's
 * @param tokenUrlGiven    {@code SMART_BONDING_TOKEN_URL}, or null for the environment's
 * @param uploadUrl        {@code SMART_BONDING_UPLOAD_URL}, or null for Cisco's file drive
 */
public record SmartBondingSettings(String clientId, String clientSecret, boolean staging, boolean unattendedWrites,
        long maxUploadBytes, URI apiUrl, URI tokenUrlGiven, URI uploadUrl) {

    /** Where Cisco's customer attachments go (Smart Bonding's "Attachment Information": {@code Field80}). */
    public static final String UPLOAD_HOST = "cxd.cisco.com";

    /** The API's root, before {@code /rest/v1/push/call} and {@code /tsp/api/v1/xylem/tspcodes}. */
    public URI apiBase() {
        return apiUrl != null ? apiUrl : URI.create(staging ? "https://stage.sbnprd.xylem.cisco.com/sb-partner-oauth-proxy-api"
                : "https://sb.xylem.cisco.com/sb-partner-oauth-proxy-api");
    }

    public URI tokenUrl() {
        return tokenUrlGiven != null ? tokenUrlGiven : URI.create(staging ? "https://int-id.cisco.com/oauth2/default/v1/token"
                : "https://id.cisco.com/oauth2/default/v1/token");
    }

    /** Where attachments are uploaded: Cisco's Customer eXperience Drive over HTTPS. */
    public URI uploadBase() {
        return uploadUrl != null ? uploadUrl : URI.create("https://" + UPLOAD_HOST);
    }

    /** Where the tools' changes go, as answers and confirmations say it: production, staging, or the host given. */
    public String environment() {
        return apiUrl != null ? "at " + apiUrl.getAuthority() : staging ? "staging" : "production";
    }

    /** The credential variables that are not set. */
    public Optional<String> missingCredentials() {
        if (clientId == null && clientSecret == null) {
            return Optional.of("SMART_BONDING_CLIENT_ID and SMART_BONDING_CLIENT_SECRET");
        }
        return clientId == null ? Optional.of("SMART_BONDING_CLIENT_ID")
                : clientSecret == null ? Optional.of("SMART_BONDING_CLIENT_SECRET") : Optional.empty();
    }

    @Override
    public String toString() {
        return "SmartBondingSettings[credentials=" + (missingCredentials().isEmpty() ? "(set)" : "unset") + ", staging="
                + staging + ", unattendedWrites=" + unattendedWrites + ", maxUploadBytes=" + maxUploadBytes + ", api=" + apiBase() + ", token=" + tokenUrl() + ", upload=" + uploadBase() + "]";
    }
}
