import { describe, expect, it } from "vitest";
import { tableWithMembers, text } from "../support/harness.ts";

/** What the law and the sources say, through the commands a table types (issue: the law right). */
describe("the law at the table", () => {
  it.each([
    [
      "a Saturday",
      "signaal 2345678 ongeoorloofd 4 21-11",
      /za 21 nov 2026 is er geen school \(weekend\).*vr 20 nov 2026/,
    ],
    ["a Saturday by name", "signaal 2345678 ongeoorloofd 4 zaterdag", /geen school \(weekend\)/],
    [
      "the autumn holiday",
      "signaal 2345678 ongeoorloofd 3 21-10",
      /geen school \(herfstvakantie\).*vr 16 okt 2026/,
    ],
    ["a period wholly in a holiday", "signaal 2345678 ongeoorloofd 3 19-10..23-10", /geen schooldag/],
    ["a free day of the table", "signaal 2345678 te-laat 1 18-11", /een vrije dag van de tafel/],
    ["a sick report on a Sunday", "signaal 2345678 ziek 2 22-11 grondslag=toestemming-ouders", /weekend/],
    ["before the previous school year", "signaal 2345678 ongeoorloofd 2 3-3-2025", /vóór ma 1 sep 2025/],
  ])("refuses hours on %s, with the reason", async (_, line, message) => {
    const h = await tableWithMembers();
    await h.say("anna", "vrije-dag 18-11");
    const out = await h.say("joost", line);
    expect(out.reply.error).toBeDefined();
    expect(text(out)).toMatch(message);
    expect((await h.store.read("console")).cases).toEqual([]);
  });

  it("refuses more hours on one day than a day holds, across reports by different partners", async () => {
    const h = await tableWithMembers();
    await h.say("anna", "lid @sanne jgz");
    expect(text(await h.say("joost", "signaal 2345678 ongeoorloofd 6,5 vrijdag"))).toContain("Signaal S-1");
    const out = await h.say("piet", "signaal 2345678 ongeoorloofd 6,5 20-11");
    expect(text(out)).toMatch(/Op vr 20 nov 2026 staat al 6,5 uur verzuim.*boven 8 uur/);
    expect((await h.store.read("console")).cases[0]?.signals).toHaveLength(1);
  });

  it("tells leerplicht privately, once, when a case nears the threshold", async () => {
    const h = await tableWithMembers();
    const nadert = (o: { posts: readonly { to: { kind: string; handle?: string }; text: string }[] }) =>
      o.posts.filter((p) => p.text.includes("nadert de meldgrens"));
    expect(nadert(await h.say("joost", "signaal 2345678 ongeoorloofd 6 16-11"))).toEqual([]);
    const first = nadert(await h.say("joost", "signaal 2345678 ongeoorloofd 6 17-11"));
    expect(first.map((p) => [p.to.kind, p.to.handle])).toEqual([["member", "piet"]]);
    expect(first[0]?.text).toContain("12 uur ongeoorloofd");
    expect(nadert(await h.say("joost", "signaal 2345678 ongeoorloofd 1 18-11"))).toEqual([]);
  });

  it("does not let a Saturday's hours make a pupil meldplichtig", async () => {
    const h = await tableWithMembers();
    for (const day of ["16-11", "17-11", "18-11"])
      await h.say("joost", `signaal 2345678 ongeoorloofd 4 ${day}`);
    expect(text(await h.say("joost", "signaal 2345678 ongeoorloofd 4 21-11"))).toMatch(/geen school/);
    expect(text(await h.say("piet", "casus C-1"))).toMatch(/Nadert meldgrens: 12 uur/);
  });

  it("shows sick hours to school and JGZ only, unless the case rests on consent", async () => {
    const h = await tableWithMembers();
    await h.say("anna", "lid @sanne jgz");
    await h.say("joost", "signaal 2345678 ongeoorloofd 3 vrijdag");
    await h.say("joost", "signaal 2345678 ziek 6 19-11");
    expect(text(await h.say("joost", "casus C-1"))).toMatch(/ziek gemeld 6 uur/);
    expect(text(await h.say("sanne", "casus C-1"))).toMatch(/ziek gemeld 6 uur/);
    const leerplicht = text(await h.say("piet", "casus C-1"));
    expect(leerplicht).toMatch(/ongeoorloofd verzuim 3 uur/);
    expect(leerplicht).not.toMatch(/ziek/);
    await h.say("joost", "signaal 7654321 ziek 4 19-11 grondslag=toestemming-ouders");
    expect(text(await h.say("piet", "casus C-2"))).toMatch(/ziek gemeld 4 uur/);
  });

  it("keeps the threshold during a newcomer's grace period and says the local agreement holds back its prompts", async () => {
    const h = await tableWithMembers({ at: "2026-11-27T14:00:00Z" });
    await h.say("anna", "beleid nieuwkomer.weken=6");
    await h.say("joost", "signaal 2345678 ongeoorloofd 8 16-11..20-11");
    await h.say("joost", "nieuwkomer C-1 16-11-2026");
    const card = text(await h.say("joost", "signaal 2345678 ongeoorloofd 8 23-11..27-11"));
    expect(card).toMatch(/Meldplichtig: 16 uur ongeoorloofd/);
    expect(card).toMatch(/houdt de tafel haar eigen protocolmeldingen achter/);
    expect(card).not.toMatch(/Onder meldgrens: 0 uur/);
  });
});

