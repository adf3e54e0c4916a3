import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { ANNA, botToken, entraToken, JOOST, message, TENANT, teamsTable, testJwk } from "../support/teams.ts";

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

  it("lets no other app of the tenant act as a member with an Entra token for the bot's audience", async () => {
    t = await teamsTable();
    const res = await t.post(message(ANNA, "setup Triage regio=midden"), entraToken("other-app-in-tenant"));
    expect(res.status).toBe(401);
    expect(await t.h.store.tables()).toEqual([]);
    expect(t.cloud.sent).toEqual([]);
    // From another tenant, even an allowed id is refused.
    await t.stop();
    t = await teamsTable({ allowedCallers: ["trusted-app"] });
    const foreign = entraToken("trusted-app", {
      tid: "tenant-2",
      iss: "https://login.microsoftonline.com/tenant-2/v2.0",
    });
    expect((await t.post(message(ANNA, "setup Triage regio=midden"), foreign)).status).toBe(401);
    expect(await t.h.store.tables()).toEqual([]);
  });

  it("accepts an Entra caller only when its app id is on TEAMS_ALLOWED_CALLERS", async () => {
    t = await teamsTable({ allowedCallers: ["trusted-app"] });
    const res = await t.post(message(ANNA, "setup Triage regio=midden"), entraToken("trusted-app"));
    expect(res.status).toBe(200);
    expect((await t.h.store.tables()).length).toBe(1);
    expect(loadConfig({ TEAMS_ALLOWED_CALLERS: " a-1, b-2 ," }).TEAMS_ALLOWED_CALLERS).toEqual([
      "a-1",
      "b-2",
    ]);
    expect(loadConfig({}).TEAMS_ALLOWED_CALLERS).toEqual([]);
  });

  it("refuses a connector token whose key is not endorsed for Teams, and an activity of another channel", async () => {
    t = await teamsTable();
    t.cloud.server.use(
      http.get("https://login.botframework.com/v1/.well-known/keys", () =>
        HttpResponse.json({ keys: [{ ...testJwk(), endorsements: ["webchat"] }] }),
      ),
    );
    expect((await t.post(message(ANNA, "setup Triage regio=midden"))).status).toBe(401);
    expect(await t.h.store.tables()).toEqual([]);
    await t.stop();
    t = await teamsTable();
    await t.post(message(ANNA, "setup Triage regio=midden", { channelId: "webchat" }));
    expect(await t.h.store.tables()).toEqual([]);
    await t.post(message(ANNA, "setup Triage regio=midden"));
    expect((await t.h.store.tables()).length).toBe(1);
  });

  it("refuses to start when the SDK's unauthenticated switch is in the environment", () => {
    expect(() => loadConfig({ DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: "false" })).toThrow(
      /never serves unauthenticated requests/,
    );
    expect(loadConfig({}).TEAMS_SERVICE_URL_HOSTS).toContain("smba.trafficmanager.net");
  });
});

describe("Teams: the pages the manifest links to", () => {
  it("serves /privacy and /voorwaarden beside the bot endpoint", async () => {
    t = await teamsTable();
    const base = t.url.replace("/api/messages", "");
    // A fresh connection each, as the test client does: a kept-alive socket breaks the next test's first request.
    const get = (path: string) => fetch(`${base}${path}`, { headers: { connection: "close" } });
    expect(await (await get("/privacy")).text()).toContain("Privacyverklaring Tafel");
    expect((await get("/voorwaarden")).status).toBe(200);
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

describe("Teams: buttons and dialogs on a card in the person's own chat", () => {
  const personal = {
    conversation: { id: "a:chat-joost", conversationType: "personal", tenantId: TENANT },
  };
  const TABLE = `teams:${TENANT}:19:triage@thread.tacv2`;

  it("ask a destructive step with Ja / Nee there, and Ja from there carries it out", async () => {
    t = await teamsTable();
    await t.post(message(ANNA, "setup Triage regio=midden"));
    await t.post(message(ANNA, 'consult "Groep 7"'));
    await t.post(message(ANNA, "sluit C-1 verhuisd"));
    const card = t.cloud.sent.findLast((m) => m.conversation.startsWith("a:"));
    const json = JSON.stringify(card?.body.attachments);
    expect(json).toContain("Je sluit casus C-1");
    expect(json).toContain(`"run":"sluit C-1 verhuisd bevestigd=ja","table":"${TABLE}"`);
    expect(json).toContain(`"run":"nee","table":"${TABLE}"`);
    const store = t.h.store;
    const doc = () => store.read("teams-tenant-1-19-triage-thread-tacv2");
    expect((await doc()).cases[0]?.status).toBe("open");
    const click = await t.post({
      ...message(ANNA, "", {
        conversation: { id: card?.conversation, conversationType: "personal", tenantId: TENANT },
      }),
      type: "invoke",
      name: "adaptiveCard/action",
      value: {
        action: {
          type: "Action.Execute",
          verb: "tafel",
          data: { run: "sluit C-1 verhuisd bevestigd=ja", table: TABLE },
        },
      },
    });
    expect(JSON.stringify(click.json)).toContain("Casus C-1 is gesloten");
    expect((await doc()).cases[0]?.status).toBe("closed");
  });

  it("act on the table the card names, for its members only", async () => {
    t = await teamsTable();
    await t.post(message(ANNA, "setup Triage regio=midden"));
    await t.post(
      message(ANNA, "lid <at>Joost</at> school", {
        entities: [{ type: "mention", text: "<at>Joost</at>", mentioned: JOOST }],
      }),
    );
    const submit = await t.post({
      ...message(JOOST, "", personal),
      type: "invoke",
      name: "task/submit",
      value: {
        data: {
          tafelForm: "signaal",
          table: TABLE,
          pupil: "2345678",
          kind: "ongeoorloofd",
          amount: "2",
          period: "20-11",
        },
      },
    });
    expect(submit.status).toBe(200);
    expect(JSON.stringify(submit.json)).not.toContain("nog geen tafel");
    const doc = await t.h.store.read("teams-tenant-1-19-triage-thread-tacv2");
    expect(doc.cases).toHaveLength(1);
    // The case card went to the person's own chat, its buttons naming the table.
    const card = t.cloud.sent.findLast((m) => m.conversation === "a:chat-joost");
    expect(JSON.stringify(card?.body.attachments)).toContain(`"table":"${TABLE}"`);

    const click = await t.post({
      ...message(JOOST, "", personal),
      type: "invoke",
      name: "adaptiveCard/action",
      value: {
        action: { type: "Action.Execute", verb: "tafel", data: { run: "regie C-1 neem", table: TABLE } },
      },
    });
    expect(JSON.stringify(click.json)).toContain("De regie over C-1 ligt nu bij @joost");

    const stranger = await t.post({
      ...message({ id: "29:kees", name: "Kees" }, "", personal),
      type: "invoke",
      name: "adaptiveCard/action",
      value: {
        action: { type: "Action.Execute", verb: "tafel", data: { run: "regie C-1 los", table: TABLE } },
      },
    });
    expect(JSON.stringify(stranger.json)).toContain("geen lid");
    expect((await t.h.store.read("teams-tenant-1-19-triage-thread-tacv2")).cases[0]?.regie?.holder).toBe(
      "29:joost",
    );
  });
});
