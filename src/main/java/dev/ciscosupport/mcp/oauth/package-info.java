/**
 * HTTP mode as an OAuth 2.1 resource server (the MCP authorization specification): the identity provider's metadata
 * and keys, access tokens checked for this server (signature, issuer, audience, lifetime, scopes), and the scopes each
 * Cisco API's tools need. Nothing here ever sends a caller's token anywhere but to its own issuer's introspection
 * endpoint; Cisco is called with the server's own credentials only.
 */
package dev.ciscosupport.mcp.oauth;