describe("a legal basis follows from the facts", () => {
  it("refuses a factual basis the signals do not give, and moves the basis with new facts, audited", async () => {
    const h = await tableWithMembers();
    const talked = await h.say("joost", "signaal 2345678 ziek 4 19-11 grondslag=ongeoorloofd-verzuim");
    expect(text(talked)).toMatch(/volgt uit de feiten/);
    expect(text(await h.say("joost", "signaal 2345678 ziek 4 19-11 grondslag=absoluut-verzuim"))).toMatch(
      /volgt uit de feiten/,
    );
    await h.say("joost", "signaal 2345678 ziek 4 19-11 grondslag=toestemming-ouders");
    expect(text(await h.say("joost", "casus C-1"))).toMatch(/Grondslag: verzoek of toestemming ouders/);
    await h.say("joost", "signaal 2345678 ongeoorloofd 2 20-11");
    expect(text(await h.say("joost", "casus C-1"))).toMatch(/Grondslag: melding ongeoorloofd verzuim/);
    const doc = await h.store.read("console");
    expect(doc.audit.filter((e) => e.event === "casus.grondslag").map((e) => e.subject)).toEqual([
      "toestemming-ouders",
      "ongeoorloofd-verzuim",
    ]);
  });

  it("refuses enforcement where leerplicht has no legal task, with the reason", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 2345678 ziek 4 19-11 grondslag=toestemming-ouders");
    for (const step of ["waarschuwing", "pv", "civiel", "lod", "halt leeftijd=12-15 toestemming=ja"])
      expect(text(await h.say("piet", `interventie C-1 ${step}`))).toMatch(/geen wettelijke taak/);
    expect(text(await h.say("piet", "interventie C-1 gesprek"))).not.toMatch(/geen wettelijke taak/);
    await h.say("joost", "signaal 2345678 ongeoorloofd 2 20-11");
    // Confirmed: the signals were gathered below the threshold (FR-28).
    expect(text(await h.say("piet", "interventie C-1 waarschuwing bevestigd=ja"))).toMatch(/Interventie I-2/);
  });

  it("says leerplicht has no legal task where tier 3 comes from authorised absence only", async () => {
    const h = await tableWithMembers();
    await h.say("anna", "lid @sanne jgz");
    for (const week of ["2-11..6-11", "9-11..13-11", "16-11..20-11"])
      await h.say("joost", `signaal 2345678 ziek 25 ${week} grondslag=toestemming-ouders`);
    const card = text(await h.say("sanne", "casus C-1"));
    expect(card).toContain("Laag 3");
    expect(card).toContain(
      "Leerplicht: geen wettelijke taak: laag 3 komt hier alleen door geoorloofd verzuim",
    );
  });
});

describe("TH-16: a case closes once its absence has stopped", () => {
  it("asks a reason while the absence runs, keeps it as a decision, and needs none once it stopped", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 2345678 ongeoorloofd 4 vrijdag");
    const refused = await h.say("piet", "sluit C-1 verhuisd");
    expect(refused.reply.error?.code).toBe("verzuim-loopt");
    expect(text(refused)).toContain("Het verzuim van C-1 loopt nog (laatst op vr 20 nov 2026");
    expect(text(refused)).toContain("10 schooldagen zonder verzuim");
    const closed = await h.say(
      "piet",
      'sluit C-1 verhuisd "Uitgeschreven, naar Belgie verhuisd" bevestigd=ja',
    );
    expect(text(closed)).toContain("Casus C-1 is gesloten: verhuisd");
    const doc = await h.store.read("console");
    expect(doc.decisions.map((d) => d.text)).toEqual(["Uitgeschreven, naar Belgie verhuisd"]);
    expect(doc.cases[0]?.status).toBe("closed");

    // Ten school days later the absence counts as stopped; a table may set its own wait, or none.
    await h.say("joost", "signaal 3456789 ongeoorloofd 2 vrijdag");
    h.clock.set(new Date("2026-12-03T09:00:00Z"));
    expect((await h.say("piet", "sluit C-2 schoolgang-hervat")).reply.error?.code).toBe("verzuim-loopt");
    h.clock.set(new Date("2026-12-04T09:00:00Z"));
    expect((await h.say("piet", "sluit C-2 schoolgang-hervat")).confirm).toBeDefined();
    await h.say("anna", "beleid sluiten.verzuimvrij=0");
    await h.say("joost", "signaal 4567890 ongeoorloofd 2 vandaag");
    expect((await h.say("piet", "sluit C-3 overig")).confirm).toBeDefined();
  });
});
