import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ANNA, botToken, CLIENT_ID, JOOST, message, otherKey, teamsTable } from "../support/teams.ts";

type T = Awaited<ReturnType<typeof teamsTable>>;
const cardText = (x: unknown) => JSON.stringify(x);

/**
 * Every test has its own running endpoint and cloud, so each runs alone and in any order: `withTable` sets up
 * the channel's table with Joost as a member, `withCase` adds a case (C-1) raised from the form.
 */
describe("Teams: activities with a test-signed JWT to the running endpoint", () => {
  let t: T;
  beforeEach(async () => {
    t = await teamsTable();
  });
  afterEach(() => t.stop());

  const lid = () =>
    message(ANNA, "lid <at>Joost</at> school", {
      entities: [
        { type: "mention", text: "<at>Tafel</at>", mentioned: { id: `28:${CLIENT_ID}`, name: "Tafel" } },
        { type: "mention", text: "<at>Joost</at>", mentioned: JOOST },
      ],
    });
  const withTable = async () => {
    await t.post(message(ANNA, "setup Triage Druten regio=midden"));
    await t.post(lid());
  };
  const withCase = async () => {
    await withTable();
    await t.post({
      ...message(JOOST, ""),
      type: "invoke",
      name: "task/submit",
      value: {
        data: {
          tafelForm: "signaal",
          pupil: "2345678",
          kind: "ongeoorloofd",
          amount: "2",
          period: "2026-11-20",
        },
      },
    });
  };

  it("sets up a table in a channel and adds a mentioned member", async () => {
    expect((await t.post(message(ANNA, "setup Triage Druten regio=midden"))).status).toBe(200);
    expect((await t.post(lid())).status).toBe(200);
    const doc = await t.h.store.read("teams-tenant-1-19-triage-thread-tacv2");
    expect(doc.members.map((m) => [m.id, m.handle])).toEqual([
      ["29:anna", "anna"],
      ["29:joost", "joost"],
    ]);
    expect(cardText(t.cloud.sent.at(-1))).toContain("@joost is lid met de rol zorgcoördinator");
  });

  it("refuses a pupil number typed in a channel and offers the form in the person's own chat", async () => {
    await withTable();
    const before = t.cloud.sent.length;
    await t.post(message(JOOST, "signaal 1234567 ongeoorloofd 3 vrijdag"));
    const sent = t.cloud.sent.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.conversation).toMatch(/^a:chat-/);
    expect(cardText(sent[0])).toContain("ziet iedereen");
    expect(cardText(sent[0])).toContain("task/fetch");
    expect((await t.h.store.read("teams-tenant-1-19-triage-thread-tacv2")).cases).toHaveLength(0);
  });

  it("raises a signal from the form: the card to the person's own chat, the table post to the channel", async () => {
    await withTable();
    const before = t.cloud.sent.length;
    const submit = {
      tafelForm: "signaal",
      pupil: "1234567",
      kind: "ongeoorloofd",
      amount: "3",
      period: "2026-11-20",
    };
    const res = await t.post({
      ...message(JOOST, ""),
      type: "invoke",
      name: "task/submit",
      value: { data: submit },
    });
    expect(res.json.task).toEqual({ type: "message", value: "Opgeslagen." });
    const sent = t.cloud.sent.slice(before);
    expect(t.cloud.created.at(-1)).toMatchObject({ isGroup: false, members: [{ id: "29:joost" }] });
    const card = sent.find((s) => s.conversation.startsWith("a:chat"));
    expect(card?.body.attachments).toEqual([
      expect.objectContaining({ contentType: "application/vnd.microsoft.card.adaptive" }),
    ]);
    expect(cardText(card)).toMatch(/Casus C-1 · L-[0-9A-Z]{6}/);
    expect(cardText(sent)).not.toContain("1234567");
    expect(sent.find((s) => s.conversation === "19:triage@thread.tacv2")?.body.text).toContain(
      "Nieuw signaal bij C-1",
    );
  });

  it("finds a pupil by number only privately: refused in the channel, answered in the person's own chat", async () => {
    await withCase();
    const before = t.cloud.sent.length;
    await t.post(message(JOOST, "zoek 2345678"));
    const refused = t.cloud.sent.slice(before);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.conversation).toMatch(/^a:chat-/);
    expect(JSON.stringify(refused[0]?.body)).toContain('"tafelForm":"zoek"');
    const res = await t.post({
      ...message(JOOST, ""),
      type: "invoke",
      name: "task/submit",
      value: { data: { tafelForm: "zoek", pupil: "2345678" } },
    });
    expect(res.json.task).toEqual({ type: "message", value: "Het antwoord staat in je chat met Tafel." });
    const answered = t.cloud.sent.slice(before + 1);
    expect(answered.every((s) => s.conversation.startsWith("a:chat"))).toBe(true);
    expect(cardText(answered)).toContain("Deze leerling heeft casus C-1 aan deze tafel.");
    expect(cardText([...refused, ...answered])).not.toContain("2345678");
  });

  it("never lets user text mention anyone: no mention entities go out, and link syntax is escaped", async () => {
    await withCase();
    const before = t.cloud.sent.length;
    await t.post(message(JOOST, 'besluit C-1 "<at>Anna</at> [klik](https://evil.example)"'));
    await t.post(message(JOOST, "casus C-1"));
    const out = t.cloud.sent.slice(before);
    expect(cardText(out)).not.toContain('"mention"');
    expect(cardText(out)).toContain("\\\\[klik\\\\]");
  });

  it("shows the annual report's chart in the card", async () => {
    await withCase();
    const before = t.cloud.sent.length;
    await t.post(message(ANNA, "rapport 2026-2027"));
    const card = t.cloud.sent.slice(before).find((x) => x.conversation.startsWith("a:chat"));
    expect(cardText(card)).toContain('"type":"Image","url":"data:image/png;base64,');
  });

  it("keeps a busy table's chart in the report card: a smaller preview, never the card's cut", async () => {
    await withTable();
    // Sixty cases, written as the console would: Joost (29:joost) is the table's member in Teams.
    const table = "teams:tenant-1:19:triage@thread.tacv2";
    for (let i = 0; i < 60; i++)
      await t.h.say(JOOST.id, `signaal ${3000000 + i * 11} ongeoorloofd ${1 + (i % 5)} 20-11`, table);
    const before = t.cloud.sent.length;
    await t.post(message(ANNA, "rapport 2026-2027"));
    const card = t.cloud.sent.slice(before).find((x) => x.conversation.startsWith("a:chat"));
    expect(cardText(card)).toContain('"type":"Image","url":"data:image/png;base64,');
    expect(cardText(card)).toContain("Staafdiagram");
    expect(cardText(card)).not.toContain("Afgekapt");
    expect(cardText(card).length).toBeLessThan(28_000);
  });

  it("refuses a forged token and a request without one with 401", async () => {
    await withCase();
    expect((await t.post(message(ANNA, "setup X"), botToken({}, otherKey))).status).toBe(401);
    expect((await t.post(message(ANNA, "setup X"), null)).status).toBe(401);
    expect((await t.post(message(ANNA, "setup X"), botToken({ aud: "someone-else" }))).status).toBe(401);
  });

  it("refuses a non-member privately and ignores a repeated activity", async () => {
    await withCase();
    const before = t.cloud.sent.length;
    const m = message({ id: "29:kees", name: "Kees" }, "casussen");
    await t.post(m);
    await t.post(m);
    const sent = t.cloud.sent.slice(before);
    expect(sent).toHaveLength(1);
    expect(cardText(sent[0])).toContain("Je bent geen lid van deze tafel");
  });

  it("runs a card button with Action.Execute and answers with the updated card", async () => {
    await withCase();
    const res = await t.post({
      ...message(JOOST, ""),
      type: "invoke",
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb: "tafel", data: { run: "regie C-1 neem" } } },
    });
    expect(res.status).toBe(200);
    expect(cardText(res.json)).toContain("De regie over C-1 ligt nu bij @joost");
  });

  it("runs a card button Teams delivers twice once, and says so the second time", async () => {
    await withCase();
    await t.post(message(JOOST, "regie C-1 neem"));
    const click = {
      ...message(JOOST, ""),
      id: "invoke-regie-los",
      type: "invoke",
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb: "tafel", data: { run: "regie C-1 los" } } },
    };
    expect(cardText((await t.post(click)).json)).toContain("C-1");
    const again = await t.post(click);
    expect(again.status).toBe(200);
    expect(cardText(again.json)).toContain("Dit is al verwerkt.");
    const doc = await t.h.store.read("teams-tenant-1-19-triage-thread-tacv2");
    expect(doc.cases[0]?.regieHistory.filter((r) => r.holder === null)).toHaveLength(1);
  });

  it("retries a proactive send that meets a 429, and succeeds", async () => {
    await withCase();
    t.cloud.failWith(429);
    const before = t.cloud.sent.length;
    await t.teams.notifier.deliver("teams-tenant-1-19-triage-thread-tacv2", {
      kind: "mislukt",
      date: "2026-11-23",
      original: "dag:x",
      recipient: "joost",
    });
    expect(t.cloud.sent.slice(before)).toHaveLength(1);
    // Sent where the table's conversation was last seen, not to the SDK's default service URL.
    expect(t.cloud.sent.at(-1)?.region).toBe("emea");
  });

  it("remembers a person's chat with the bot instead of creating it again", async () => {
    await withCase();
    const chats = t.cloud.created.length;
    await t.post(message(JOOST, "mijn"));
    await t.post(message(JOOST, "casus C-1"));
    expect(t.cloud.created.length).toBe(chats);
    const doc = await t.h.store.read("teams-tenant-1-19-triage-thread-tacv2");
    expect(doc.platform).toMatchObject({
      serviceUrl: "https://smba.trafficmanager.net/emea/",
      "chat:29:joost": expect.stringMatching(/^a:chat-/),
    });
  });

  const invoke = (name: string, value: unknown) =>
    t.post({ ...message(JOOST, ""), type: "invoke", name, value });

  it("offers a form for a command typed without arguments, opens it as a dialog, and shows errors in it", async () => {
    await withCase();
    await t.post(message(JOOST, "besluit"));
    expect(cardText(t.cloud.sent.at(-1))).toContain("task/fetch");
    const open = await invoke("task/fetch", { data: { tafelForm: "besluit", prefill: { id: "C-1" } } });
    expect(open.json.task.type).toBe("continue");
    expect(cardText(open.json.task.value.card.content)).toContain(
      '"id":"id","label":"Casus","isRequired":true,"value":"C-1"',
    );
    const wrong = await invoke("task/submit", {
      data: { tafelForm: "besluit", id: "C-1", text: "Bel 0612345678" },
    });
    expect(wrong.json.task.type).toBe("continue");
    expect(cardText(wrong.json)).toContain("een telefoonnummer");
    const ok = await invoke("task/submit", {
      data: { tafelForm: "besluit", id: "C-1", text: "Gesprek met ouders" },
    });
    expect(ok.json.task).toEqual({ type: "message", value: "Opgeslagen." });
    const doc = await t.h.store.read("teams-tenant-1-19-triage-thread-tacv2");
    expect(doc.decisions.at(-1)?.text).toBe("Gesprek met ouders");
  });

  it("records a message as a decision from the message action", async () => {
    await withCase();
    const res = await invoke("composeExtension/submitAction", {
      commandId: "besluitVastleggen",
      data: { id: "C-1" },
      messagePayload: { body: { content: "<p>School start een <b>aanwezigheidsplan</b></p>" } },
    });
    expect(res.json.task.type).toBe("continue");
    expect(JSON.stringify(res.json.task.value.card.content)).toMatch(/Besluit B-\d+ vastgelegd bij C-1/);
    const doc = await t.h.store.read("teams-tenant-1-19-triage-thread-tacv2");
    expect(doc.decisions.at(-1)?.text).toBe("School start een aanwezigheidsplan");
  });

  it("decodes the message's HTML entities before recording it", async () => {
    await withCase();
    await invoke("composeExtension/submitAction", {
      commandId: "besluitVastleggen",
      data: { id: "C-1" },
      messagePayload: {
        body: { content: "<p>Ouders &amp; school: &quot;samen&quot; &eacute;&eacute;n plan&#39;</p>" },
      },
    });
    const doc = await t.h.store.read("teams-tenant-1-19-triage-thread-tacv2");
    expect(doc.decisions.at(-1)?.text).toBe(`Ouders & school: "samen" één plan'`);
  });
});
