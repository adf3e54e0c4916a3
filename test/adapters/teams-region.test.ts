import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ANNA, JOOST, message, TENANT, teamsTable } from "../support/teams.ts";

type T = Awaited<ReturnType<typeof teamsTable>>;
const FATIMA = { id: "29:fatima", name: "Fatima" };
const PIET = { id: "29:piet", name: "Piet" };
const DRUTEN = "teams-tenant-1-19-triage-thread-tacv2";
const NIJMEGEN = "teams-tenant-1-19-nijmegen-thread-tacv2";
const inNijmegen = {
  conversation: { id: "19:nijmegen@thread.tacv2", conversationType: "channel", tenantId: TENANT },
};
const personal = (who: { id: string }) => ({
  conversation: { id: `a:chat-${who.id.slice(3)}`, conversationType: "personal", tenantId: TENANT },
});
const mention = (who: { id: string; name: string }) => ({
  entities: [{ type: "mention", text: `<at>${who.name}</at>`, mentioned: who }],
});

/**
 * One region over two Teams channels (issue #30), through JWT-signed activities: the competent officer at the other
 * table is told in her own chat with Tafel, joins with the card's button from that chat, and sees the case; the
 * first table's officer of another office does not.
 */
describe("Teams: a region's routing across channels, joined from the personal chat", () => {
  let t: T;
  beforeEach(async () => {
    t = await teamsTable();
    await t.post(message(ANNA, "setup Triage Druten regio=midden"));
    await t.post(message(ANNA, `lid <at>${JOOST.name}</at> school`, mention(JOOST)));
    await t.post(message(ANNA, `lid <at>${PIET.name}</at> leerplicht "Gemeente Wijchen"`, mention(PIET)));
    await t.post(message(ANNA, "setup Triage Nijmegen regio=midden", inNijmegen));
    await t.post(
      message(ANNA, `lid <at>${FATIMA.name}</at> leerplicht "Bureau Leerplicht Nijmegen"`, {
        ...inNijmegen,
        ...mention(FATIMA),
      }),
    );
    await t.post(message(ANNA, 'regio nieuw "Maas en Waal"'));
    await t.post(
      message(
        ANNA,
        'regio gemeente Druten kantoor="Gemeente Druten" kwalificatie="Bureau Leerplicht Nijmegen"',
      ),
    );
    await t.post(message(ANNA, `regio uitnodigen ${NIJMEGEN}`));
    await t.post(message(ANNA, "regio aansluiten maas-en-waal", inNijmegen));
    // Fatima has spoken with Tafel in her own chat, so it can reach her there.
    await t.post(message(FATIMA, "help", personal(FATIMA)));
  });
  afterEach(() => t.stop());

  it("tells Fatima in her chat, she joins from there, and the case is hers to see", async () => {
    // A pupil number goes by the form; the residence and age band are no personal data, typed in the channel.
    await t.post({
      ...message(JOOST, ""),
      type: "invoke",
      name: "task/submit",
      value: {
        data: {
          tafelForm: "signaal",
          pupil: "1111111",
          kind: "ongeoorloofd",
          amount: "6",
          period: "2026-11-13",
        },
      },
    });
    await t.post(message(JOOST, "leerling C-1 gemeente=Druten leeftijd=16-17"));
    expect(JSON.stringify(t.cloud.sent.slice(-2))).toContain(
      "C-1 is doorgezet naar het bevoegde kantoor elders",
    );
    const [entry] = (await t.h.store.read(NIJMEGEN)).outbox;
    expect(entry?.message).toMatchObject({ kind: "regio", to: FATIMA.id, caseId: "C-1" });
    const before = t.cloud.sent.length;
    await t.teams.notifier.deliver(NIJMEGEN, entry?.message as never);
    const sent = JSON.stringify(t.cloud.sent.slice(before));
    expect(sent).toContain("Casus C-1 aan tafel Triage Druten is voor jouw kantoor");
    expect(sent).not.toMatch(/1111111|L-[0-9A-Z]{6}/);
    expect(sent).toContain(`"run":"regio meedoen ${DRUTEN} C-1"`);
    const joined = await t.post({
      ...message(FATIMA, "", personal(FATIMA)),
      type: "invoke",
      name: "adaptiveCard/action",
      value: {
        action: {
          type: "Action.Execute",
          verb: "tafel",
          data: { run: `regio meedoen ${DRUTEN} C-1`, table: `teams:${TENANT}:19:nijmegen@thread.tacv2` },
        },
      },
    });
    expect(JSON.stringify(joined.json) + JSON.stringify(t.cloud.sent.slice(-2))).toContain(
      "Je doet mee aan C-1 aan tafel Triage Druten.",
    );
    expect((await t.h.store.read(DRUTEN)).members.map((m) => m.id)).toContain(FATIMA.id);
    const card = await t.post(message(FATIMA, "casus C-1"));
    expect(JSON.stringify(card.json) + JSON.stringify(t.cloud.sent.slice(-1))).toContain("Casus C-1");
    const refused = await t.post(message(PIET, "casus C-1"));
    expect(JSON.stringify(refused.json) + JSON.stringify(t.cloud.sent.slice(-1))).toContain(
      "is van een andere gemeente",
    );
  });
});
