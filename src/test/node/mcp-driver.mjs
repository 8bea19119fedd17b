// Drives the server through the official MCP TypeScript SDK client, as a real MCP client would.
// Usage: node mcp-driver.mjs scenario.json      one scenario, its report on stdout
//        node mcp-driver.mjs --serve           scenarios as lines {"id", "scenario"} on stdin, run as they come (also
//                                              side by side), each report a line {"id", "report"} on stdout: the
//                                              tests' driver for their life, so that Node and the SDK load once
// The scenario names a transport (stdio: the command to spawn; http: the URL and headers) and the
// steps to run; the outcome of every step is printed on stdout as one JSON document.
// With "client": "v2" the SDK's v2 client (@modelcontextprotocol/client) runs them instead, the one that speaks both
// protocol eras; "negotiation" is its versionNegotiation mode ("legacy": the 2025 initialize handshake; "auto":
// server/discover first, falling back to initialize; a revision such as "2026-07-28": that revision or fail), and the
// report adds the protocol version and era it settled on.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

// Each SDK is loaded once, when a scenario first names it (loading both cost each run 0.1-0.2 s more CPU); the v1 SDK's
// OAuth helpers, which both clients use, are loaded when a scenario signs in.
const sdks = {};
function loadSdk(v2) {
  const key = v2 ? "v2" : "v1";
  sdks[key] ??= Promise.all(v2
    ? [import("@modelcontextprotocol/client"), import("@modelcontextprotocol/client/stdio")]
    : [import("@modelcontextprotocol/sdk/client/index.js"), import("@modelcontextprotocol/sdk/client/stdio.js"),
      import("@modelcontextprotocol/sdk/client/streamableHttp.js"), import("@modelcontextprotocol/sdk/types.js")])
    .then((modules) => Object.assign({}, ...modules));
  return sdks[key];
}

// What one scenario's run knows: its scenario, its SDK, and what its client has been sent so far.
async function contextFor(scenario) {
  const isV2 = scenario.client === "v2";
  return { scenario, isV2, sdk: await loadSdk(isV2), timeout: scenario.timeoutMs ?? 60000, samplingRequests: [],
    elicitations: [], logs: [], toolsListChanged: 0, lastResult: undefined, signInReport: undefined };
}

// The v2 client dropped callTool's result-schema argument; handlers and notifications are named by method.
const callTool = (ctx, client, params, options) => ctx.isV2 ? client.callTool(params, options)
  : client.callTool(params, undefined, options);
const onRequest = (ctx, client, method, v1Schema, handler) =>
  client.setRequestHandler(ctx.isV2 ? method : ctx.sdk[v1Schema], handler);
const onNotification = (ctx, client, method, v1Schema, handler) =>
  client.setNotificationHandler(ctx.isV2 ? method : ctx.sdk[v1Schema], handler);

function negotiation(mode) {
  return !mode || mode === "legacy" || mode === "auto" ? { mode: mode ?? "legacy" } : { mode: { pin: mode } };
}

// With "oauth": {clientId, clientSecret, scope, issuer} the HTTP client signs in by itself, as the SDK's OAuth support does: from the
// server's 401 it reads the protected-resource metadata, finds the provider, asks it for a token for the server
// (client credentials, resource indicator) and, on a 403 insufficient_scope, asks again with the scopes named (step-up).
// "seed": {tokenEndpoint, resource, scope} starts it with a token asked for those scopes only, as a client holding an
// earlier, narrower token would.
// "login": "<name>" signs a person in instead, as a desktop client does: authorization code with PKCE, the SDK
// following the server's 401 to the provider, the provider's sign-in and consent pages answered by the script as the
// person would answer them in a browser; the report's "signIn" says what the client asked the provider for.
async function transportFor(ctx, t) {
  if (t.type === "stdio") {
    return new ctx.sdk.StdioClientTransport({ command: t.command, args: t.args, env: t.env, cwd: t.cwd, stderr: t.stderr ?? "inherit" });
  }
  const options = { requestInit: { headers: t.headers ?? {} } };
  if (t.oauth?.login) {
    options.authProvider = await signIn(ctx, t);
  } else if (t.oauth) {
    // A client-credentials client asks for the scopes it is configured with (the SDK sends clientMetadata.scope for
    // this grant, not the challenge's); the provider grants those its policy allows.
    const { ClientCredentialsProvider } = await import("@modelcontextprotocol/sdk/client/auth-extensions.js");
    const provider = new ClientCredentialsProvider({ clientId: t.oauth.clientId, clientSecret: t.oauth.clientSecret,
      scope: t.oauth.scope, expectedIssuer: t.oauth.issuer });
    if (t.oauth.seed) {
      const body = new URLSearchParams({ grant_type: "client_credentials", resource: t.oauth.seed.resource,
        scope: t.oauth.seed.scope });
      const basic = Buffer.from(`${t.oauth.clientId}:${t.oauth.clientSecret}`).toString("base64");
      const response = await fetch(t.oauth.seed.tokenEndpoint, { method: "POST", body,
        headers: { authorization: `Basic ${basic}` } });
      provider.saveTokens(await response.json());
    }
    options.authProvider = provider;
  }
  return new ctx.sdk.StreamableHTTPClientTransport(new URL(t.url), options);
}

