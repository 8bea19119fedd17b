package dev.ciscosupport.mcp.it;

import dev.ciscosupport.mcp.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A list of MCP requests for the TypeScript client to make over one connection. */
final class Scenario {
    private final ObjectNode root = Json.MAPPER.createObjectNode();
    private final ArrayNode steps = root.putArray("steps");
    private final Map<String, String> clientEnv = new LinkedHashMap<>();

    private Scenario(ObjectNode transport) {
        root.set("transport", transport);
    }

    /** The client spawns the jar and speaks stdio to it. */
    static Scenario stdio(Map<String, String> env, String... args) {
        ObjectNode t = Json.MAPPER.createObjectNode().put("type", "stdio").put("command", McpJar.java());
        ArrayNode a = t.putArray("args");
        McpJar.launcherOptions().forEach(a::add);
        McpJar.sharedClasses().forEach(a::add);
        a.add("-jar").add(McpJar.path().toString());
        for (String arg : args) {
            a.add(arg);
        }
        Map<String, String> all = new LinkedHashMap<>();
        for (String keep : new String[] {"PATH", "HOME", "LANG", "JAVA_HOME"}) {
            if (System.getenv(keep) != null) {
                all.put(keep, System.getenv(keep));
            }
        }
        all.put("CISCO_MCP_CACHE", McpJar.newCacheFolder().toString());
        all.putAll(env);
        ObjectNode e = t.putObject("env");
        all.forEach(e::put);
        return new Scenario(t);
    }

    /**
     * The client spawns {@code command} with {@code args} and {@code env} (besides PATH and HOME), in the npm
     * clients' folder, and speaks stdio to it: a client configured the way a user pastes a Claude Desktop entry.
     */
    static Scenario command(String command, java.util.List<String> args, Map<String, String> env) {
        ObjectNode t = Json.MAPPER.createObjectNode().put("type", "stdio").put("command", command)
                .put("cwd", NodeClient.clientsDir().toString()).put("stderr", "ignore");
        ArrayNode a = t.putArray("args");
        args.forEach(a::add);
        Map<String, String> all = new LinkedHashMap<>();
        for (String keep : new String[] {"PATH", "HOME", "LANG"}) {
            if (System.getenv(keep) != null) {
                all.put(keep, System.getenv(keep));
            }
        }
        all.putAll(env);
        ObjectNode e = t.putObject("env");
        all.forEach(e::put);
        return new Scenario(t);
    }

    /** Connects, runs the steps and disconnects {@code times} times in a row, each a new start of the client. */
    Scenario repeat(int times) {
        root.put("repeat", times);
        return this;
    }

    /** The client connects to a running HTTP server. */
    static Scenario http(String url, String token) {
        ObjectNode t = Json.MAPPER.createObjectNode().put("type", "http").put("url", url);
        if (token != null) {
            t.putObject("headers").put("Authorization", "Bearer " + token);
        }
        return new Scenario(t);
    }

    /**
     * The client connects to a running HTTP server with no token and signs in by itself: the SDK's OAuth support with a
     * client-credentials client of the identity provider {@code issuer}, configured to ask for {@code scope} ({@code seed}:
     * a first token for these scopes only, or null).
     */
    static Scenario signingIn(String url, String issuer, String clientId, String clientSecret, String scope,
            Map<String, String> seed) {
        ObjectNode t = Json.MAPPER.createObjectNode().put("type", "http").put("url", url);
        ObjectNode oauth = t.putObject("oauth").put("clientId", clientId).put("clientSecret", clientSecret)
                .put("scope", scope).put("issuer", issuer);
        if (seed != null) {
            oauth.set("seed", Json.MAPPER.valueToTree(seed));
        }
        return new Scenario(t);
    }

    /**
     * The client connects with no token and a person signs in through it: authorization code with PKCE at the provider
     * {@code issuer}, its public client {@code clientId} returning to {@code redirectUri}, the provider's pages answered as
     * {@code login} would answer them.
     */
    static Scenario personSigningIn(String url, String issuer, String clientId, String redirectUri, String login) {
        ObjectNode t = Json.MAPPER.createObjectNode().put("type", "http").put("url", url);
        t.putObject("oauth").put("clientId", clientId).put("issuer", issuer).put("redirectUri", redirectUri)
                .put("login", login);
        return new Scenario(t);
    }

    Scenario listTools() {
        steps.addObject().put("op", "listTools");
        return this;
    }

    Scenario call(String tool, Map<String, ?> arguments) {
        ObjectNode step = steps.addObject().put("op", "callTool").put("name", tool);
        step.set("arguments", Json.MAPPER.valueToTree(arguments));
        return this;
    }

