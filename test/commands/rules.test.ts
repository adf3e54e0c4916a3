import { describe, expect, it } from "vitest";
import { tableWithMembers, text } from "../support/harness.ts";

const crossing = async () => {
  const h = await tableWithMembers({ at: "2026-11-06T14:00:00Z" });
  for (const day of ["6-10", "13-10", "27-10"]) await h.say("joost", `signaal 1234567 ongeoorloofd 4 ${day}`);
  return h;
};

describe("threshold and tier where users see them", () => {
  it("announces the crossing once to the table and tells every school member that DUO must be told", async () => {
    const h = await crossing();
    await h.say("anna", "lid @marloes school");
    const out = await h.say("piet", "signaal 1234567 ongeoorloofd 4 3-11");
    expect(text(out)).toContain("Meldplichtig: 16 uur ongeoorloofd in lesweken 41–45 (5 okt t/m 6 nov 2026)");
    expect(out.posts.map((p) => p.to)).toEqual([
      { kind: "table", tableId: "console" },
      { kind: "table", tableId: "console" },
      { kind: "member", tableId: "console", id: "joost", handle: "joost" },
      { kind: "member", tableId: "console", id: "marloes", handle: "marloes" },
    ]);
    expect(out.posts[1]?.text).toContain("Tafel doet de DUO-melding niet");
    const again = await h.say("piet", "signaal 1234567 ongeoorloofd 1 4-11");
    expect(again.posts).toHaveLength(1);
  });

  it("lists status and tier with the case", async () => {
    const h = await crossing();
    await h.say("joost", "signaal 1234567 ongeoorloofd 4 3-11");
    expect(text(await h.say("piet", "casussen"))).toContain("· meldplichtig · laag 2");
  });

  it("exports threshold, triggers and tier on each case", async () => {
    const h = await crossing();
    await h.say("joost", "signaal 1234567 ongeoorloofd 4 3-11");
    await h.say("anna", "beleid te-laat.aantal=1");
    await h.say("joost", "signaal 1234567 te-laat 1 5-11");
    const block = (await h.say("anna", "export")).reply.blocks[0];
    const json = JSON.parse(block?.type === "code" ? block.text : "{}");
    expect(json.cases[0]).toMatchObject({
      threshold: {
        status: "meldplichtig",
        hours: 16,
        window: { from: "2026-10-05", to: "2026-11-06" },
        ruleId: "wet.meldplicht-16u",
      },
      triggers: [{ ruleId: "protocol.te-laat", explanation: expect.stringContaining("1× te laat") }],
      tier: { level: 2, severe: false, attendance: expect.any(Number) },
    });
  });

  it("withdraws a wrong signal: raiser, regie holder or chair only, audited, and re-evaluated", async () => {
    const h = await crossing();
    await h.say("joost", "signaal 1234567 ongeoorloofd 4 3-11");
    expect(text(await h.say("piet", "signaal-intrekken S-4"))).toContain("gemeld door @joost");
    const out = await h.say("joost", "signaal-intrekken S-4 bevestigd=ja");
    expect(text(out)).toContain("Signaal S-4 is ingetrokken bij casus C-1");
    expect(text(out)).toContain("Nadert meldgrens: 12 uur");
    expect(text(await h.say("joost", "signaal-intrekken S-4"))).toContain("al ingetrokken");
    expect(text(await h.say("anna", "audit C-1"))).toContain("@joost signaal.ingetrokken S-4");
  });

  it("lets only the chair change the policy, and re-evaluates every case after answering", async () => {
    const h = await tableWithMembers({ at: "2026-11-06T14:00:00Z" });
    await h.say("joost", "signaal 1234567 te-laat 2 2-11..4-11 grondslag=toestemming-ouders");
    expect(text(await h.say("joost", "beleid te-laat.aantal=2"))).toContain(
      "Dit mag alleen met de rol voorzitter",
    );
    expect(text(await h.say("anna", "beleid te-laat.aantal=twee"))).toContain("te-laat.aantal klopt niet");
    expect(text(await h.say("anna", "beleid kleur=rood"))).toContain("Onbekende optie 'kleur='");
    const changed = await h.say("anna", "beleid te-laat.aantal=2 te-laat.weken=3");
    expect(text(changed)).toContain("Beleid aangepast: te-laat.aantal=2 te-laat.weken=3");
    expect(h.notified).toEqual([]);
    await h.background.idle();
    expect(h.notified.map((p) => p.text)).toEqual([
      expect.stringContaining("Let op, casus C-1: Te laat (lokaal protocol): 2× te laat in 3 lesweken"),
    ]);
    const shown = text(await h.say("joost", "beleid"));
    expect(shown).toContain("te-laat.aantal = 2 (eigen)");
    expect(shown).toContain("ziek.aantal = uit (standaard)");
  });

  it("lets the chair add holidays and days off, which the rules then skip", async () => {
    const h = await tableWithMembers({ at: "2026-11-27T14:00:00Z" });
    for (const day of ["2-11", "9-11", "16-11"])
      await h.say("joost", `signaal 1234567 ongeoorloofd 4 ${day}`);
    await h.say("joost", "signaal 1234567 ongeoorloofd 4 26-10");
    expect(text(await h.say("piet", "casus C-1"))).toContain("Meldplichtig: 16 uur");
    expect(text(await h.say("joost", "vakantie 2-11..6-11"))).toContain("alleen met de rol voorzitter");
    expect(text(await h.say("anna", 'vakantie 2-11..6-11 "Studieweek"'))).toContain(
      "Vakantie 'Studieweek' van 2 nov 2026 t/m 6 nov 2026",
    );
    const card = text(await h.say("piet", "casus C-1"));
    expect(card).toContain("Nadert meldgrens: 12 uur");
    expect(card).toContain("Niet meegeteld, want gedateerd in een vakantieweek: S-1");
    expect(text(await h.say("anna", "vrije-dag 18-12"))).toContain("18 dec 2026 is een vrije dag");
    expect(text(await h.say("anna", "vrije-dag 18-12"))).toContain("staat al als vrije dag");
    expect(text(await h.say("anna", "beleid"))).toContain("Studieweek: 2 nov 2026 – 6 nov 2026");
  });

  it("records a newcomer's enrolment and warns when the table has no grace period", async () => {
    const h = await tableWithMembers({ at: "2026-11-27T14:00:00Z" });
    await h.say("joost", "signaal 2468024 ongeoorloofd 2 26-11 type=po");
    expect(text(await h.say("joost", "nieuwkomer C-1 16-11-2026"))).toContain("nieuwkomer.weken staat op 0");
    await h.say("anna", "beleid nieuwkomer.weken=6");
    const card = text(await h.say("joost", "casus C-1"));
    expect(card).toContain(
      "Nieuwkomer (lokaal protocol): tot en met 8 jan 2027 houdt de tafel haar eigen protocolmeldingen achter",
    );
    expect(card).toContain("De wettelijke meldplicht hierboven geldt gewoon.");
    expect(card).toContain("lesuren (PO)");
    expect(text(await h.say("joost", "nieuwkomer C-1 1-12-2026"))).toContain("in de toekomst");
  });
});
