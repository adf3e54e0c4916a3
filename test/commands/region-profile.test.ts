import { describe, expect, it } from "vitest";
import { FUNCTIONS } from "../../src/core/permissions.ts";
import { harness, text } from "../support/harness.ts";
import { region } from "../support/region.ts";

describe("the region's profile, shared by its tables", () => {
  it("a table on its own is a region of its own, and nothing changes for it", async () => {
    const h = await harness();
    await h.say("anna", "setup Triage regio=midden");
    expect(text(await h.say("anna", "regio"))).toContain("Deze tafel is een regio op zich");
    expect((await h.say("anna", "beleid regio intake=consult")).reply.error?.code).toBe("geen-regio");
    expect(text(await h.say("anna", "beleid"))).toContain("intake = preventief (standaard)");
    expect(await h.store.regions.all()).toEqual([]);
  });

  it("a change to the region reaches every table at once, says where each value comes from, and is audited", async () => {
    const { h, zuid, noord } = await region();
    await noord("anna", "beleid regio intake=consult");
    expect(text(await zuid("anna", "beleid"))).toContain("intake = consult (regio)");
    await zuid("anna", "beleid intake=wettelijk");
    expect(text(await zuid("anna", "beleid"))).toContain("intake = wettelijk (eigen)");
    expect(text(await noord("anna", "beleid"))).toContain("intake = consult (regio)");
    // Held fixed by the region: no table or school sets it, and the table's own value gives way.
    await noord("anna", "regio vast=intake");
    expect(text(await zuid("anna", "beleid"))).toContain("intake = consult (regio, vast)");
    expect((await zuid("anna", "beleid intake=preventief")).reply.error?.code).toBe("beleid-regio-vast");
    const shown = text(await zuid("anna", "regio"));
    expect(shown).toContain(
      "Tafels: Triage Zuid (triage-zuid), Triage Noord (triage-noord), Doorbraaktafel (doorbraak)",
    );
    expect(shown).toContain(
      "Druten: Gemeente Druten; kwalificatieplicht (16–17): Bureau Leerplicht Nijmegen",
    );
    expect(shown).toContain("Tafels mogen niet zelf instellen: intake");
    expect(shown).toContain("Triage Noord: vast=intake");
    const [stored] = await h.store.regions.all();
    expect(stored?.changes.at(-1)).toMatchObject({
      tableId: "triage-noord",
      by: "anna",
      what: "vast=intake",
    });
    expect((await h.store.read("triage-noord")).audit.map((e) => e.event)).toContain("regio.gewijzigd");
  });

  it("the region's title for its officer is shown, and read as that function", async () => {
    const { zuid } = await region();
    await zuid("anna", "regio functienaam=leerrechtconsulent");
    expect(text(await zuid("anna", "lid @karin leerrechtconsulent gemeente=Wijchen"))).toContain(
      "@karin is lid met de rol leerrechtconsulent",
    );
    expect(text(await zuid("anna", "leden"))).toContain("@piet · leerrechtconsulent");
  });

  it("only a chair changes the region, only an invited table joins, one region a table", async () => {
    const { zuid, noord, h } = await region();
    expect((await zuid("joost", 'regio rmc="RMC Elders"')).reply.error?.code).toBe("rol-niet-toegestaan");
    await h.say("eva", "setup Vreemde tafel regio=zuid", "vreemd");
    expect((await h.say("eva", "regio aansluiten rijk-van-nijmegen", "vreemd")).reply.error?.code).toBe(
      "regio-niet-uitgenodigd",
    );
    expect((await noord("anna", 'regio nieuw "Tweede regio"')).reply.error?.code).toBe("regio-al");
    expect((await h.say("eva", 'regio nieuw "Rijk van Nijmegen"', "vreemd")).reply.error?.code).toBe(
      "regio-bestaat",
    );
  });
});

