import { describe, expect, it } from "vitest";
import { harness, tableWithMembers, text } from "../support/harness.ts";

describe("setup and members", () => {
  it("makes the one who sets up the chair, and lists members with roles", async () => {
    const h = await tableWithMembers();
    const out = await h.say("anna", "leden");
    expect(out.reply.visibility).toBe("private");
    expect(text(out)).toContain("@anna · voorzitter");
    expect(text(out)).toContain("@piet · leerplichtambtenaar · Gemeente Druten");
  });

  it("changes a role and removes a member without work", async () => {
    const h = await tableWithMembers();
    expect(text(await h.say("anna", "lid @joost swv"))).toContain(
      "@joost heeft nu de rol samenwerkingsverband (SWV)",
    );
    expect(text(await h.say("anna", "lid-af @joost bevestigd=ja"))).toContain("@joost is geen lid meer");
    expect(text(await h.say("joost", "casussen"))).toContain("geen lid");
  });

  it("speaks English when the table is set up with taal=en", async () => {
    const h = await harness();
    expect(text(await h.say("anna", "setup Triage taal=en"))).toContain(
      "Table 'Triage' is set up (region middle)",
    );
    expect(text(await h.say("anna", "casus C-9"))).toContain("Case C-9 does not exist");
  });
});

describe("signals and cases", () => {
  it("opens a case once per pupil and attaches later signals, whatever form the number takes", async () => {
    const h = await tableWithMembers();
    const first = await h.say("joost", "signaal 1234567 ongeoorloofd 3,5 vrijdag");
    expect(text(first)).toContain("Nieuwe casus C-1 geopend met signaal S-1");
    const key = /L-[0-9A-Z]{6}/.exec(first.reply.title ?? "")?.[0];
    expect(key).toBeDefined();
    expect(text(await h.say("piet", "signaal 12.345.67 te-laat 2 17-11..20-11"))).toContain(
      "Signaal S-2 toegevoegd aan casus C-1",
    );
    expect(text(await h.say("piet", `signaal ${key} luxe 4 20-11`))).toContain(
      "Signaal S-3 toegevoegd aan casus C-1",
    );
    const card = text(await h.say("piet", "casus C-1"));
    expect(card).toContain("ongeoorloofd verzuim 3,5 uur · te laat 2× · luxe verzuim 4 uur");
    expect(card).toContain("melding ongeoorloofd verzuim");
    expect((await h.store.read("console")).cases).toHaveLength(1);
  });

  it("never stores the pupil number", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 98765432 ongeoorloofd 2 vrijdag");
    expect(JSON.stringify(await h.store.read("console"))).not.toContain("98765432");
    expect(text(await h.say("anna", "export"))).not.toContain("98765432");
  });

  it("posts the signal to the table, in the case's thread, without the pupil key", async () => {
    const h = await tableWithMembers();
    const out = await h.say("joost", "signaal 1234567 ongeoorloofd 3 vrijdag");
    expect(out.posts).toEqual([
      {
        to: { kind: "table", tableId: "console" },
        caseId: "C-1",
        text: "Nieuw signaal bij C-1: ongeoorloofd verzuim 3 uur, gemeld door @joost.",
      },
    ]);
  });

  it("accepts a sick report with a named legal basis, and on an anonymous consultation without one", async () => {
    const h = await tableWithMembers();
    expect(text(await h.say("joost", "signaal 555555 ziek 4 grondslag=toestemming-ouders"))).toContain(
      "verzoek of toestemming ouders",
    );
    expect(text(await h.say("joost", 'consult "Veel ziekmeldingen rond toetsen"'))).toContain(
      "Anoniem consult C-2 geopend",
    );
    const card = text(await h.say("joost", "signaal C-2 ziek 3"));
    expect(card).toContain("anoniem consult");
    expect(card).toContain("geen: anoniem consult");
  });

  it("reopens a closed case on a new signal instead of opening a second one", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 1234567 ongeoorloofd 3 vrijdag");
    expect(
      text(
        await h.say("piet", 'sluit C-1 schoolgang-hervat "Leerling is terug na het gesprek" bevestigd=ja'),
      ),
    ).toContain("Casus C-1 is gesloten: schoolgang hervat");
    expect(text(await h.say("joost", "signaal 1234567 ongeoorloofd 2 donderdag"))).toContain(
      "Casus C-1 heropend met signaal S-2",
    );
    expect((await h.store.read("console")).cases).toHaveLength(1);
  });

  it("moves a case through monitoring, closing and reopening", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 1234567 ongeoorloofd 3 vrijdag");
    expect(text(await h.say("joost", "volgen C-1"))).toContain(
      "Dit doen de regiehouder van C-1, leerplicht of de voorzitter",
    );
    expect(text(await h.say("anna", "volgen C-1"))).toContain("wordt gevolgd");
    expect(text(await h.say("joost", "signaal 1234567 ongeoorloofd 1 donderdag"))).toContain("Status: open");
    await h.say("anna", 'sluit C-1 verhuisd "Naar het buitenland vertrokken" bevestigd=ja');
    expect(text(await h.say("anna", "casussen"))).toContain("Geen casussen");
    expect(text(await h.say("anna", "casussen alle"))).toContain("C-1");
    expect(text(await h.say("anna", "heropen C-1"))).toContain("Casus C-1 is heropend");
  });
});