async function run(ctx, client, step) {
  const { timeout } = ctx;
  switch (step.op) {
    case "listTools":
      return await client.listTools(undefined, { timeout });
    case "callTool": {
      if (!step.progress) {
        ctx.lastResult = await callTool(ctx, client, { name: step.name, arguments: step.arguments ?? {} }, { timeout });
        return ctx.lastResult;
      }
      // With onprogress the client sends a progress token; every notifications/progress is kept, in order.
      const progress = [];
      ctx.lastResult = await callTool(ctx, client, { name: step.name, arguments: step.arguments ?? {} },
        { timeout, onprogress: (p) => progress.push(p) });
      return { ...ctx.lastResult, progress };
    }
    case "callAndCancel": {
      // Starts the call, then aborts it: the client sends notifications/cancelled for its request ID. It aborts
      // cancelAfterMs after sending, or with "cancelAfterProgress": n when the call's nth progress notification arrives
      // (what the server did before the cancel then never depends on how fast the machine is). "cancelledAt" is when
      // (epoch ms).
      const controller = new AbortController();
      let cancelledAt = null;
      const cancel = () => {
        if (cancelledAt === null) {
          cancelledAt = Date.now();
          controller.abort("cancelled by the test");
        }
      };
      let progressSeen = 0;
      const onprogress = step.cancelAfterProgress
        ? () => { if (++progressSeen === step.cancelAfterProgress) cancel(); } : undefined;
      const call = callTool(ctx, client, { name: step.name, arguments: step.arguments ?? {} },
        { timeout, signal: controller.signal, onprogress });
      if (!step.cancelAfterProgress) setTimeout(cancel, step.cancelAfterMs ?? 500);
      let outcome;
      try {
        outcome = { finished: true, value: await call };
      } catch (e) {
        outcome = { finished: false, error: String(e?.message ?? e) };
      }
      await new Promise((r) => setTimeout(r, step.settleMs ?? 2000));
      return { ...outcome, cancelledAt };
    }
    case "samplingRequests":
      return { requests: ctx.samplingRequests };
    case "elicitations":
      return { requests: ctx.elicitations };
    case "setLoggingLevel":
      return await client.setLoggingLevel(step.level, { timeout });
    case "logs": {
      // The notifications/message received so far (and forgets them), after a short settle.
      await new Promise((r) => setTimeout(r, step.settleMs ?? 300));
      const seen = ctx.logs.splice(0, ctx.logs.length);
      return { logs: seen };
    }
    case "ping":
      return await client.ping({ timeout });
    case "listPrompts":
      return await client.listPrompts(undefined, { timeout });
    case "getPrompt":
      return await client.getPrompt({ name: step.name, arguments: step.arguments ?? {} }, { timeout });
    case "listResources":
      return await client.listResources(undefined, { timeout });
    case "listResourceTemplates":
      return await client.listResourceTemplates(undefined, { timeout });
    case "readResource":
      return await client.readResource({ uri: step.uri }, { timeout });
    case "readLink": {
      // Reads the resource the last tool result links to (its resource_link of that MIME type), as a client would.
      const link = (ctx.lastResult?.content ?? []).find((c) => c.type === "resource_link"
        && (!step.mimeType || c.mimeType === step.mimeType));
      if (!link) throw new Error("the last result links no such resource");
      return await client.readResource({ uri: link.uri }, { timeout });
    }
    case "complete":
      return await client.complete({ ref: step.ref, argument: { name: step.argument, value: step.value ?? "" } }, { timeout });
    case "awaitToolsListChanged": {
      // Bounded wait for notifications/tools/list_changed; the count received so far is the answer.
      const until = Date.now() + (step.timeoutMs ?? 20000);
      while (ctx.toolsListChanged === 0 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, step.settleMs ?? 500));
      return { count: ctx.toolsListChanged };
    }
    default:
      throw new Error(`unknown step ${step.op}`);
  }
}

