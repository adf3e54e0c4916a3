import { describe, expect, it } from "vitest";
import { tableWithMembers, text } from "../support/harness.ts";

/** A school's own local protocol triggers where a table serves several (issue #28 item 8, FR-04). */
describe("a school's own protocol triggers", () => {
  it("apply to that school's cases only, over the table's, and the card names the school", async () => {
    const h = await tableWithMembers({ at: "2026-11-20T09:00:00Z" });
    await h.say("anna", 'school 12AB00 naam="Maaswaal College" type=vo');
    await h.say("anna", 'school 56EF00 naam="ISK De Brug" type=isk');
    expect(text(await h.say("anna", "beleid school=12AB00 te-laat.aantal=3 te-laat.weken=4"))).toContain(
      "Eigen regel van school 12AB00",
    );
    for (const [pupil, school] of [
      ["1234567", "12AB00"],
      ["2345678", "56EF00"],
    ]) {
      expect(
        (await h.say("joost", `signaal ${pupil} ongeoorloofd 1 16-11 school=${school}`)).reply.error,
      ).toBeUndefined();
      expect(
        (await h.say("joost", `signaal ${pupil} te-laat 3 16-11..20-11 school=${school}`)).reply.error,
      ).toBeUndefined();
    }
    const doc = await h.store.read("console");
    expect(doc.cases.map((c) => c.notices.filter((n) => n.startsWith("protocol.te-laat")).length)).toEqual([
      1, 0,
    ]);
    expect(text(await h.say("piet", "casus C-1"))).toContain("grens 3. (regel van school 12AB00)");
    expect(text(await h.say("piet", "casus C-2"))).not.toContain("Te laat");
    expect(text(await h.say("anna", "beleid"))).toContain("12AB00: te-laat.aantal=3 te-laat.weken=4");
  });

  it("are only the protocol triggers, of a school the table records, set by the chair", async () => {
    const h = await tableWithMembers({ at: "2026-11-20T09:00:00Z" });
    await h.say("anna", 'school 12AB00 naam="Maaswaal College" type=vo');
    expect((await h.say("anna", "beleid school=12AB00 meldgrens.marge=10")).reply.error?.code).toBe(
      "beleid-niet-per-school",
    );
    expect((await h.say("anna", "beleid school=99ZZ00 te-laat.aantal=3")).reply.error?.code).toBe(
      "school-onbekend",
    );
    expect((await h.say("piet", "beleid school=12AB00 te-laat.aantal=3")).reply.error?.code).toBe(
      "rol-niet-toegestaan",
    );
    expect((await h.store.read("console")).schools[0]?.policy).toEqual({});
  });
});