    /** A tool call that asks for progress (the client sends a progress token and keeps every notification). */
    Scenario callWithProgress(String tool, Map<String, ?> arguments) {
        call(tool, arguments);
        ((ObjectNode) steps.get(steps.size() - 1)).put("progress", true);
        return this;
    }

    /**
     * Calls {@code tool} asking for progress and cancels it when its {@code progressCount}th progress notification
     * arrives, then waits {@code settleMs}; the step's {@code cancelledAt} says when (epoch ms).
     */
    Scenario callAndCancelAfterProgress(String tool, Map<String, ?> arguments, int progressCount, int settleMs) {
        call(tool, arguments);
        ((ObjectNode) steps.get(steps.size() - 1)).put("op", "callAndCancel").put("cancelAfterProgress", progressCount)
                .put("settleMs", settleMs);
        return this;
    }

    /** The client offers MCP sampling; its stand-in model answers with the length of what it was sent. */
    Scenario withSampling() {
        root.put("sampling", true);
        return this;
    }

    /** The client offers elicitation; its user accepts the first choice offered. */
    Scenario withElicitationPickingTheFirstChoice() {
        root.put("elicit", "first");
        return this;
    }

    /** The client offers elicitation; its user declines whatever is asked. */
    Scenario withElicitationDeclined() {
        root.put("elicit", "decline");
        return this;
    }

    /** Reads the resource the last tool result links to with a resource_link of this MIME type. */
    Scenario readLinked(String mimeType) {
        steps.addObject().put("op", "readLink").put("mimeType", mimeType);
        return this;
    }

    /** The elicitation requests the server sent so far. */
    Scenario elicitations() {
        steps.addObject().put("op", "elicitations");
        return this;
    }

    /** The sampling requests the server sent so far. */
    Scenario samplingRequests() {
        steps.addObject().put("op", "samplingRequests");
        return this;
    }

    Scenario setLoggingLevel(String level) {
        steps.addObject().put("op", "setLoggingLevel").put("level", level);
        return this;
    }

    /** The log notifications received since the last such step. */
    Scenario logs() {
        steps.addObject().put("op", "logs");
        return this;
    }

    Scenario listPrompts() {
        steps.addObject().put("op", "listPrompts");
        return this;
    }

    Scenario getPrompt(String name, Map<String, String> arguments) {
        ObjectNode step = steps.addObject().put("op", "getPrompt").put("name", name);
        step.set("arguments", Json.MAPPER.valueToTree(arguments));
        return this;
    }

    Scenario listResources() {
        steps.addObject().put("op", "listResources");
        return this;
    }

    Scenario listResourceTemplates() {
        steps.addObject().put("op", "listResourceTemplates");
        return this;
    }

    Scenario readResource(String uri) {
        steps.addObject().put("op", "readResource").put("uri", uri);
        return this;
    }

    /** {@code completion/complete} for a prompt's argument ({@code ref/prompt}) or a template's variable ({@code ref/resource}). */
    Scenario complete(String refType, String refName, String argument, String value) {
        ObjectNode step = steps.addObject().put("op", "complete").put("argument", argument).put("value", value);
        ObjectNode ref = step.putObject("ref").put("type", refType);
        ref.put(refType.equals("ref/prompt") ? "name" : "uri", refName);
        return this;
    }

    /** An environment variable for the client process itself. */
    Scenario clientEnv(String name, String value) {
        clientEnv.put(name, value);
        return this;
    }

    /** Waits (bounded) until the server has said its tool list changed. */
    Scenario awaitToolsListChanged() {
        steps.addObject().put("op", "awaitToolsListChanged").put("timeoutMs", 20000);
        return this;
    }

    /**
     * The TypeScript SDK v2 client ({@code @modelcontextprotocol/client}) runs the steps instead, negotiating as
     * {@code mode} says: "legacy" (the 2025 initialize handshake), "auto" (server/discover first, falling back to
     * initialize) or a revision to insist on ("2026-07-28"). Its report says the version and era it settled on.
     */
    Scenario negotiating(String mode) {
        root.put("client", "v2").put("negotiation", mode);
        return this;
    }

    Scenario parallel() {
        root.put("parallel", true);
        return this;
    }

    int size() {
        return steps.size();
    }

    /** Runs it and returns the result of each step, in order. */
    JsonNode run() {
        return NodeClient.run(root, clientEnv).path("results");
    }

    JsonNode report() {
        return NodeClient.run(root, clientEnv);
    }
}
