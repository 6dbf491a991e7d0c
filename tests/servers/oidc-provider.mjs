// A real OpenID Connect provider (panva's oidc-provider) on 127.0.0.1 for the electronic-ID
// tests, shaped like ID-porten: the ID token carries the Norwegian national identity number in
// the `pid` claim (with the openid scope), RS256 keys made at start, the authorization code flow
// with PKCE required, one confidential client (client_secret_post).
//
// Started with one JSON argument:
//   { "client": { "client_id": "...", "client_secret": "...", "redirect_uris": ["..."] },
//     "accounts": [ { "sub": "...", "pid": "...", "name": "..." } ] }   (pid and name optional)
// Prints one JSON line {"port": n, "issuer": "http://127.0.0.1:n"} when it listens; the port is
// chosen by the OS. Stops when its standard input closes.
//
// The login form at /interaction/{uid} lists the test accounts ("Testperson") with a "Logg inn"
// and an "Avbryt" button; signing in also grants the requested scopes, so there is no consent step.
//
// Test-only endpoints, never part of a real provider:
//   POST /__test/mode   {"mode": "normal" | "bad-signature" | "wrong-audience"}
//        makes the token endpoint hand out an ID token whose signature does not verify, or one
//        correctly signed for another audience, so the client's refusal is tested for real.
//   POST /__test/client {"redirect_uris": ["..."]}
//        replaces the client's redirect URIs (a browser test knows its port only once started).
import http from "node:http";
import crypto from "node:crypto";
import Provider from "oidc-provider";

const settings = JSON.parse(process.argv[2] ?? "{}");
const accounts = settings.accounts ?? [];
let clientSettings = settings.client ?? {};
let mode = "normal";

const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: "jwk" }), kid: "test-key-1", alg: "RS256", use: "sig" };
const cookieKeys = [crypto.randomBytes(32).toString("base64url")];

let issuer;
let provider;
const server = http.createServer((request, response) => {
  handle(request, response).catch((error) => {
    response.writeHead(500, { "content-type": "text/plain" });
    response.end(String(error));
  });
});
server.listen(0, "127.0.0.1", () => {
  const port = server.address().port;
  issuer = `http://127.0.0.1:${port}`;
  provider = build();
  console.log(JSON.stringify({ port, issuer }));
});

// A new provider object for new client settings; keys and cookie keys stay the same.
function build() {
  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientSettings.client_id,
      client_secret: clientSettings.client_secret,
      redirect_uris: clientSettings.redirect_uris ?? [],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
    }],
    jwks: { keys: [signingKey] },
    cookies: { keys: cookieKeys },
    // ID-porten puts pid in the ID token with the openid scope; name comes with profile.
    claims: { openid: ["sub", "pid"], profile: ["name"] },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const account = accounts.find((a) => a.sub === id);
      if (!account) {
        return undefined;
      }

      return {
        accountId: id,
        async claims() {
          const claims = { sub: id };
          if (account.pid) claims.pid = account.pid;
          if (account.name) claims.name = account.name;
          return claims;
        },
      };
    },
  });

  // The test switch acts on the token endpoint's answer, after the provider made it.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === "/token" && mode !== "normal" && ctx.body && typeof ctx.body === "object" && ctx.body.id_token) {
      ctx.body = { ...ctx.body, id_token: tamper(ctx.body.id_token) };
    }
  });
  return provider;
}

async function handle(request, response) {
  const url = new URL(request.url, "http://127.0.0.1");
  if (url.pathname === "/__test/mode" && request.method === "POST") {
    const body = JSON.parse(await readBody(request));
    if (!["normal", "bad-signature", "wrong-audience"].includes(body.mode)) {
      response.writeHead(400).end();
      return;
    }

    mode = body.mode;
    response.writeHead(204).end();
    return;
  }

  if (url.pathname === "/__test/client" && request.method === "POST") {
    const body = JSON.parse(await readBody(request));
    clientSettings = { ...clientSettings, redirect_uris: body.redirect_uris };
    provider = build();
    response.writeHead(204).end();
    return;
  }

  const interaction = url.pathname.match(/^\/interaction\/([^/]+)(\/login|\/abort)?$/);
  if (interaction) {
    await interact(request, response, interaction[2]);
    return;
  }

  provider.callback()(request, response);
}

async function interact(request, response, action) {
  const details = await provider.interactionDetails(request, response);
  if (request.method === "GET" && !action) {
    const options = accounts
      .map((a) => `<option value="${escape(a.sub)}">${escape(a.name ?? a.sub)}</option>`)
      .join("");
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Test-ID</title></head><body>
<main><h1>Test-ID (ikke ekte elektronisk ID)</h1>
<form method="post" action="/interaction/${details.uid}/login">
<label for="login">Testperson</label> <select id="login" name="login">${options}</select>
<button type="submit">Logg inn</button></form>
<form method="post" action="/interaction/${details.uid}/abort"><button type="submit">Avbryt</button></form>
</main></body></html>`);
    return;
  }

  if (request.method === "POST" && action === "/abort") {
    await provider.interactionFinished(request, response, { error: "access_denied", error_description: "The person cancelled." }, { mergeWithLastSubmission: false });
    return;
  }

  if (request.method === "POST" && action === "/login") {
    const accountId = new URLSearchParams(await readBody(request)).get("login");
    if (!accounts.some((a) => a.sub === accountId)) {
      response.writeHead(400).end();
      return;
    }

    const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
    grant.addOIDCScope(details.params.scope);
    const grantId = await grant.save();
    await provider.interactionFinished(request, response, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
    return;
  }

  response.writeHead(405).end();
}

// bad-signature: the same token with one bit of its signature changed.
// wrong-audience: the same claims for another client, properly signed with the provider's key.
function tamper(idToken) {
  const [header, payload, signature] = idToken.split(".");
  if (mode === "bad-signature") {
    const bytes = Buffer.from(signature, "base64url");
    bytes[bytes.length - 1] ^= 0x01;
    return `${header}.${payload}.${bytes.toString("base64url")}`;
  }

  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  claims.aud = "another-client";
  const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
  return `${body}.${crypto.sign("sha256", Buffer.from(body), privateKey).toString("base64url")}`;
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function escape(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Stop with the test run: the parent closes stdin.
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
