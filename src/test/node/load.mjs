// A bounded load run through the official MCP TypeScript SDK client: many Streamable HTTP sessions at
// once, each making its calls one after another, every answer recorded with what was asked.
// Usage: node load.mjs plan.json   (plan: url, tokens[], sessions: [[{name, arguments, expect}...]...])
// Prints one JSON document: per call {session, call, expect, ok, isError, text, structured}.
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const plan = JSON.parse(readFileSync(process.argv[2], "utf8"));
const timeout = plan.timeoutMs ?? 60000;

async function session(index, calls) {
  const token = plan.tokens[index % plan.tokens.length];
  const transport = new StreamableHTTPClientTransport(new URL(plan.url), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  const client = new Client({ name: `load-${index}`, version: "1.0.0" });
  const out = [];
  try {
    await client.connect(transport, { timeout });
    for (let i = 0; i < calls.length; i++) {
      const c = calls[i];
      try {
        const r = await client.callTool({ name: c.name, arguments: c.arguments }, undefined, { timeout });
        out.push({ session: index, call: i, expect: c.expect, ok: true, isError: !!r.isError,
          text: r.content?.[0]?.text ?? "", structured: r.structuredContent ?? null });
      } catch (e) {
        out.push({ session: index, call: i, expect: c.expect, ok: false, error: String(e?.message ?? e) });
      }
    }
    await transport.terminateSession().catch(() => {});
  } catch (e) {
    out.push({ session: index, call: -1, ok: false, error: String(e?.message ?? e) });
  } finally {
    await client.close().catch(() => {});
  }
  return out;
}

const results = (await Promise.all(plan.sessions.map((calls, i) => session(i, calls)))).flat();
process.stdout.write(JSON.stringify({ results }) + "\n", () => process.exit(0));
