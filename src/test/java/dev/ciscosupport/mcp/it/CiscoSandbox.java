package dev.ciscosupport.mcp.it;

import dev.ciscosupport.mcp.sandbox.SandboxClient;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** An in-process sandbox for a test class, and what Cisco (the sandbox) itself answers, to compare with. */
final class CiscoSandbox implements AutoCloseable {
    /** How often the server sends a request that failed in a way that may pass (CISCO_RETRIES=2 by default, plus one). */
    static final int ATTEMPTS = 3;

    final SandboxServer server = SandboxServer.startOnLoopback();
    final SandboxClient direct = new SandboxClient(server);

    /** The environment that points the server at this sandbox. */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CISCO_API_BASE_URL", server.apiBaseUrl().toString());
        env.put("CISCO_TOKEN_URL", server.tokenUrl().toString());
        env.put("CISCO_CLIENT_ID", SandboxServer.CLIENT_ID);
        env.put("CISCO_CLIENT_SECRET", SandboxServer.CLIENT_SECRET);
        env.put("SUPPORT_API", "bug");
        // The start-up entitlement probe would add requests the tests count; EntitlementIT turns it back on.
        env.put("CISCO_ENTITLEMENT_CHECK", "false");
        return env;
    }

    /** The bug IDs Cisco's API returns for a raw path, in its order. */
    List<String> bugIds(String pathAndQuery) {
        return ids(direct.getJson(pathAndQuery));
    }

    int totalRecords(String pathAndQuery) {
        return direct.getJson(pathAndQuery).path("pagination_response_record").path("total_records").asInt();
    }

    static List<String> ids(JsonNode withBugs) {
        List<String> ids = new ArrayList<>();
        withBugs.path("bugs").forEach(b -> ids.add(b.path("bug_id").asString()));
        return ids;
    }

    /** Forgets what was counted so far (requests made while preparing a test). */
    void resetCounts() {
        server.requests().reset();
        server.faults().clear();
    }

    int apiRequests() {
        return server.requests().apiRequests();
    }

    @Override
    public void close() {
        server.close();
    }
}
