// Temporary: a new user's check with the official TypeScript SDK client (not committed).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
const [url, token] = process.argv.slice(2);
async function session(headers) {
  const c = new Client({ name: "newuser", version: "1" });
  await c.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}`, ...headers } } }));
  return c;
}
const all = await session({});
console.log("tools (all):", (await all.listTools()).tools.length);
const r = await all.callTool({ name: "search_bugs_by_keyword", arguments: { keyword: "memory leak", severity: 2, modified_date: 5 } });
console.log("search_bugs_by_keyword severity=2:", r.isError ? "ERROR" : "ok", "|", r.content[0].text.split("\n")[0]);
const bad = await all.callTool({ name: "get_bug_details", arguments: { bugid: "CSCvt43974" } });
console.log("misspelled:", bad.content[0].text.slice(0, 90));
const core = await session({ "X-MCP-Toolsets": "core" });
console.log("tools (X-MCP-Toolsets: core):", (await core.listTools()).tools.length);
await all.close(); await core.close();
