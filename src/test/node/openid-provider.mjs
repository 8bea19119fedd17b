// A real OpenID provider for the OAuth tests: panva's oidc-provider (OpenID Certified), on loopback.
// Usage: node openid-provider.mjs plan.json
// The plan names one or more providers, each with its clients: {"providers": [{"name": "company", "clients": [
//   {"client_id": "...", "client_secret": "...", "scope": "support.read support.bug", "format": "jwt" | "opaque",
//    "ttl": 300, "name": "Ana Engineer"}, {"client_id": "desktop", "redirect_uri": "http://localhost:3334/callback",
//    "scope": "..."}]}]}.
// Each client may use the client-credentials grant; the token it gets for a resource indicator (RFC 8707) carries that
// resource as its audience and, of the scopes it asked for, those its "scope" allows; "format" chooses a JWT access
// token (RFC 9068, typ at+jwt) or an opaque one (read back through the introspection endpoint, RFC 7662).
// Once every provider listens, one line on stdout: {"company": "http://127.0.0.1:port", ...} (name to issuer).
// On stdin, "rotate <name>" gives that provider a new signing key (the old one no longer published) and answers
// {"rotated": "<name>", "kid": "<new kid>"} on stdout.
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { generateKeyPair, exportJWK } from "jose";
import Provider from "oidc-provider";

const plan = JSON.parse(readFileSync(process.argv[2], "utf8"));
// stdout carries only the lines above; the provider's own notices (console.info among them) go to stderr.
console.log = console.info = console.warn = (...args) => console.error(...args);

async function signingKeys() {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = await exportJWK(privateKey);
  jwk.kid = `key-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  jwk.alg = "RS256";
  jwk.use = "sig";
  return { keys: [jwk] };
}

function providerFor(issuer, spec, jwks) {
  const byId = new Map(spec.clients.map((c) => [c.client_id, c]));
  const provider = new Provider(issuer, {
    // A client with a redirect_uri is an MCP client people sign in through (public, authorization code with PKCE);
    // the others are services (confidential, client credentials).
    clients: spec.clients.map((c) => (c.redirect_uri ? {
      client_id: c.client_id,
      token_endpoint_auth_method: "none",
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      redirect_uris: [c.redirect_uri],
    } : {
      client_id: c.client_id,
      client_secret: c.client_secret,
      grant_types: ["client_credentials"],
      response_types: [],
      redirect_uris: [],
    })),
    jwks,
    // A person's name in the token, as company providers put one (Keycloak and Okta: preferred_username).
    extraTokenClaims: (ctx, token) => {
      const name = token.accountId ?? byId.get(token.clientId)?.name;
      return name ? { preferred_username: name } : undefined;
    },
    ttl: { ClientCredentials: (ctx, token, client) => byId.get(client.clientId)?.ttl ?? 300 },
    features: {
      // Its own sign-in and consent pages: any login name is a person (the sub), any password is accepted.
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => undefined,
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx, resource, client) => {
          const c = byId.get(client.clientId);
          return {
            scope: c.scope ?? "",
            audience: resource,
            accessTokenTTL: c.ttl ?? 300,
            accessTokenFormat: c.format ?? "jwt",
            jwt: { sign: { alg: "RS256" } },
          };
        },
      },
    },
  });
  provider.proxy = false;
  return provider;
}

const running = new Map();
const issuers = {};
for (const spec of plan.providers) {
  const entry = { spec, handler: null };
  const server = createServer((req, res) => entry.handler(req, res));
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  entry.issuer = `http://127.0.0.1:${server.address().port}`;
  entry.server = server;
  entry.handler = providerFor(entry.issuer, spec, await signingKeys()).callback();
  running.set(spec.name, entry);
  issuers[spec.name] = entry.issuer;
}
process.stdout.write(JSON.stringify(issuers) + "\n");

const commands = createInterface({ input: process.stdin });
commands.on("line", async (line) => {
  const [command, name] = line.trim().split(/\s+/);
  const entry = running.get(name);
  if (command !== "rotate" || !entry) {
    process.stdout.write(JSON.stringify({ error: `unknown command: ${line}` }) + "\n");
    return;
  }
  const jwks = await signingKeys();
  entry.handler = providerFor(entry.issuer, entry.spec, jwks).callback();
  process.stdout.write(JSON.stringify({ rotated: name, kid: jwks.keys[0].kid }) + "\n");
});
// The test closes stdin to stop the providers.
commands.on("close", () => process.exit(0));
