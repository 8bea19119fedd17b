package dev.ciscosupport.mcp.server;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.util.List;

/** Builds the MCP server (the SDK's) the same way for every transport. */
public final class McpServers {
    static final String INSTRUCTIONS = """
            Tools for Cisco's Support APIs. Bug tools: get_bug_details takes bug IDs (CSCxx12345); the search_bugs_* \
            tools search by keyword, base product ID, product series or product name, with releases where asked. \
            Searches cover bugs modified in the last 30 days unless modified_date says otherwise (5 = all dates), \
            return 10 bugs per page and say how to get the next page. Severity and status take one value each.""";

    private static final ReadableSchemaValidator VALIDATOR = new ReadableSchemaValidator(McpJsonDefaults.getSchemaValidator());

    private McpServers() {
    }

    public static McpSyncServer stdio(McpServerTransportProvider transport, List<SyncToolSpecification> tools,
            Entitlements entitlements) {
        McpSyncServer server = configure(McpServer.sync(transport), tools).build();
        entitlements.attach(server);
        return server;
    }

    public static McpSyncServer streamable(McpStreamableServerTransportProvider transport, List<SyncToolSpecification> tools,
            Entitlements entitlements) {
        McpSyncServer server = configure(McpServer.sync(transport), tools).build();
        entitlements.attach(server);
        return server;
    }

    private static <S extends McpServer.SyncSpecification<S>> McpServer.SyncSpecification<S> configure(
            McpServer.SyncSpecification<S> spec, List<SyncToolSpecification> tools) {
        return spec.serverInfo(ServerVersion.NAME, ServerVersion.VALUE).instructions(INSTRUCTIONS)
                .jsonSchemaValidator(VALIDATOR).capabilities(capabilities()).tools(tools);
    }

    private static ServerCapabilities capabilities() {
        // listChanged: tools of an API the Cisco app is not entitled to are withdrawn at run time.
        return ServerCapabilities.builder().tools(true).logging().build();
    }
}
