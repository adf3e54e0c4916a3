import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonBody, payloadBody, sign, slackTable, slashBody } from "../support/slack.ts";

type T = Awaited<ReturnType<typeof slackTable>>;
const allText = (x: unknown) => JSON.stringify(x);

/**
 * Every test has its own running receiver and table, so each runs alone and in any order; those that act on a
 * case first raise one (C-1) with `withCase`.
 */
describe("Slack: /tafel through signed requests to the running receiver", () => {
  let s: T;
  beforeEach(async () => {
    s = await slackTable({
      "conversations.replies": (body) =>
        body.ts === "100.1"
          ? { messages: [{ ts: "100.1", thread_ts: "99.0", text: "Ouders komen dinsdag langs" }] }
          : { messages: [{ ts: "99.0", text: "Casus C-1: nieuw signaal" }] },
    });
  });
  afterEach(() => s.stop());
  const withCase = async () => {
    await s.slash("U2", "signaal 2345678 ongeoorloofd 2 vrijdag");
    await s.settle();
  };

  it("sets up a table and adds members picked by mention", async () => {
    const res = await s.slash("U1", "leden");
    expect(res.status).toBe(200);
    expect(res.json.response_type).toBe("ephemeral");
    expect(allText(res.json.blocks)).toContain("@joost · zorgcoördinator");
    const doc = await s.h.store.read("slack-t1-c1");
    expect(doc.members.map((m) => [m.id, m.handle])).toEqual([
      ["U1", "anna"],
      ["U2", "joost"],
      ["U3", "piet"],
    ]);
  });

  it("answers a signal privately with the case card and tells the channel after the ack", async () => {
    const res = await s.slash("U2", 'signaal 1234567 ongeoorloofd 3 vrijdag "Ochtend afwezig"');
    expect(res.json.response_type).toBe("ephemeral");
    expect(res.json.blocks[0]).toMatchObject({
      type: "header",
      text: { text: expect.stringMatching(/^Casus C-1 · L-[0-9A-Z]{6}$/) },
    });
    expect(res.json.blocks.at(-1).type).toBe("actions");
    expect(allText(res.json)).not.toContain("1234567");
    await s.settle();
    const posted = s.api.of("chat.postMessage").map((c) => c.body);
    expect(posted).toContainEqual(
      expect.objectContaining({ channel: "C1", text: expect.stringContaining("Nieuw signaal bij C-1") }),
    );
  });

  it("refuses a forged signature and a stale timestamp with 401, and changes nothing", async () => {
    const body = slashBody("U1", "setup Andere tafel", "C9");
    const forged = await s.send(body, "form", sign(body, undefined, "wrong-secret"));
    expect(forged.status).toBe(401);
    const stale = await s.send(body, "form", sign(body, Math.floor(Date.now() / 1000) - 6 * 60));
    expect(stale.status).toBe(401);
    expect(await s.h.store.tableFor("slack:T1:C9")).toBeNull();
  });

  it("refuses a non-member privately", async () => {
    const res = await s.slash("U9", "casussen");
    expect(res.json.response_type).toBe("ephemeral");
    expect(allText(res.json)).toContain("Je bent geen lid van deze tafel");
  });

  it("shows user text literally: no mention of @channel or a person, no link, no bold", async () => {
    await withCase();
    await s.slash(
      "U3",
      'besluit C-1 "<!channel> <@U1> <https://evil.example|gemeente.nl> *✅ Goedgekeurd* _x_ ~y~"',
    );
    const card = await s.slash("U3", "casus C-1");
    // Every block that carries text carries it as plain text, which Slack never formats or links.
    const texts = card.json.blocks.flatMap(
      (b: { text?: { type: string; text: string }; fields?: Array<{ type: string; text: string }> }) => [
        ...(b.text ? [b.text] : []),
        ...(b.fields ?? []),
      ],
    );
    expect(texts.filter((x: { type: string }) => x.type !== "plain_text")).toEqual([]);
    const shown = allText(card.json.blocks);
    expect(shown).toContain("<https://evil.example|gemeente.nl> *✅ Goedgekeurd* _x_ ~y~");
    expect(shown).toContain("<!channel>");
    // The notification text is mrkdwn: there the same text is escaped and its formatting broken.
    expect(card.json.text).not.toMatch(/<!channel>|<@U1>|<https:|\*✅/);
  });

  it("opens a form for /tafel signaal and shows a wrong field in the form", async () => {
    const res = await s.slash("U2", "signaal");
    expect(res.status).toBe(200);
    await s.settle();
    const open = s.api.of("views.open").at(-1)?.body as {
      trigger_id: string;
      view: { blocks: Array<{ block_id: string }>; private_metadata: string };
    };
    expect(open.view.blocks.map((b) => b.block_id)).toEqual([
      "pupil",
      "kind",
      "amount",
      "period",
      "period__to",
      "school",
      "basis",
      "schoolType",
      "municipality",
      "ageBand",
      "done",
      "pattern",
      "note",
    ]);
    const values = {
      pupil: { v: { value: "12" } },
      kind: { v: { selected_option: { value: "ongeoorloofd" } } },
      amount: { v: { value: "2" } },
      period: { v: { selected_date: "2026-11-20" } },
      note: { v: { value: "Na de pauze weg" } },
    };
    const view = {
      id: "V1",
      hash: "h1",
      callback_id: "tafel_form",
      private_metadata: open.view.private_metadata,
      state: { values },
    };
    const wrong = await s.send(
      payloadBody({ type: "view_submission", team: { id: "T1" }, user: { id: "U2", name: "joost" }, view }),
    );
    expect(wrong.json).toMatchObject({
      response_action: "errors",
      errors: { pupil: expect.stringContaining("Leerling klopt niet") },
    });
    // Slack sends the corrected form with the same view id and hash: it must run, and a second send must not.
    const fixed = {
      ...view,
      state: { values: { ...values, pupil: { v: { value: "7654 321" } } } },
    };
    const ok = await s.send(
      payloadBody({
        type: "view_submission",
        team: { id: "T1" },
        user: { id: "U2", name: "joost" },
        view: fixed,
      }),
    );
    expect(ok.status).toBe(200);
    const again = await s.send(
      payloadBody({
        type: "view_submission",
        team: { id: "T1" },
        user: { id: "U2", name: "joost" },
        view: fixed,
      }),
    );
    expect(again.status).toBe(200);
    await s.settle();
    const doc = await s.h.store.read("slack-t1-c1");
    expect(doc.cases.at(-1)?.signals).toHaveLength(1);
    expect(doc.cases.at(-1)?.signals[0]).toMatchObject({
      kind: "ongeoorloofd",
      hours: 2,
      from: "2026-11-20",
      note: "Na de pauze weg",
    });
    expect(s.api.of("chat.postEphemeral").at(-1)?.body).toMatchObject({ channel: "C1", user: "U2" });
  });

  it("runs a card button once, however often it is clicked", async () => {
    await withCase();
    const action = (ts: string) => buttonBody({ id: "U3", username: "piet" }, "regie C-1 neem", ts);
    await s.send(action("200.1"));
    await s.send(action("200.1"));
    await s.settle();
    const doc = await s.h.store.read("slack-t1-c1");
    // Records hold the member's Slack id; the handle is only shown.
    expect(doc.cases[0]?.regieHistory.map((r) => r.holder)).toEqual(["U3"]);
    expect(
      s.api.of("chat.postMessage").filter((c) => String(c.body.text).includes("regie over C-1")),
    ).toHaveLength(1);
  });

  it("records a message as a decision from the shortcut", async () => {
    await withCase();
    await s.send(
      payloadBody({
        type: "message_action",
        callback_id: "besluit_vastleggen",
        team: { id: "T1" },
        user: { id: "U3", username: "piet" },
        channel: { id: "C1" },
        trigger_id: "t-sc",
        action_ts: "300.1",
        message: { ts: "300.0", text: "Voor C-1: school start een aanwezigheidsplan" },
      }),
    );
    await s.settle();
    const doc = await s.h.store.read("slack-t1-c1");
    expect(doc.decisions.at(-1)).toMatchObject({
      caseId: "C-1",
      text: "Voor C-1: school start een aanwezigheidsplan",
      by: "U3",
    });
  });

  it("records a 📌 in a case's thread as a decision once, even when Slack retries the event", async () => {
    await withCase();
    const event = JSON.stringify({
      type: "event_callback",
      team_id: "T1",
      api_app_id: "A1",
      event_id: "Ev1",
      event_time: 1,
      event: {
        type: "reaction_added",
        user: "U3",
        reaction: "pushpin",
        item: { type: "message", channel: "C1", ts: "100.1" },
        event_ts: "1",
      },
    });
    expect((await s.send(event, "json")).status).toBe(200);
    await s.send(event, "json", { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    await s.settle();
    const doc = await s.h.store.read("slack-t1-c1");
    expect(doc.decisions.filter((d) => d.text === "Ouders komen dinsdag langs")).toHaveLength(1);
  });

  it("records a 📌 whose first delivery died, from Slack's redelivery", async () => {
    await withCase();
    const pinned = async () =>
      (await s.h.store.read("slack-t1-c1")).decisions.filter((d) => d.text === "Ouders komen dinsdag langs")
        .length;
    const before = await pinned();
    const event = JSON.stringify({
      type: "event_callback",
      team_id: "T1",
      api_app_id: "A1",
      event_id: "Ev-retried",
      event_time: 3,
      event: {
        type: "reaction_added",
        user: "U3",
        reaction: "pushpin",
        item: { type: "message", channel: "C1", ts: "100.1" },
        event_ts: "3",
      },
    });
    await s.send(event, "json", { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    await s.send(event, "json", { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_timeout" });
    await s.settle();
    expect(await pinned()).toBe(before + 1);
  });

  it("records one decision from a message shortcut delivered twice", async () => {
    await withCase();
    const shortcut = payloadBody({
      type: "message_action",
      callback_id: "besluit_vastleggen",
      team: { id: "T1" },
      user: { id: "U3", username: "piet" },
      channel: { id: "C1" },
      trigger_id: "t-sc2",
      action_ts: "301.1",
      message: { ts: "301.0", text: "Voor C-1: mentor belt ouders wekelijks" },
    });
    await s.send(shortcut);
    await s.send(shortcut);
    await s.settle();
    const doc = await s.h.store.read("slack-t1-c1");
    expect(doc.decisions.filter((d) => d.text === "Voor C-1: mentor belt ouders wekelijks")).toHaveLength(1);
  });

  it("publishes App Home with my agreements and regie cases", async () => {
    await withCase();
    await s.slash("U3", "regie C-1 neem");
    await s.slash("U3", 'actie C-1 @piet vrijdag "Gesprek plannen"');
    const event = JSON.stringify({
      type: "event_callback",
      team_id: "T1",
      api_app_id: "A1",
      event_id: "Ev2",
      event_time: 2,
      event: { type: "app_home_opened", user: "U3", channel: "D1", tab: "home", event_ts: "2" },
    });
    await s.send(event, "json");
    await s.settle();
    const home = s.api.of("views.publish").at(-1)?.body as { user_id: string; view: unknown };
    expect(home.user_id).toBe("U3");
    expect(allText(home.view)).toContain("uiterlijk 27 nov 2026: Gesprek plannen");
    expect(allText(home.view)).toContain("Casus C-1");
  });

  it("attaches the annual report's chart and CSV as files in the chair's direct messages", async () => {
    const before = s.api.of("files.completeUploadExternal").length;
    const res = await s.slash("U1", "rapport 2026-2027");
    expect(res.status).toBe(200);
    await s.settle();
    const uploads = s.api
      .of("files.getUploadURLExternal")
      .slice(-3)
      .map((c) => c.body.filename);
    expect(uploads).toEqual(["rapport-2026-2027.png", "rapport-2026-2027.svg", "rapport-2026-2027.csv"]);
    expect(s.api.of("files.completeUploadExternal").length).toBe(before + 3);
  });

  it("sends the export as a file to the chair's direct messages, acknowledged before it is made", async () => {
    const uploads = s.api.of("files.getUploadURLExternal").length;
    const res = await s.slash("U1", "export");
    // The acknowledgement carries nothing: it did not wait for the export, which a large table takes seconds for.
    expect([res.status, res.text]).toEqual([200, ""]);
    await s.settle();
    expect(s.api.of("files.getUploadURLExternal")).toHaveLength(uploads + 1);
    expect(s.api.of("files.getUploadURLExternal").at(-1)?.body.filename).toBe("tafel-export.json");
    // The file is the export, whole: its length announced, its bytes the versioned JSON.
    const file = s.api.uploads.at(-1) as Buffer;
    expect(Number(s.api.of("files.getUploadURLExternal").at(-1)?.body.length)).toBe(file.length);
    expect((JSON.parse(file.toString("utf8")) as { schemaVersion: number }).schemaVersion).toBe(6);
    expect(s.api.of("chat.postEphemeral").at(-1)?.body.text).toContain("als bestand");
    // Someone who may not export hears so privately, after the acknowledgement as well.
    expect((await s.slash("U2", "export")).text).toBe("");
    await s.settle();
    expect(s.api.of("chat.postEphemeral").at(-1)?.body).toMatchObject({ user: "U2" });
    expect(s.api.of("files.getUploadURLExternal")).toHaveLength(uploads + 1);
  });
});

describe("Slack: delivery", () => {
  it("does nothing twice for a replayed slash command", async () => {
    const s = await slackTable();
    try {
      const body = (await import("../support/slack.ts")).slashBody(
        "U2",
        "signaal 1234567 ongeoorloofd 3 vrijdag",
      );
      const first = await s.send(body);
      const again = await s.send(body);
      expect(first.json.response_type).toBe("ephemeral");
      expect(again.text).toBe("");
      expect((await s.h.store.read("slack-t1-c1")).cases[0]?.signals).toHaveLength(1);
    } finally {
      await s.stop();
    }
  });

  it("answers another slash command at once, privately, with the command Tafel listens to", async () => {
    const s = await slackTable();
    try {
      const { slashBody } = await import("../support/slack.ts");
      for (const command of ["/tafel2", "/verzuim", "/tafel-oud"]) {
        const res = await s.send(slashBody("U2", "casussen", "C1", undefined, command));
        expect(res.status).toBe(200);
        expect(res.json).toEqual({ response_type: "ephemeral", text: expect.stringContaining("/tafel") });
      }
      // Nothing ran: the words after another command are not Tafel's.
      const calls = s.api.calls.length;
      await s.settle();
      expect(s.api.calls.length).toBe(calls);
    } finally {
      await s.stop();
    }
  });

  it("retries a reminder after a 429 (the WebClient waits out Retry-After) instead of losing it", async () => {
    const { WebClient } = await import("@slack/web-api");
    const { slackNotifier } = await import("../../adapters/slack/notifier.ts");
    let attempts = 0;
    const s = await slackTable();
    const { http, HttpResponse } = await import("msw");
    s.api.server.use(
      http.post("https://slack.com/api/chat.postMessage", () => {
        attempts++;
        return attempts === 1
          ? new HttpResponse(JSON.stringify({ ok: false, error: "ratelimited" }), {
              status: 429,
              headers: { "Retry-After": "1" },
            })
          : HttpResponse.json({ ok: true, ts: "5.0" });
      }),
    );
    try {
      const notifier = slackNotifier(new WebClient("xoxb-test", { retryConfig: { retries: 2 } }), s.h.store);
      await notifier.deliver("slack-t1-c1", {
        kind: "mislukt",
        date: "2026-11-23",
        original: "dag:x",
        recipient: "joost",
      });
      expect(attempts).toBe(2);
    } finally {
      await s.stop();
    }
  });
});
