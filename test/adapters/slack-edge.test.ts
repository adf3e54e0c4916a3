import { afterEach, describe, expect, it } from "vitest";
import { sign, slackTable, slashBody } from "../support/slack.ts";

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
});
