import { describe, expect, it } from "vitest";
import { tableWithMembers, text } from "../support/harness.ts";

/** A thuiszitter: at home since the start of October, unauthorised hours on record. */
async function thuiszitter() {
  const h = await tableWithMembers();
  await h.say("joost", "signaal 2345678 ongeoorloofd 6 2-10");
  await h.say("joost", "signaal 2345678 thuiszitter 5-10..20-11");
  return h;
}

describe("exemptions (vrijstelling)", () => {
  it("are recorded by the leerplichtambtenaar on a legal ground, and shown on the card and the timeline", async () => {
    const h = await thuiszitter();
    expect(text(await h.say("piet", "casus C-1"))).toContain("Thuiszitter");
    expect((await h.say("joost", "vrijstelling C-1 5a 16-11")).reply.error?.code).toBe("rol-niet-toegestaan");
    expect(text(await h.say("piet", "vrijstelling C-1 5a 16-11"))).toContain(
      "Casus C-1: vrijstelling art. 5 onder a (lichamelijk of psychisch ongeschikt), vanaf 16 nov 2026.",
    );
    const card = text(await h.say("piet", "casus C-1"));
    expect(card).toContain(
      "Vrijstelling: art. 5 onder a (lichamelijk of psychisch ongeschikt), vanaf 16 nov 2026",
    );
    expect(card).toContain(
      "Vrijstelling art. 5 onder a (lichamelijk of psychisch ongeschikt) vastgelegd (@piet)",
    );
    // No thuiszitter while exempted (TH-04: "zònder vrijstelling").
    expect(card).not.toMatch(/Thuiszitter:|thuiszitter sinds/i);
  });

  it("refuses absence and enforcement in the exempted period, and everything under 5c", async () => {
    const h = await thuiszitter();
    await h.say("piet", "vrijstelling C-1 5a 16-11");
    expect(text(await h.say("joost", "signaal 2345678 ongeoorloofd 2 vrijdag"))).toContain("is vrijgesteld");
    expect((await h.say("joost", "signaal 2345678 ongeoorloofd 2 6-11")).reply.error).toBeUndefined();
    expect((await h.say("piet", "interventie C-1 waarschuwing vrijdag")).reply.error?.code).toBe(
      "vrijgesteld",
    );
    expect((await h.say("piet", "interventie C-1 gesprek vrijdag")).reply.error).toBeUndefined();
    await h.say("piet", "vrijstelling C-1 5c 16-11");
    expect((await h.say("piet", "interventie C-1 gesprek vrijdag")).reply.error?.code).toBe("vrijgesteld");
  });

  it("counts exemptions by ground in the annual report and the export", async () => {
    const h = await thuiszitter();
    await h.say("piet", "vrijstelling C-1 5c 16-11..31-7-2027");
    const block = (await h.say("anna", "export")).reply.blocks[0];
    const exported = JSON.parse(block?.type === "code" ? block.text : "{}");
    expect(exported.cases[0].exemption).toEqual({
      ground: "5c",
      from: "2026-11-16",
      to: "2027-07-31",
      by: "piet",
    });
    expect(text(await h.say("piet", "rapport 2026-2027"))).toContain(
      "Vrijstellingen naar grond (totaal <10): art. 5 onder c (school in het buitenland) <10",
    );
  });
});
