import { createSign, generateKeyPairSync } from "node:crypto";
import { HttpResponse, http, passthrough } from "msw";
import { setupServer } from "msw/node";
import { createTeamsApp } from "../../adapters/teams/app.ts";
import { harness, quietLogger } from "./harness.ts";

export const CLIENT_ID = "00000000-0000-0000-0000-00000000c11e";
export const TENANT = "tenant-1";
export const SERVICE = "https://smba.trafficmanager.net/emea/";
const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const KID = "test-key";

/** The test key as its JWKS entry. */
export const testJwk = () => ({ ...publicKey.export({ format: "jwk" }), kid: KID, use: "sig", alg: "RS256" });

const b64 = (x: object | Buffer) =>
  (Buffer.isBuffer(x) ? x : Buffer.from(JSON.stringify(x))).toString("base64url");

/** A Bot Framework token as the connector would send it, signed by the test key the fake JWKS serves. */
export function botToken(claims: Record<string, unknown> = {}, key = privateKey) {
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: "RS256", typ: "JWT", kid: KID });
  const body = b64({
    iss: "https://api.botframework.com",
    aud: CLIENT_ID,
    serviceurl: SERVICE,
    nbf: now - 10,
    exp: now + 600,
    ...claims,
  });
  const signature = createSign("RSA-SHA256").update(`${head}.${body}`).sign(key);
  return `${head}.${body}.${b64(signature)}`;
}
export const otherKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;

/**
 * An app-only token that Entra issues in the tenant to another app for the bot's audience, signed by a key the
 * tenant's JWKS serves: the Teams SDK itself accepts it (it is how agentic identities call).
 */
export function entraToken(callerAppId: string, claims: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: "RS256", typ: "JWT", kid: KID });
  const body = b64({
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    aud: CLIENT_ID,
    tid: TENANT,
    azp: callerAppId,
    appid: callerAppId,
    sub: "service-principal-of-the-other-app",
    nbf: now - 10,
    exp: now + 600,
    ...claims,
  });
  const signature = createSign("RSA-SHA256").update(`${head}.${body}`).sign(privateKey);
  return `${head}.${body}.${b64(signature)}`;
}

export type Sent = { region: string; conversation: string; body: Record<string, unknown> };

export function teamsCloud() {
  const sent: Sent[] = [];
  const created: Array<Record<string, unknown>> = [];
  let failNext: number[] = [];
  let retryAfter = "0.01";
  const server = setupServer(
    http.all(/^http:\/\/(127\.0\.0\.1|localhost):\d+\//, () => passthrough()),
    http.get("https://login.botframework.com/v1/.well-known/keys", () =>
      HttpResponse.json({
        // As the connector's keys are: each endorsed for the channels it signs for.
        keys: [{ ...testJwk(), endorsements: ["msteams", "skype"] }],
      }),
    ),
    http.get("https://login.microsoftonline.com/:tenant/discovery/v2.0/keys", () =>
      HttpResponse.json({ keys: [testJwk()] }),
    ),
    http.post("https://login.microsoftonline.com/:tenant/oauth2/v2.0/token", () =>
      HttpResponse.json({
        token_type: "Bearer",
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: botToken({ aud: "https://api.botframework.com" }),
      }),
    ),
    http.post(/https:\/\/smba\.trafficmanager\.net\/[a-z]+\/v3\/conversations\/?$/, async ({ request }) => {
      created.push((await request.json()) as Record<string, unknown>);
      return HttpResponse.json({ id: `a:chat-${created.length}` });
    }),
    http.post(
      /https:\/\/smba\.trafficmanager\.net\/[a-z]+\/v3\/conversations\/([^/]+)\/activities/,
      async ({ request }) => {
        const status = failNext.shift();
        if (status) return new HttpResponse(null, { status, headers: { "Retry-After": retryAfter } });
        const path = new URL(request.url).pathname.split("/");
        const conversation = decodeURIComponent(path[4] ?? "");
        sent.push({
          region: path[1] ?? "",
          conversation,
          body: (await request.json()) as Record<string, unknown>,
        });
        return HttpResponse.json({ id: `m-${sent.length}` });
      },
    ),
  );
  return {
    server,
    sent,
    created,
    failWith: (...statuses: number[]) => {
      failNext = statuses;
      retryAfter = "0.01";
    },
    /** The next sends fail with these statuses and ask to wait this many seconds. */
    failWithRetryAfter: (seconds: string, ...statuses: number[]) => {
      failNext = statuses;
      retryAfter = seconds;
    },
  };
}

let ids = 0;
export function message(
  from: { id: string; name: string },
  text: string,
  extra: Record<string, unknown> = {},
) {
  return {
    type: "message",
    id: `act-${++ids}`,
    text: `<at>Tafel</at> ${text}`,
    from,
    recipient: { id: `28:${CLIENT_ID}`, name: "Tafel" },
    conversation: { id: "19:triage@thread.tacv2", conversationType: "channel", tenantId: TENANT },
    serviceUrl: SERVICE,
    channelId: "msteams",
    channelData: { tenant: { id: TENANT } },
    entities: [
      { type: "mention", text: "<at>Tafel</at>", mentioned: { id: `28:${CLIENT_ID}`, name: "Tafel" } },
    ],
    ...extra,
  };
}

export const ANNA = { id: "29:anna", name: "Anna" };
export const JOOST = { id: "29:joost", name: "Joost" };

export async function teamsTable(
  opts: { publicHost?: string; allowedCallers?: string[]; store?: import("../../src/ports.ts").Store } = {},
) {
  const cloud = teamsCloud();
  cloud.server.listen({ onUnhandledFrame: "error" } as never);
  const h = await harness({ at: "2026-11-23T09:00:00Z", ...(opts.store ? { store: opts.store } : {}) });
  const teams = createTeamsApp({
    config: {
      clientId: CLIENT_ID,
      clientSecret: "secret",
      tenantId: TENANT,
      port: 0,
      publicHost: opts.publicHost,
      ...(opts.allowedCallers ? { allowedCallers: opts.allowedCallers } : {}),
    },
    dispatch: h.deps,
    store: h.store,
    logger: quietLogger,
  });
  const port = await teams.start();
  const url = `http://127.0.0.1:${port}/api/messages`;
  const post = async (activity: unknown, token: string | null = botToken()) => {
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        // A fresh connection per activity: a kept-alive socket from an earlier test broke the next one (EPIPE).
        connection: "close",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, json: text.startsWith("{") ? JSON.parse(text) : null };
  };
  const stop = async () => {
    await teams.stop();
    cloud.server.close();
    await h.store.close();
  };
  return { cloud, h, teams, url, post, stop };
}