async function outcome(ctx, client, step) {
  try {
    return { ok: true, value: await run(ctx, client, step) };
  } catch (e) {
    return { ok: false, error: String(e?.message ?? e), code: e?.code ?? null };
  }
}

// An MCP client a person signs in through: a public client registered at the provider with one redirect URI.
class PersonSigningIn {
  constructor(oauth) {
    this.oauth = oauth;
  }
  get redirectUrl() { return this.oauth.redirectUri; }
  get clientMetadata() {
    return { client_name: "cisco-support-mcp tests", redirect_uris: [this.oauth.redirectUri],
      grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], token_endpoint_auth_method: "none" };
  }
  clientInformation() { return { client_id: this.oauth.clientId, issuer: this.oauth.issuer }; }
  tokens() { return this.savedTokens; }
  saveTokens(tokens) { this.savedTokens = tokens; }
  redirectToAuthorization(url) { this.authorizationUrl = url; }
  saveCodeVerifier(verifier) { this.verifier = verifier; }
  codeVerifier() { return this.verifier; }
}

async function signIn(ctx, t) {
  const { timeout } = ctx;
  const provider = new PersonSigningIn(t.oauth);
  const v1 = await loadSdk(false);
  const transport = new v1.StreamableHTTPClientTransport(new URL(t.url), { authProvider: provider });
  const probe = new v1.Client({ name: "sign-in", version: "1.0.0" });
  try {
    await probe.connect(transport, { timeout });
  } catch (e) {
    if (!provider.authorizationUrl) throw e;
  }
  const url = new URL(provider.authorizationUrl);
  ctx.signInReport = { scope: url.searchParams.get("scope"), resource: url.searchParams.get("resource"),
    codeChallengeMethod: url.searchParams.get("code_challenge_method") };
  await transport.finishAuth(await answerTheProvidersPages(url, t.oauth.login, t.oauth.redirectUri));
  await probe.close().catch(() => {});
  return provider;
}

