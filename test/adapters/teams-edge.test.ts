import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { ANNA, botToken, message, TENANT, teamsTable } from "../support/teams.ts";

type T = Awaited<ReturnType<typeof teamsTable>>;
let t: T | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

describe("Teams: who Tafel answers", () => {
  it("neither uses nor stores a service URL off Microsoft's hosts, even under a token that names it", async () => {
    t = await teamsTable();
    const evil = "https://evil.example/";
    const out = await t.post(
      message(ANNA, "setup Triage regio=midden", { serviceUrl: evil }),
      botToken({ serviceurl: evil }),
    );
    expect(out.status).toBeLessThan(500);
    expect(await t.h.store.tables()).toEqual([]);
    expect(t.cloud.sent).toEqual([]);
  });

  it("serves no other tenant than TEAMS_TENANT_ID", async () => {
    t = await teamsTable();
    const foreign = message(ANNA, "setup Vreemd regio=midden", {
      conversation: { id: "19:ander@thread.tacv2", conversationType: "channel", tenantId: "tenant-2" },
      channelData: { tenant: { id: "tenant-2" } },
    });
    await t.post(foreign);
    expect(await t.h.store.tables()).toEqual([]);
    await t.post(message(ANNA, "setup Triage regio=midden"));
    expect((await t.h.store.tables()).map((x) => x.conversation)).toEqual([
      `teams:${TENANT}:19:triage@thread.tacv2`,
    ]);
  });

  it("refuses to start when the SDK's unauthenticated switch is in the environment", () => {
    expect(() => loadConfig({ DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: "false" })).toThrow(
      /never serves unauthenticated requests/,
    );
    expect(loadConfig({}).TEAMS_SERVICE_URL_HOSTS).toContain("smba.trafficmanager.net");
  });
});

describe("Teams: user text on a card", () => {
  it("is shown literally in titles, facts, lists and text: no link, emphasis or list from it", async () => {
    t = await teamsTable();
    await t.post(message(ANNA, 'setup "Triage [x](https://evil.example)" regio=midden'));
    await t.post(message(ANNA, 'consult "*Goedgekeurd* door [de gemeente](https://evil.example)"'));
    await t.post(message(ANNA, "casus C-1"));
    // The cards, which render markdown; the activity's own text is sent as plain text.
    const cards = JSON.stringify(t.cloud.sent.map((m) => m.body.attachments));
    expect(cards).not.toMatch(/[^\\]\[x\]\(https/);
    expect(cards).not.toMatch(/[^\\]\*Goedgekeurd/);
    expect(cards).toContain("\\\\[de gemeente\\\\]\\\\(https://evil.example\\\\)");
  });
});
