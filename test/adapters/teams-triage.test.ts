import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ANNA, JOOST, message, TENANT, teamsTable } from "../support/teams.ts";

type T = Awaited<ReturnType<typeof teamsTable>>;
const PIET = { id: "29:piet", name: "Piet" };
const TABLE = `teams:${TENANT}:19:triage@thread.tacv2`;
const DOC = "teams-tenant-1-19-triage-thread-tacv2";
/** The person's own chat with Tafel, where dialogs and private cards live: what is sent there names the table. */
const personal = (who: { id: string }) => ({
  conversation: { id: `a:chat-${who.id.slice(3)}`, conversationType: "personal", tenantId: TENANT },
});

/**
 * The triage pipeline (issue #29) on Teams, through JWT-signed activities to the running endpoint, from the
 * person's own chat: the signal dialog with what the school did (a multi-select), the protocol's question and its
 * Ja, the investigation's dialog, the triage dialog, and booking a consultation hour.
 */
describe("Teams: from signal to triage through the dialogs, from the personal chat", () => {
  let t: T;
  beforeEach(async () => {
    t = await teamsTable();
    await t.post(message(ANNA, "setup Triage Druten regio=midden"));
    for (const [who, fn] of [
      [JOOST, "school"],
      [PIET, "leerplicht"],
    ] as const)
      await t.post(
        message(ANNA, `lid <at>${who.name}</at> ${fn}`, {
          entities: [{ type: "mention", text: `<at>${who.name}</at>`, mentioned: who }],
        }),
      );
    await t.post(message(ANNA, "beleid protocol.voorwaarden=gesprek-leerling,gesprek-ouders"));
  });
  afterEach(() => t.stop());

  const submit = (who: typeof JOOST, data: Record<string, string>) =>
    t.post({
      ...message(who, "", personal(who)),
      type: "invoke",
      name: "task/submit",
      value: { data: { table: TABLE, ...data } },
    });
  const execute = (who: typeof JOOST, run: string) =>
    t.post({
      ...message(who, "", personal(who)),
      type: "invoke",
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb: "tafel", data: { run, table: TABLE } } },
    });
  const doc = () => t.h.store.read(DOC);

  it("signal with the school's actions, the protocol's question, investigation, triage and a booking", async () => {
    const dialog = await t.post({
      ...message(JOOST, "", personal(JOOST)),
      type: "invoke",
      name: "task/fetch",
      value: { data: { tafelForm: "signaal", table: TABLE } },
    });
    expect(JSON.stringify(dialog.json)).toMatch(/"id":"done"[^}]*"isMultiSelect":true/);
    const before = t.cloud.sent.length;
    await submit(JOOST, {
      tafelForm: "signaal",
      pupil: "7654321",
      kind: "ongeoorloofd",
      amount: "2",
      period: "2026-11-20",
      done: "gesprek-leerling",
      pattern: "bepaalde-lessen",
    });
    // Asked in the person's own chat; its Ja names the pupil by key and the table, never the number.
    const asked = t.cloud.sent.slice(before);
    expect(asked.every((m) => m.conversation.startsWith("a:chat"))).toBe(true);
    expect(JSON.stringify(asked)).toContain("Nog niet gedaan: gesprek met de ouders");
    expect(JSON.stringify(asked)).not.toContain("7654321");
    const yes = /"run":"(signaal L-[0-9A-Z]{6} [^"]*bevestigd=ja)"/.exec(JSON.stringify(asked))?.[1];
    expect(yes).toBeDefined();
    expect((await doc()).cases).toEqual([]);
    await execute(JOOST, yes as string);
    expect((await doc()).cases[0]?.signals[0]).toMatchObject({
      schoolActions: ["gesprek-leerling"],
      pattern: "bepaalde-lessen",
      early: ["gesprek-ouders"],
    });

    await submit(PIET, { tafelForm: "onderzoek", id: "C-1" });
    await submit(PIET, {
      tafelForm: "onderzoek",
      id: "C-1",
      causes: "motivatie,schoolklimaat",
      severity: "midden",
      risk: "laag",
      next: "spreekuur",
    });
    expect((await doc()).cases[0]?.investigations[0]?.finding).toMatchObject({
      causes: ["motivatie", "schoolklimaat"],
      severity: "midden",
    });
    await submit(PIET, {
      tafelForm: "triage",
      id: "C-1",
      route: "spreekuur",
      role: "mede-regie",
      next: "@piet",
    });
    expect((await doc()).decisions.map((d) => [d.route, d.role, d.next])).toEqual([
      ["spreekuur", "mede-regie", "29:piet"],
    ]);

    await t.post(message(PIET, "spreekuur 25-11 13:00 plaats=Stadskantoor capaciteit=1"));
    await submit(PIET, { tafelForm: "spreekuur-boeken", id: "C-1" });
    expect((await doc()).slots[0]?.bookings.map((b) => b.caseId)).toEqual(["C-1"]);
    await submit(PIET, { tafelForm: "spreekuur-boeken", id: "C-1", result: "gezien", next: "school" });
    expect((await doc()).slots[0]?.bookings[0]?.outcome).toMatchObject({ result: "gezien", next: "school" });
  });
});
