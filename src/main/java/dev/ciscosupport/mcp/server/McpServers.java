package dev.ciscosupport.mcp.server;

import dev.ciscosupport.mcp.config.ProtocolRevisions;
import dev.ciscosupport.mcp.config.ServerVersion;
import dev.ciscosupport.mcp.prompts.Completions;
import dev.ciscosupport.mcp.prompts.ModernPrompts;
import dev.ciscosupport.mcp.resources.ModernResources;
import dev.ciscosupport.mcp.tools.ModernTools;
import dev.ciscosupport.mcp.tools.ToolDefinition;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.modern.McpSchema.CacheScope;
import io.modelcontextprotocol.modern.server.HmacRequestStateCodec;
import io.modelcontextprotocol.modern.server.feature.McpChangeFeed;
import io.modelcontextprotocol.modern.server.feature.McpSyncCompletionHandler;
import io.modelcontextprotocol.modern.server.feature.PromptsFeature;
import io.modelcontextprotocol.modern.server.feature.ResourcesFeature;
import io.modelcontextprotocol.modern.server.feature.ServerChange;
import io.modelcontextprotocol.modern.server.feature.ToolsFeature;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Builds the MCP servers (the SDK's, one per protocol revision) the same way for every transport. */
public final class McpServers {
    static final String INSTRUCTIONS = """
            Tools for Cisco's Support APIs; each answer says where its data came from. Bugs: get_bug_details takes bug IDs \
            (CSCxx12345); search_bugs_* search by keyword, product ID, series or name (with releases where asked), cover \
            the last 30 days unless modified_date=5 (all dates), and take one severity and one status per call. \
            Security: the PSIRT tools find advisories by ID, CVE, product, severity or a software version. Lifecycle: \
            get_eox_* give end-of-life dates by product ID, serial, release or date. Devices: the coverage and product \
            tools take serial numbers or product IDs, many per call (pass lists instead of calling once per ID). \
            Software: get_software_suggestions_* give Cisco's recommended releases. Cases and RMAs need the Case and \
            RMA APIs. A call that pages says how to get the next page; an isError result is a sentence to act on.""";

    /** A small icon in the spec's form (a data URI), so clients can show the server. */
    static final McpSchema.Icon ICON = new McpSchema.Icon("data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCA2NCA2NCI+PHJlY3Qgd2lkdGg9IjY0IiBoZWlnaHQ9IjY0IiByeD0iMTIiIGZpbGw9IiMwNDlmZDkiLz48ZyBmaWxsPSIjZmZmIj48cmVjdCB4PSI5IiB5PSIyNyIgd2lkdGg9IjQiIGhlaWdodD0iMTAiIHJ4PSIyIi8+PHJlY3QgeD0iMTciIHk9IjIyIiB3aWR0aD0iNCIgaGVpZ2h0PSIyMCIgcng9IjIiLz48cmVjdCB4PSIyNSIgeT0iMTUiIHdpZHRoPSI0IiBoZWlnaHQ9IjM0IiByeD0iMiIvPjxyZWN0IHg9IjMzIiB5PSIyMiIgd2lkdGg9IjQiIGhlaWdodD0iMjAiIHJ4PSIyIi8+PHJlY3QgeD0iNDEiIHk9IjE1IiB3aWR0aD0iNCIgaGVpZ2h0PSIzNCIgcng9IjIiLz48cmVjdCB4PSI0OSIgeT0iMjIiIHdpZHRoPSI0IiBoZWlnaHQ9IjIwIiByeD0iMiIvPjwvZz48L3N2Zz4=", "image/svg+xml", List.of("any"), null);

    /** What server/discover says is the same for every caller and changes only with a new version. */
    static final long DISCOVER_TTL_MS = 300_000;
    /** How long a user may take to answer a question a tool asked, before the call must start over. */
    static final Duration REQUEST_STATE_TTL = Duration.ofMinutes(10);
    /** The servers' validator, which makes the SDK's at its first use. */
    private static final JsonSchemaValidator VALIDATOR = (schema, instance) -> Validator.INSTANCE.validate(schema, instance);

    /**
     * Made by {@link #prepareValidating} once a session is up, or at the first validation (a tool call's arguments), not
     * with this class: the SDK's validator loads some 200 classes of its JSON Schema library as it is made, ~20 ms of a
     * start's CPU that the first answer does not need (launcher to initialize, 20 alternating runs: JDK 25 437 -> 418
     * ms, JDK 17 510 -> 492 ms).
     */
    private static final class Validator {
        static final ReadableSchemaValidator INSTANCE = new ReadableSchemaValidator(McpJsonDefaults.getSchemaValidator());
    }

    private McpServers() {
    }

    /**
     * Reads a first message as the SDK will (an initialize request), so that the JSON classes of the first request are
     * loaded and their readers built before it arrives. A start calls it on a thread of its own; nothing it makes is
     * kept.
     */
    public static void prepareReading() {
        McpJsonMapper mapper = McpJsonDefaults.getMapper();
        try {
            McpSchema.JSONRPCRequest first = (McpSchema.JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(mapper,
                    "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"head-start\",\"version\":\"0\"}}}");
            mapper.convertValue(first.params(), McpSchema.InitializeRequest.class);
        } catch (java.io.IOException e) {
            // Only a head start: the first real message is read the same way, and meets any fault itself.
        }
    }

    /**
     * Writes the answer to a first message as the SDK will (an initialize result), so that its writers are built
     * before it is due. A start calls it on a thread of its own, beside {@link #prepareReading}; nothing it makes is
     * kept.
     */
    public static void prepareWriting() {
        McpJsonMapper mapper = McpJsonDefaults.getMapper();
        McpSchema.InitializeResult answer = new McpSchema.InitializeResult("2025-11-25",
                ServerCapabilities.builder().tools(true).build(), serverInfo(), INSTRUCTIONS, null);
        try {
            mapper.writeValueAsString(new McpSchema.JSONRPCResponse("2.0", 0, answer, null));
        } catch (java.io.IOException e) {
            // Only a head start: the first real answer is written the same way, and meets any fault itself.
        }
    }

    /**
     * Makes the validator on a thread of its own, so that a session's first call does not wait for it: made at that
     * call instead, it took it 60-110 ms longer (bench/run, first tool call after a start). (Its first check also costs
     * that call a cold JVM's time, as before; checking a call ahead here cost the tools/list that follows the
     * initialize ~100 ms.) Called when a session is up (stdio) or the server listens (HTTP).
     */
    public static void prepareValidating() {
        Thread thread = new Thread(() -> Objects.requireNonNull(Validator.INSTANCE), "validator-start");
        thread.setDaemon(true);
        thread.start();
    }

    public static McpSyncServer stdio(McpServerTransportProvider transport, ServerFeatures features,
            Entitlements entitlements) {
        McpSyncServer server = configure(McpServer.sync(transport), features).build();
        entitlements.attach(server);
        features.views().attach(server);
        return server;
    }

    public static McpSyncServer streamable(McpStreamableServerTransportProvider transport, ServerFeatures features,
            Entitlements entitlements) {
        // The servlet transport blocks a Jetty thread per request anyway: running the handler on it saves a hop to
        // Reactor's boundedElastic pool, whose 10-per-core cap would also queue calls beyond 20 at once here.
        McpSyncServer server = configure(McpServer.sync(transport), features).immediateExecution(true).build();
        entitlements.attach(server);
        features.views().attach(server);
        return server;
    }

    /**
     * The 2026-07-28 (stateless) server over the same features: every request stands alone, so any replica can answer
     * it. Entitlement changes are announced to subscribers of {@code subscriptions/listen}.
     */
    public static io.modelcontextprotocol.modern.server.McpServer modern(ServerFeatures features, Entitlements entitlements,
            ProtocolRevisions revisions) {
        McpJsonMapper mapper = McpJsonDefaults.getMapper();
        McpChangeFeed changes = new McpChangeFeed();
        entitlements.onChange(() -> {
            changes.broadcast(new ServerChange.ToolsListChanged());
            changes.broadcast(new ServerChange.PromptsListChanged());
            changes.broadcast(new ServerChange.ResourcesListChanged());
        });
        features.modernOnly().changes().accept(changes);
        ServerFeatures.ModernOnly extra = features.modernOnly();
        McpSyncCompletionHandler completions = Completions.modern(features.seen(), mapper);
        return io.modelcontextprotocol.modern.server.McpServer.builder()
                .serverInfo(mapper.convertValue(serverInfo(), io.modelcontextprotocol.modern.McpSchema.Implementation.class))
                .instructions(INSTRUCTIONS)
                .feature(ToolsFeature.ofAsync(CombinedRepositories.tools(new ModernTools(features.tools(),
                        entitlements::offers, features.views(), mapper), extra.tools()),
                        mapper, VALIDATOR, ModernTools.LIST_TTL_MS, CacheScope.PRIVATE))
                .feature(PromptsFeature.ofSync(CombinedRepositories.prompts(new ModernPrompts(features.prompts(),
                        entitlements::withdrawn, completions, mapper), extra.prompts())))
                .feature(ResourcesFeature.ofSync(CombinedRepositories.resources(new ModernResources(features.resources(),
                        entitlements::withdrawn, completions, mapper), extra.resources())))
                .subscriptions(changes)
                // The state a client carries between the rounds of a call that asks it something: signed (a client
                // cannot alter it), bound to the caller and the tool, good for 10 minutes. Replicas share the key.
                .requestStateCodec(HmacRequestStateCodec.builder().key(revisions.requestStateKey() != null
                                ? revisions.requestStateKeyBytes() : randomKey()).ttl(REQUEST_STATE_TTL)
                        .principalExtractor(transport -> ToolDefinition.caller(transport, null)).build())
                .discoverCache(DISCOVER_TTL_MS, CacheScope.PUBLIC)
                .build();
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static McpSchema.Implementation serverInfo() {
        return new McpSchema.Implementation(ServerVersion.NAME, "Cisco Support", ServerVersion.VALUE,
                "Cisco Support APIs (bugs, PSIRT, EoX, coverage, products, software, cases, RMAs) for AI assistants",
                List.of(ICON), null);
    }

    private static <S extends McpServer.SyncSpecification<S>> McpServer.SyncSpecification<S> configure(
            McpServer.SyncSpecification<S> spec, ServerFeatures features) {
        return spec.serverInfo(serverInfo())
                .instructions(INSTRUCTIONS)
                .jsonSchemaValidator(VALIDATOR).capabilities(capabilities(features))
                .tools(features.legacyServerTools())
                // X-MCP-Toolsets, and dynamic toolsets, list each client its own tools (the HTTP side checked the header).
                .addToolFilter((context, tool) -> features.views().lists(context, tool.name()))
                .prompts(features.legacyPrompts()).resources(features.legacyResources())
                .resourceTemplates(features.legacyTemplates()).completions(features.legacyCompletions());
    }

    // Logging is deprecated by the 2026-07-28 revision (SEP-2577) but part of 2025-11-25, which this server speaks.
    @SuppressWarnings("deprecation")
    private static ServerCapabilities capabilities(ServerFeatures features) {
        // listChanged: tools, prompts and resources of an API the Cisco app is not entitled to are withdrawn at run time.
        return ServerCapabilities.builder().tools(true).prompts(true).resources(features.legacyOnly().subscriptions(), true).completions()
                .logging().build();
    }
}