describe("per-case access by competence (§7 item 10)", () => {
  it("an officer sees the cases of their office; every other function sees as before", async () => {
    const { h, zuid } = await region();
    await zuid("joost", "signaal 1111111 ongeoorloofd 16 23-11..27-11 leeftijd=16-17 gemeente=Druten");
    for (const f of FUNCTIONS) {
      const who = `x-${f}`;
      await zuid("anna", `lid @${who} ${f} "Gemeente Wijchen"`);
      const out = await h.say(who, "casus C-1", "triage-zuid");
      const refused = out.reply.error?.code === "casus-andere-gemeente";
      expect(refused, f).toBe(f === "leerplichtambtenaar" || f === "rmc-consulent");
    }
    // The competent office sees it, and whoever holds its regie.
    await zuid("anna", 'lid @nina leerplichtambtenaar "Bureau Leerplicht Nijmegen"');
    expect((await zuid("nina", "casus C-1")).reply.error).toBeUndefined();
    await zuid("anna", "regie C-1 @x-leerplichtambtenaar");
    expect((await zuid("x-leerplichtambtenaar", "casus C-1")).reply.error).toBeUndefined();
  });
});

describe("the doorbraaktafel and the JBT", () => {
  it("hands a stuck case over as one case; a decision there is recorded beyond the existing frameworks", async () => {
    const { h, zuid, db } = await region();
    await zuid("joost", "signaal 2222222 ongeoorloofd 16 23-11..27-11 leeftijd=12-15 gemeente=Wijchen");
    expect((await zuid("anna", "doorbraak C-1")).reply.error?.code).toBe("doorbraak-niet-vastgelopen");
    await zuid("piet", 'vastgelopen C-1 "Geen passend aanbod"');
    expect(text(await zuid("anna", "doorbraak C-1"))).toContain(
      "Casus C-1 is overgedragen aan doorbraaktafel Doorbraaktafel.",
    );
    expect((await zuid("anna", "doorbraak C-1")).reply.error?.code).toBe("doorbraak-al");
    const [notice] = (await h.store.read("doorbraak")).outbox;
    expect(notice?.message).toMatchObject({ kind: "regio", to: null, reason: "doorbraak", caseId: "C-1" });
    expect(text(await db("wim", "regio meedoen triage-zuid C-1"))).toContain("Je doet mee aan C-1");
    const decided = await zuid(
      "wim",
      'besluit C-1 "Maatwerkplek buiten het aanbod" kaders=buiten mandaat="wethouder onderwijs" budget="EUR 12.000"',
    );
    expect(decided.reply.error).toBeUndefined();
    const card = text(await zuid("wim", "casus C-1"));
    expect(card).toContain("Overgedragen aan doorbraaktafel Doorbraaktafel (@anna");
    expect(card).toContain(
      "Maatwerkplek buiten het aanbod (buiten de bestaande kaders; mandaat: wethouder onderwijs; budget: EUR 12.000)",
    );
    // One case: nothing was copied to the doorbraaktafel.
    expect((await h.store.read("doorbraak")).cases).toEqual([]);
    const block = (await zuid("anna", "export")).reply.blocks[0];
    const exported = JSON.parse(block?.type === "code" ? block.text : "{}");
    expect(exported.schemaVersion).toBe(6);
    expect(exported.regionProfile).toMatchObject({
      id: "rijk-van-nijmegen",
      own: false,
      doorbraak: "doorbraak",
    });
    expect(exported.cases[0].handedTo).toMatchObject({ table: "Doorbraaktafel", by: "anna" });
    expect(exported.cases[0].decisions.at(-1).beyond).toEqual({
      mandate: "wethouder onderwijs",
      budget: "EUR 12.000",
    });
  });

  it("a decision beyond the frameworks belongs to a handed-over case", async () => {
    const { zuid } = await region();
    await zuid("joost", "signaal 2222222 ongeoorloofd 16 23-11..27-11 leeftijd=12-15 gemeente=Wijchen");
    expect((await zuid("anna", 'besluit C-1 "Iets" kaders=buiten')).reply.error?.code).toBe(
      "besluit-kaders-doorbraak",
    );
    expect((await zuid("anna", 'besluit C-1 "Iets" budget="EUR 5"')).reply.error?.code).toBe(
      "besluit-kaders",
    );
  });

  it("the MAS step civiel follows the region's route to the JBT", async () => {
    const { zuid } = await region();
    await zuid("joost", "signaal 2222222 ongeoorloofd 16 23-11..27-11 leeftijd=12-15 gemeente=Wijchen");
    await zuid("anna", "regio jbt=sociaal-team");
    expect((await zuid("piet", "interventie C-1 civiel 1-12 via=jbt")).reply.error?.code).toBe(
      "civiel-jbt-sociaal-team",
    );
    await zuid("anna", "regio jbt=direct");
    expect((await zuid("piet", "interventie C-1 civiel 1-12 via=jbt")).reply.error).toBeUndefined();
  });
});
