// What bench/run compares the Java server with: a minimal MCP server on the TypeScript SDK version the TypeScript
// server's lock file pins, doing what that server does for a Bug API lookup (a cached client-credentials token, one GET,
// the JSON answer as one text block) and nothing else. A lower bound for the TypeScript server's costs: its real
// formatting, logging and 54 tools only add to them.
//   node baseline-server.mjs              stdio
//   node baseline-server.mjs --http PORT  Streamable HTTP at /mcp, a session per client (as the TypeScript server)
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";

const base = process.env.CISCO_API_BASE_URL;
let token = null;

async function bearer() {
  if (token && token.until > Date.now()) return token.value;
  const body = new URLSearchParams({ grant_type: "client_credentials", client_id: process.env.CISCO_CLIENT_ID,
    client_secret: process.env.CISCO_CLIENT_SECRET });
  const answer = await (await fetch(process.env.CISCO_TOKEN_URL, { method: "POST", body })).json();
  token = { value: answer.access_token, until: Date.now() + (answer.expires_in - 60) * 1000 };
  return token.value;
}

function newServer() {
  const server = new McpServer({ name: "typescript-sdk-baseline", version: "1.0.0" });
  server.tool("get_bug_details", "Details of up to five bugs by ID", { bug_ids: z.string() }, async ({ bug_ids }) => {
    const response = await fetch(`${base}/bug/v2.0/bugs/bug_ids/${encodeURIComponent(bug_ids)}`,
      { headers: { Authorization: `Bearer ${await bearer()}`, Accept: "application/json" } });
    return { content: [{ type: "text", text: JSON.stringify(await response.json(), null, 2) }] };
  });
  return server;
}

const http = process.argv.indexOf("--http");
if (http < 0) {
  const { StdioServerTransport } = await import("@modelcontextprotocol/sdk/server/stdio.js");
  await newServer().connect(new StdioServerTransport());
} else {
  const { randomUUID } = await import("node:crypto");
  const { createServer } = await import("node:http");
  const { StreamableHTTPServerTransport } = await import("@modelcontextprotocol/sdk/server/streamableHttp.js");
  const sessions = new Map();
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : undefined;
    let transport = sessions.get(req.headers["mcp-session-id"]);
    if (!transport) {
      transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => sessions.set(id, transport) });
      transport.onclose = () => sessions.delete(transport.sessionId);
      await newServer().connect(transport);
    }
    await transport.handleRequest(req, res, body);
  });
  // Idle connections kept 60 s, as our server's MCP_IDLE_TIMEOUT_SECONDS does by default, not node's 5 s: HttpBench's
  // rounds take turns between the servers, and a connection node closes as the next round starts was a reset call.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 61_000;
  server.listen(Number(process.argv[http + 1]), "127.0.0.1");
}