describe("regie, agreements and decisions", () => {
  it("keeps every hand-over of regie and tells the new holder", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 1234567 ongeoorloofd 3 vrijdag");
    expect(text(await h.say("anna", "casussen zonder-regie"))).toContain("C-1");
    expect(text(await h.say("joost", "regie C-1 neem"))).toContain("ligt nu bij @joost");
    const handover = await h.say("joost", "regie C-1 @piet");
    expect(handover.posts).toEqual([
      {
        to: { kind: "member", tableId: "console", id: "piet", handle: "piet" },
        text: "Je hebt nu de regie over casus C-1 aan tafel Triage Druten.",
      },
    ]);
    expect(text(await h.say("joost", "regie C-1 los"))).toContain("ligt bij @piet");
    expect(text(await h.say("piet", "regie C-1 los"))).toContain("losgelaten");
    expect(text(await h.say("anna", "regie C-1 @joost"))).toContain("ligt nu bij @joost");
    const c = (await h.store.read("console")).cases[0];
    expect(c?.regieHistory.map((x) => [x.holder, x.by])).toEqual([
      ["joost", "joost"],
      ["piet", "joost"],
      [null, "piet"],
      ["joost", "anna"],
    ]);
  });

  it("records agreements with owner and due date, and lets the owner finish them", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 1234567 ongeoorloofd 3 vrijdag");
    const out = await h.say("piet", 'actie C-1 @joost over 2 weken "Gesprek met ouders plannen"');
    expect(text(out)).toContain("Afspraak A-1 bij C-1: @joost uiterlijk 7 dec 2026");
    expect(out.posts[0]?.to).toEqual({ kind: "member", tableId: "console", id: "joost", handle: "joost" });
    await h.say("piet", 'actie C-1 @piet morgen "Huisbezoek"');
    expect(text(await h.say("joost", "mijn"))).toContain(
      "A-1 @joost uiterlijk 7 dec 2026: Gesprek met ouders plannen",
    );
    expect(text(await h.say("joost", "vervalt A-2"))).toContain("is van @piet");
    expect(text(await h.say("joost", "klaar A-1"))).toContain("Afspraak A-1 is klaar");
    expect(text(await h.say("joost", "klaar A-1"))).toContain("is al klaar");
    expect(text(await h.say("anna", "vervalt A-2"))).toContain("Afspraak A-2 is vervallen");
    expect(text(await h.say("piet", 'besluit C-1 "Leerplicht voert gesprek"'))).toContain(
      "Besluit B-1 vastgelegd bij C-1",
    );
    expect(text(await h.say("piet", "casus C-1"))).toContain(
      "B-1 23 nov 2026 10:00 @piet: Leerplicht voert gesprek",
    );
  });

  it("marks overdue agreements on the card", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 1234567 ongeoorloofd 3 vrijdag");
    await h.say("piet", 'actie C-1 @joost morgen "Bellen"');
    h.clock.set(new Date("2026-11-30T09:00:00Z"));
    expect(text(await h.say("joost", "mijn"))).toContain("(verlopen)");
  });
});

