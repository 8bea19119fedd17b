// A bounded load run through the official MCP TypeScript SDK client: many Streamable HTTP sessions at
// once, each making its calls one after another, every answer recorded with what was asked.
// Usage: node load.mjs plan.json   (plan: url, tokens[], sessions: [[{name, arguments, expect}...]...])
// Prints one JSON document: per call {session, call, expect, ok, isError, text, structured}.
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const plan = JSON.parse(readFileSync(process.argv[2], "utf8"));
const timeout = plan.timeoutMs ?? 60000;

// With "resend": true a call that fails (its stream broken, its session gone: 404, or its server draining: 503) is sent
// again once on a new session, as the MCP specification tells clients to; the result says so, with the time from the
// failure to the answer.
async function session(index, calls) {
  const token = plan.tokens[index % plan.tokens.length];
  let transport;
  let client;
  const connect = async () => {
    transport = new StreamableHTTPClientTransport(new URL(plan.url), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    });
    client = new Client({ name: `load-${index}`, version: "1.0.0" });
    await client.connect(transport, { timeout });
  };
  const call = async (c) => client.callTool({ name: c.name, arguments: c.arguments }, undefined, { timeout });
  const answered = (i, c, r, extra = {}) => ({ session: index, call: i, expect: c.expect, ok: true, isError: !!r.isError,
    text: r.content?.[0]?.text ?? "", structured: r.structuredContent ?? null, ...extra });
  const out = [];
  try {
    await connect();
    for (let i = 0; i < calls.length; i++) {
      const c = calls[i];
      try {
        out.push(answered(i, c, await call(c)));
      } catch (e) {
        if (!plan.resend) {
          out.push({ session: index, call: i, expect: c.expect, ok: false, error: String(e?.message ?? e) });
          continue;
        }
        // Up to three more tries, half a second apart after the first: a balancer may take a moment to stop sending new
        // sessions to a server that is going away.
        const failedAt = Date.now();
        let last = e;
        let done = false;
        for (let attempt = 0; attempt < 3 && !done; attempt++) {
          if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 500));
          try {
            await client.close().catch(() => {});
            await connect();
            out.push(answered(i, c, await call(c), { resent: true, resentMs: Date.now() - failedAt,
              firstError: String(e?.message ?? e) }));
            done = true;
          } catch (e2) {
            last = e2;
          }
        }
        if (!done) {
          out.push({ session: index, call: i, expect: c.expect, ok: false, resent: true, error: String(last?.message ?? last) });
        }
      }
    }
    await transport.terminateSession().catch(() => {});
  } catch (e) {
    out.push({ session: index, call: -1, ok: false, error: String(e?.message ?? e) });
  } finally {
    await client?.close().catch(() => {});
  }
  return out;
}

const results = (await Promise.all(plan.sessions.map((calls, i) => session(i, calls)))).flat();
process.stdout.write(JSON.stringify({ results }) + "\n", () => process.exit(0));
