import { describe, expect, it } from "vitest";
import { tableWithMembers, text } from "../support/harness.ts";

describe("interventions (MAS route)", () => {
  it("are recorded by leerplicht only, shown to leerplicht only, and exported", async () => {
    const h = await tableWithMembers({ at: "2026-11-23T09:00:00Z" });
    await h.say("joost", "signaal 1234567 ongeoorloofd 4 20-11");
    expect(text(await h.say("joost", "interventie C-1 gesprek"))).toContain("alleen met de rol leerplicht");
    // The case's one signal was gathered preventively: the step is asked first (FR-28), and confirmed here.
    const out = await h.say(
      "piet",
      'interventie C-1 waarschuwing vrijdag "Schriftelijk, ouders aanwezig" bevestigd=ja',
    );
    expect(out.reply.visibility).toBe("private");
    expect(text(out)).toContain("Interventie I-1 bij C-1: formele waarschuwing op 20 nov 2026");
    expect(text(await h.say("piet", "casus C-1"))).toContain("I-1 20 nov 2026 formele waarschuwing (@piet)");
    expect(text(await h.say("joost", "casus C-1"))).not.toContain("waarschuwing");
    const block = (await h.say("anna", "export")).reply.blocks[0];
    const json = JSON.parse(block?.type === "code" ? block.text : "{}");
    expect(json.cases[0].interventions).toEqual([
      {
        id: "I-1",
        kind: "waarschuwing",
        date: "2026-11-20",
        by: "piet",
        ageBand: null,
        consent: false,
        // Export v5: a warning belongs to no MAS route; civil path and OM outcome are for their steps.
        route: null,
        civilVia: null,
        om: null,
      },
    ]);
    expect(text(await h.say("anna", "audit C-1"))).toContain("interventie.vastgelegd I-1 waarschuwing");
  });

  it("allow Halt only from age 12 and with consent noted", async () => {
    const h = await tableWithMembers({ at: "2026-11-23T09:00:00Z" });
    await h.say("joost", "signaal 1234567 ongeoorloofd 4 20-11");
    expect(text(await h.say("piet", "interventie C-1 halt"))).toContain(
      "Halt is voor jongeren van 12 tot 18",
    );
    expect(text(await h.say("piet", "interventie C-1 halt leeftijd=5-11 toestemming=ja"))).toContain(
      "Halt is voor jongeren van 12 tot 18",
    );
    expect(text(await h.say("piet", "interventie C-1 halt leeftijd=12-15"))).toContain("toestemming=ja");
    expect(
      text(await h.say("piet", "interventie C-1 halt leeftijd=12-15 toestemming=ja bevestigd=ja")),
    ).toContain("Interventie I-1 bij C-1: Halt");
    await h.say("joost", 'consult "Groep 8"');
    expect(text(await h.say("piet", "interventie C-2 gesprek"))).toContain("anoniem consult");
  });
});

describe("audit export", () => {
  it("gives the chair the whole trail, reads included, as CSV and JSON, for a period", async () => {
    const h = await tableWithMembers({ at: "2026-11-23T09:00:00Z" });
    await h.say("joost", 'signaal 1234567 ongeoorloofd 4 20-11 "Komma, en meer"');
    await h.say("piet", "casus C-1");
    h.clock.set(new Date("2026-11-30T09:00:00Z"));
    await h.say("piet", "casus C-1");
    expect(text(await h.say("piet", "audit export"))).toContain("alleen met de rol voorzitter");
    const out = await h.say("anna", "audit export 23-11..23-11");
    const [csvBlock, jsonBlock] = out.reply.blocks;
    const csv = csvBlock?.type === "code" ? csvBlock.text : "";
    // Tafel's one CSV writer: a byte-order mark, and `;` as Dutch spreadsheets expect.
    expect(csv.split("\n")[0]).toBe("\ufeffat;actor;event;caseId;subject;actorId");
    expect(csv).toContain("piet;casus.bekeken;C-1;");
    expect(csv).not.toContain("2026-11-30");
    const json = JSON.parse(jsonBlock?.type === "code" ? jsonBlock.text : "{}");
    expect(json.events.filter((e: { event: string }) => e.event === "casus.bekeken")).toHaveLength(1);
    expect(text(await h.say("anna", "audit export"))).toContain("gebeurtenissen");
    expect(text(await h.say("anna", "audit C-1"))).toContain("@piet casus.bekeken");
  });
});

describe("rapport", () => {
  it("gives chair and leerplicht the year's report with a chart and CSV, and refuses others", async () => {
    const h = await tableWithMembers({ at: "2026-11-23T09:00:00Z" });
    await h.say("joost", "signaal 1234567 ongeoorloofd 4 20-11");
    expect(text(await h.say("joost", "rapport"))).toContain("alleen met de rol voorzitter, leerplicht");
    expect(text(await h.say("piet", "rapport 2026"))).toContain("Schrijf het schooljaar als 2025-2026");
    const out = await h.say("piet", "rapport 2026-2027");
    expect(out.reply.title).toBe("Jaarverslag 2026-2027 (tellingen onder 10 als <10)");
    expect(text(out)).toContain("Werkprocessen (totaal <10)");
    expect(out.reply.blocks.map((b) => b.type)).toEqual(["list", "image", "code"]);
    const image = out.reply.blocks[1];
    expect(image?.type === "image" && image.svg).toContain("Werkprocessen leerplicht, schooljaar 2026-2027");
    expect(image?.type === "image" && Buffer.from(image.png, "base64").subarray(1, 4).toString()).toBe("PNG");
    expect(text(await h.say("anna", "audit export"))).toContain("gebeurtenissen");
  });
});