describe("export and audit", () => {
  it("exports the documented, versioned schema", async () => {
    const h = await tableWithMembers();
    await h.say("joost", 'signaal 1234567 ongeoorloofd 3 vrijdag "Ochtend"');
    await h.say("joost", "signaal 1234567 te-laat 2 17-11..20-11");
    await h.say("piet", "regie C-1 neem");
    await h.say("piet", 'actie C-1 @joost morgen "Bellen"');
    await h.say("piet", 'besluit C-1 "Gesprek"');
    const out = await h.say("anna", "export");
    const block = out.reply.blocks[0];
    const json = JSON.parse(block && block.type === "code" ? block.text : "{}");
    expect(json).toMatchObject({
      schemaVersion: 6,
      table: { id: "console", name: "Triage Druten", region: "midden", intakeMode: "preventief" },
      members: expect.arrayContaining([
        {
          handle: "piet",
          role: "leerplicht",
          organisation: "Gemeente Druten",
          function: "leerplichtambtenaar",
          boa: false,
          municipalities: [],
        },
      ]),
    });
    expect(json.cases[0]).toMatchObject({
      id: "C-1",
      pupilKey: expect.stringMatching(/^L-[0-9A-Z]{6}$/),
      status: "open",
      outcome: null,
      legalBasis: "ongeoorloofd-verzuim",
      regie: { holder: "piet" },
      regieHistory: [{ holder: "piet", by: "piet" }],
      signals: [
        { id: "S-1", kind: "ongeoorloofd", date: "2026-11-20", hours: 3, raisedBy: "joost" },
        { id: "S-2", kind: "te-laat", from: "2026-11-17", to: "2026-11-20", count: 2, raisedBy: "joost" },
      ],
      actions: [{ id: "A-1", owner: "joost", due: "2026-11-24", status: "open" }],
      decisions: [{ id: "B-1", text: "Gesprek", by: "piet" }],
    });
  });

  it("shows the chair who did and who viewed what", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 1234567 ongeoorloofd 3 vrijdag");
    await h.say("piet", "casus C-1");
    const trail = text(await h.say("anna", "audit C-1"));
    expect(trail).toContain("@joost casus.geopend");
    expect(trail).toContain("@joost signaal.gemeld S-1");
    expect(trail).toContain("@piet casus.bekeken");
    expect(text(await h.say("piet", "audit C-1"))).toContain("alleen met de rol voorzitter");
  });
});

describe("help", () => {
  it("lists every command and explains one, for anyone", async () => {
    const h = await harness();
    const all = text(await h.say("kees", "help"));
    for (const name of [
      "signaal",
      "casus",
      "casussen",
      "regie",
      "actie",
      "klaar",
      "vervalt",
      "besluit",
      "sluit",
      "heropen",
      "mijn",
      "export",
      "audit",
      "setup",
      "lid",
      "lid-af",
      "leden",
    ])
      expect(all).toContain(`${name} — `);
    const one = text(await h.say("kees", "help actie"));
    expect(one).toContain(`actie <C-id> <@eigenaar|leerplicht> <datum> "tekst"`);
    expect(text(await h.say("kees", "help vliegen"))).toContain("Onbekend commando 'vliegen'");
  });
});
