import { createHmac } from "node:crypto";
import { HttpResponse, http, passthrough } from "msw";
import { setupServer } from "msw/node";
import { createSlackApp, type SlackApp } from "../../adapters/slack/app.ts";
import type { Store } from "../../src/ports.ts";
import { harness, quietLogger } from "./harness.ts";

export const SECRET = "test-signing-secret";
export type Call = { method: string; body: Record<string, unknown> };

/** Slack's Web API as the tests see it: every call recorded, answers as Slack would give them. */
export function slackApi(
  answers: Record<string, (body: Record<string, unknown>) => Record<string, unknown>> = {},
) {
  const calls: Call[] = [];
  /** The bytes of each file uploaded, in order. */
  const uploads: Buffer[] = [];
  const server = setupServer(
    http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()),
    http.post("https://slack.com/api/:method", async ({ request, params }) => {
      const method = String(params.method);
      const text = await request.text();
      const body = request.headers.get("content-type")?.includes("json")
        ? JSON.parse(text || "{}")
        : Object.fromEntries(new URLSearchParams(text));
      for (const [k, v] of Object.entries(body))
        if (typeof v === "string" && /^[[{]/.test(v)) body[k] = JSON.parse(v);
      calls.push({ method, body });
      const base: Record<string, unknown> =
        method === "auth.test"
          ? { user_id: "UBOT", bot_id: "BBOT", team_id: "T1", user: "tafel" }
          : method === "conversations.open"
            ? { channel: { id: "D-DM" } }
            : method === "files.getUploadURLExternal"
              ? { upload_url: "https://files.slack.com/upload/v1/abc", file_id: "F1" }
              : // Every message its own ts, as in Slack: a thread is found by its first message's.
                { ts: `1700000000.${String(calls.length).padStart(6, "0")}` };
      return HttpResponse.json({ ok: true, ...base, ...(answers[method]?.(body) ?? {}) });
    }),
    http.post("https://files.slack.com/upload/v1/:id", async ({ request }) => {
      // The Web API client posts the file as the one part of a multipart form.
      const part = [...(await request.formData()).values()].find((v) => typeof v !== "string");
      uploads.push(Buffer.from(part ? await part.arrayBuffer() : new ArrayBuffer(0)));
      return HttpResponse.text("OK");
    }),
  );
  return { calls, uploads, server, of: (method: string) => calls.filter((c) => c.method === method) };
}

export function sign(body: string, at = Math.floor(Date.now() / 1000), secret = SECRET) {
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${at}:${body}`).digest("hex")}`;
  return { "x-slack-request-timestamp": String(at), "x-slack-signature": signature };
}

let triggers = 0;
export const slashBody = (user: string, text: string, channel = "C1", name?: string, command = "/tafel") =>
  new URLSearchParams({
    token: "x",
    team_id: "T1",
    team_domain: "gemeente",
    channel_id: channel,
    channel_name: "triage",
    user_id: user,
    user_name: name ?? (user === "U1" ? "anna" : user === "U2" ? "joost" : user === "U3" ? "piet" : "kees"),
    command,
    text,
    api_app_id: "A1",
    response_url: "https://hooks.slack.com/commands/T1/1/abc",
    trigger_id: `trigger-${++triggers}`,
  }).toString();

export const payloadBody = (payload: unknown) =>
  new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

/** A click on a card button that runs a command, in channel C1. */
/** A button click: in the table's channel by default; `in` a DM with the raw value the button carried. */
export const buttonBody = (
  user: { id: string; username: string },
  run: string,
  ts: string,
  from: { channel: string; value: string } = { channel: "C1", value: JSON.stringify({ run }) },
) =>
  payloadBody({
    type: "block_actions",
    team: { id: "T1" },
    user,
    channel: { id: from.channel },
    trigger_id: "t-btn",
    actions: [{ type: "button", action_id: "tafel_0", value: from.value, action_ts: ts }],
  });

/**
 * The running receiver on a random port, with a table set up in channel C1: on a memory store, or on a store
 * given (a second instance on one database finds the table there), beside an intercepted Web API given.
 */
export async function slackTable(
  answers?: Parameters<typeof slackApi>[0],
  on: { store?: Store; api?: ReturnType<typeof slackApi> } = {},
) {
  const api = on.api ?? slackApi(answers);
  if (!on.api) api.server.listen({ onUnhandledFrame: "error" } as never);
  const h = await harness({ at: "2026-11-23T09:00:00Z", ...(on.store ? { store: on.store } : {}) });
  const slack: SlackApp = createSlackApp({
    config: { signingSecret: SECRET, botToken: "xoxb-test", appToken: undefined, port: 0 },
    dispatch: h.deps,
    store: h.store,
    logger: quietLogger,
  });
  const port = await slack.start();
  const url = `http://127.0.0.1:${port}/slack/events`;
  const send = async (body: string, type: "form" | "json" = "form", headers: Record<string, string> = {}) => {
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": type === "form" ? "application/x-www-form-urlencoded" : "application/json",
        ...sign(body),
        ...headers,
      },
      body,
    });
    const text = await res.text();
    return { status: res.status, text, json: text.startsWith("{") ? JSON.parse(text) : null };
  };
  const slash = (user: string, text: string, channel?: string) => send(slashBody(user, text, channel));
  if (!(await h.store.tableFor("slack:T1:C1"))) {
    await slash("U1", "setup Triage Druten regio=midden");
    await slash("U1", "lid <@U2|joost> school");
    await slash("U1", "lid <@U3|piet> leerplicht");
  }
  /** Listeners go on after the ack: wait until they have finished, and the work they left in the background. */
  const settle = async () => {
    await slack.idle();
    await h.background.idle();
  };
  const stop = async () => {
    await slack.stop();
    if (!on.api) api.server.close();
    await h.store.close();
  };
  return { api, h, url, send, slash, settle, stop };
}
