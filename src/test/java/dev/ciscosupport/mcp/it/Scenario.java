package dev.ciscosupport.mcp.it;

import dev.ciscosupport.mcp.cisco.Json;
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
        ArrayNode a = t.putArray("args").add("-jar").add(McpJar.path().toString());
        for (String arg : args) {
            a.add(arg);
        }
        Map<String, String> all = new LinkedHashMap<>();
        for (String keep : new String[] {"PATH", "HOME", "LANG", "JAVA_HOME"}) {
            if (System.getenv(keep) != null) {
                all.put(keep, System.getenv(keep));
            }
        }
        all.putAll(env);
        ObjectNode e = t.putObject("env");
        all.forEach(e::put);
        return new Scenario(t);
    }

    /** The client connects to a running HTTP server. */
    static Scenario http(String url, String token) {
        ObjectNode t = Json.MAPPER.createObjectNode().put("type", "http").put("url", url);
        if (token != null) {
            t.putObject("headers").put("Authorization", "Bearer " + token);
        }
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
