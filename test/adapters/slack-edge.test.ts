import { afterEach, describe, expect, it } from "vitest";
import { payloadBody, sign, slackTable, slashBody } from "../support/slack.ts";

type T = Awaited<ReturnType<typeof slackTable>>;
let s: T | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

describe("Slack: the edge of the receiver", () => {
  it("refuses a correctly signed request whose timestamp lies more than 5 minutes ahead", async () => {
    s = await slackTable();
    const body = slashBody("U2", "signaal 2345678 ongeoorloofd 2 vrijdag");
    const ahead = Math.floor(Date.now() / 1000) + 6 * 60;
    const out = await s.send(body, "form", sign(body, ahead));
    expect(out.status).toBe(401);
    expect((await s.h.store.read("slack-t1-c1")).cases).toEqual([]);
    const near = Math.floor(Date.now() / 1000) + 60;
    const body2 = slashBody("U2", "signaal 2345678 ongeoorloofd 2 vrijdag");
    expect((await s.send(body2, "form", sign(body2, near))).status).toBe(200);
    expect((await s.h.store.read("slack-t1-c1")).cases).toHaveLength(1);
  });

  it("serves no other workspace than the bot token's, however well signed", async () => {
    s = await slackTable();
    const foreign = slashBody("U9", "setup Vreemd regio=midden", "C9").replace("team_id=T1", "team_id=T9");
    await s.send(foreign);
    expect(await s.h.store.tableFor("slack:T9:C9")).toBeNull();
    expect((await s.h.store.tables()).map((t) => t.conversation)).toEqual(["slack:T1:C1"]);
  });

  it("answers a load balancer on /healthz and /readyz", async () => {
    s = await slackTable();
    const base = s.url.replace("/slack/events", "");
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  it("serves the privacy statement and terms the Teams manifest links to", async () => {
    s = await slackTable();
    const base = s.url.replace("/slack/events", "");
    expect(await (await fetch(`${base}/privacy`)).text()).toContain("Privacyverklaring Tafel");
    expect(await (await fetch(`${base}/voorwaarden`)).text()).toContain("Gebruiksvoorwaarden Tafel");
  });
});

describe("Slack: what Tafel no longer knows", () => {
  it("acknowledges an old button, an unknown form and an undeclared shortcut at once, and says the card is out of date", async () => {
    s = await slackTable();
    const old = payloadBody({
      type: "block_actions",
      team: { id: "T1" },
      user: { id: "U2", username: "joost" },
      channel: { id: "C1" },
      trigger_id: "t-old",
      actions: [{ type: "button", action_id: "knop_van_vroeger", value: "x", action_ts: "9.1" }],
    });
    expect((await s.send(old)).status).toBe(200);
    const view = payloadBody({
      type: "view_submission",
      team: { id: "T1" },
      user: { id: "U2", name: "joost" },
      view: {
        id: "V-old",
        hash: "h",
        callback_id: "oud_formulier",
        private_metadata: "",
        state: { values: {} },
      },
    });
    expect((await s.send(view)).status).toBe(200);
    const shortcut = payloadBody({
      type: "shortcut",
      callback_id: "onbekend",
      team: { id: "T1" },
      user: { id: "U2", username: "joost" },
      trigger_id: "t-sc",
      action_ts: "9.2",
    });
    expect((await s.send(shortcut)).status).toBe(200);
    await s.settle();
    expect(s.api.of("chat.postEphemeral").at(-1)?.body).toMatchObject({
      user: "U2",
      text: expect.stringContaining("verouderd"),
    });
  });
});
