import { describe, expect, it } from "vitest";
import { tableWithMembers, text } from "../support/harness.ts";

describe("meeting mode", () => {
  it("opens with an agenda, keeps what is decided during it, and closes with minutes", async () => {
    const h = await tableWithMembers({ at: "2026-11-23T09:00:00Z" });
    await h.say("joost", "signaal 1234567 ongeoorloofd 3 20-11");
    await h.say("joost", "signaal 7654321 absoluut");
    await h.say("piet", 'besluit C-1 "Voor het overleg"');
    expect(text(await h.say("joost", "overleg start"))).toContain("alleen met de rol voorzitter");
    const preview = await h.say("joost", "overleg agenda");
    expect(preview.reply.visibility).toBe("private");
    expect(text(preview)).toContain("C-2: nieuwe signalen, zonder regie");
    const start = await h.say("anna", "overleg start");
    expect(start.reply.visibility).toBe("table");
    // Absolute absence goes first under the protocol's priority (FR-27), and says so.
    expect(text(start)).toContain("1. C-2: nieuwe signalen, zonder regie, voorrang: absoluut verzuim");
    expect(text(start)).toContain("2. C-1: nieuwe signalen, zonder regie");
    expect(text(start)).not.toMatch(/L-[0-9A-Z]{6}/);
    expect(text(await h.say("anna", "overleg start"))).toContain("Overleg O-1 loopt al");
    h.clock.set(new Date("2026-11-23T09:40:00Z"));
    await h.say("piet", "regie C-1 neem");
    await h.say("piet", 'besluit C-1 "Gesprek met ouders"');
    await h.say("piet", 'actie C-1 @joost vrijdag "Rooster doorgeven"');
    await h.say("anna", "regie C-2 @piet");
    h.clock.set(new Date("2026-11-23T10:15:00Z"));
    const stop = text(await h.say("anna", "overleg stop"));
    expect(stop).toContain("Notulen O-1, 23 nov 2026 10:00–11:15");
    expect(stop).toContain("Besluit B-2: Gesprek met ouders");
    expect(stop).not.toContain("Voor het overleg");
    expect(stop).toContain("Afspraak A-1 @joost uiterlijk 27 nov 2026: Rooster doorgeven");
    expect(stop).toContain("Regie naar @piet (door @piet)");
    expect(stop).toContain("C-2:\n      - Regie naar @piet (door @anna)");
    expect(text(await h.say("anna", "overleg stop"))).toContain("Er loopt geen overleg");
    await h.say("piet", 'besluit C-1 "Na het overleg"');
    const minutes = text(await h.say("joost", "overleg notulen 23-11"));
    expect(minutes).toContain("Gesprek met ouders");
    expect(minutes).not.toContain("Na het overleg");
    expect(text(await h.say("joost", "overleg notulen 20-11"))).toContain("geen overleg gehouden op");
  });

  it("puts a case on the agenda from its review date, and not before", async () => {
    const h = await tableWithMembers({ at: "2026-11-23T09:00:00Z" });
    await h.say("joost", "signaal 1234567 ongeoorloofd 3 20-11");
    await h.say("piet", "regie C-1 neem");
    await h.say("anna", "overleg start");
    await h.say("anna", "overleg stop");
    expect(text(await h.say("piet", "herzien C-1 gisteren"))).toContain("in het verleden");
    expect(text(await h.say("piet", "herzien C-1 over 2 weken"))).toContain(
      "Casus C-1 komt op 7 dec 2026 weer op de agenda",
    );
    expect(text(await h.say("anna", "overleg agenda"))).toContain("Geen casussen op de agenda");
    h.clock.set(new Date("2026-12-07T09:00:00Z"));
    expect(text(await h.say("anna", "overleg agenda"))).toContain("C-1: herziendatum bereikt");
  });

  it("postpones an agreement to a later date, for its owner, the regie holder or the chair", async () => {
    const h = await tableWithMembers({ at: "2026-11-23T09:00:00Z" });
    await h.say("joost", "signaal 1234567 ongeoorloofd 3 20-11");
    await h.say("anna", 'actie C-1 @joost vrijdag "Rooster doorgeven"');
    expect(text(await h.say("piet", "uitstel A-1 over 2 weken"))).toContain("Afspraak A-1 is van @joost");
    expect(text(await h.say("joost", "uitstel A-1 morgen"))).toContain("moet naar een latere datum");
    expect(text(await h.say("joost", "uitstel A-1 over 2 weken"))).toContain(
      "Afspraak A-1 is uitgesteld tot 7 dec 2026",
    );
    expect(text(await h.say("anna", "audit C-1"))).toContain("afspraak.uitgesteld A-1 2026-11-27→2026-12-07");
    await h.say("joost", "klaar A-1");
    expect(text(await h.say("joost", "uitstel A-1 over 3 weken"))).toContain("niet meer open");
  });
});

describe("reminder settings in beleid", () => {
  it("takes times, weekdays and counts", async () => {
    const h = await tableWithMembers({ at: "2026-11-23T09:00:00Z" });
    expect(
      text(
        await h.say("anna", "beleid herinnering.tijd=08:15 weekoverzicht.dag=dinsdag herinnering.regie-na=3"),
      ),
    ).toContain("Beleid aangepast");
    const shown = text(await h.say("anna", "beleid"));
    expect(shown).toContain("herinnering.tijd = 08:15 (eigen)");
    expect(shown).toContain("weekoverzicht.dag = dinsdag (eigen)");
    expect(shown).toContain("herinnering.regie-na = 3 (eigen)");
    expect(text(await h.say("anna", "beleid herinnering.tijd=25:00"))).toContain(
      "herinnering.tijd klopt niet",
    );
    expect(text(await h.say("anna", "beleid weekoverzicht.dag=uit"))).toContain("Beleid aangepast");
  });
});