// What a person does in the browser: the provider's sign-in page, then its consent page, following each redirect with
// the provider's cookies, until the provider sends the browser back to the client with a code.
async function answerTheProvidersPages(start, login, redirectUri) {
  const cookies = new Map();
  const go = async (url, init = {}) => {
    const response = await fetch(url, { ...init, redirect: "manual",
      headers: { ...(init.headers ?? {}), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(";")[0];
      cookies.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    }
    return response;
  };
  let response = await go(start);
  for (let hop = 0; hop < 12; hop++) {
    const location = response.headers.get("location");
    if (!location) throw new Error(`sign-in stopped at HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
    const next = new URL(location, start);
    if (next.href.startsWith(redirectUri)) {
      if (!next.searchParams.get("code")) throw new Error(`the provider refused: ${next.search}`);
      return next.searchParams.get("code");
    }
    response = await go(next);
    const page = response.status === 200 ? await response.text() : "";
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(page)?.[1];
    if (action && prompt) {
      const form = new URLSearchParams(prompt === "login" ? { prompt, login, password: "any password" } : { prompt });
      response = await go(new URL(action, next), { method: "POST", body: form,
        headers: { "content-type": "application/x-www-form-urlencoded" } });
    }
  }
  throw new Error("sign-in did not end in 12 redirects");
}

// With "repeat": N the whole connection (connect, steps, close) is made N times, one after the other, each with
// a new client and transport (a client started N times); the outcomes are in "runs".
async function once(ctx) {
  const { scenario, timeout } = ctx;
  const out = {};
  const transport = await transportFor(ctx, scenario.transport);
  // With "sampling": true the client offers MCP sampling: its "model" answers with what it was sent, counted,
  // and every request is kept for the test to read (op "samplingRequests").
  // With "elicit": "first" the client offers elicitation and its user accepts the first choice of the first enum;
  // with "decline" the user declines every request.
  const capabilities = {};
  if (scenario.sampling) capabilities.sampling = {};
  if (scenario.elicit) capabilities.elicitation = {};
  const client = new ctx.sdk.Client({ name: "cisco-support-mcp-tests", version: "1.0.0" },
    ctx.isV2 ? { capabilities, versionNegotiation: negotiation(scenario.negotiation) } : { capabilities });
  if (scenario.elicit) {
    onRequest(ctx, client, "elicitation/create", "ElicitRequestSchema", async (request) => {
      ctx.elicitations.push(request.params);
      if (scenario.elicit === "decline") return { action: "decline" };
      const [name, field] = Object.entries(request.params.requestedSchema.properties)[0];
      return { action: "accept", content: { [name]: field.enum[0] } };
    });
  }
  if (scenario.sampling) {
    onRequest(ctx, client, "sampling/createMessage", "CreateMessageRequestSchema", async (request) => {
      ctx.samplingRequests.push(request.params);
      const text = request.params.messages.map((m) => m.content.text ?? "").join("\n");
      return { role: "assistant", model: "test-model", content: { type: "text", text: `TEST MODEL read ${text.length} characters.` } };
    });
  }
  onNotification(ctx, client, "notifications/tools/list_changed", "ToolListChangedNotificationSchema",
    () => { ctx.toolsListChanged++; });
  onNotification(ctx, client, "notifications/message", "LoggingMessageNotificationSchema", (n) => { ctx.logs.push(n.params); });
  try {
    await client.connect(transport, { timeout });
    out.connected = true;
    if (ctx.isV2) {
      out.protocolVersion = client.getNegotiatedProtocolVersion() ?? null;
      out.era = client.getProtocolEra() ?? null;
    }
    out.serverInfo = client.getServerVersion();
    out.instructions = client.getInstructions();
    out.sessionId = transport.sessionId ?? null;
    const steps = scenario.steps ?? [];
    out.results = scenario.parallel
      ? await Promise.all(steps.map((s) => outcome(ctx, client, s)))
      : await steps.reduce(async (acc, s) => [...(await acc), await outcome(ctx, client, s)], Promise.resolve([]));
    if (scenario.transport.type === "http" && transport.sessionId) {
      await transport.terminateSession().catch(() => {});
    }
  } catch (e) {
    out.connected = out.connected ?? false;
    out.error = String(e?.message ?? e);
  } finally {
    await client.close().catch(() => {});
  }
  return out;
}

async function report(scenario) {
  const ctx = await contextFor(scenario);
  let result;
  if ((scenario.repeat ?? 1) > 1) {
    result = { runs: [] };
    for (let i = 0; i < scenario.repeat; i++) {
      result.runs.push(await once(ctx));
    }
    result.connected = result.runs.every((r) => r.connected);
    result.error = result.runs.map((r) => r.error).filter((e) => e).join("; ");
  } else {
    result = await once(ctx);
  }
  if (ctx.signInReport) result.signIn = ctx.signInReport;
  return result;
}

if (process.argv[2] === "--serve") {
  // A failure a scenario's client did not catch is said on stderr and costs that scenario only, not the others running.
  process.on("unhandledRejection", (e) => console.error("unhandled rejection:", e));
  process.on("uncaughtException", (e) => console.error("uncaught exception:", e));
  const lines = createInterface({ input: process.stdin });
  lines.on("line", (line) => {
    const { id, scenario } = JSON.parse(line);
    report(scenario)
      .catch((e) => ({ connected: false, error: `the driver failed: ${e?.stack ?? e}` }))
      .then((result) => process.stdout.write(JSON.stringify({ id, report: result }) + "\n"));
  });
  lines.on("close", () => process.exit(0));
} else {
  const result = await report(JSON.parse(readFileSync(process.argv[2], "utf8")));
  // Writes to a pipe are asynchronous: exit only once the whole report is out.
  process.stdout.write(JSON.stringify(result) + "\n", () => process.exit(0));
}
