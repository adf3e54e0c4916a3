import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tableWithMembers } from "../support/harness.ts";

/** Every field path of a JSON value: `cases.[].signals.[].hours`. */
function paths(value: unknown, at: string[] = [], out = new Set<string>()): Set<string> {
  if (at.length) out.add(at.join("."));
  if (Array.isArray(value)) for (const v of value) paths(v, [...at, "[]"], out);
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

/** The export is an interface: version 2 only adds, so a reader of version 1 reads it as it was. */
describe("the export schema", () => {
  it("keeps every field of version 1 and carries the facts version 2 added", async () => {
    const h = await tableWithMembers({ at: "2026-11-23T09:00:00Z" });
    await h.say("anna", "beleid intake=consult te-laat.aantal=2");
    await h.say("anna", "lid @piet leerplicht gemeente=Druten");
    for (const line of [
      "signaal 2345678 ongeoorloofd 6 16-11 gemeente=Druten leeftijd=12-15",
      "signaal 2345678 ongeoorloofd 6 17-11",
      'signaal 2345678 te-laat 2 18-11..20-11 school=12AB "Bus"',
      "signaal 2345678 ongeoorloofd 4 19-11",
      "signaal 3456789 ziek 4 18-11 grondslag=toestemming-ouders",
    ])
      await h.say("joost", line);
    for (const line of [
      'actie C-1 @piet vrijdag "Gesprek met ouders"',
      'besluit C-1 "Leerplicht neemt contact op"',
      "interventie C-1 gesprek 20-11",
      'besluit-intrekken B-1 "Dubbel" bevestigd=ja',
      "regie C-1 neem",
    ])
      await h.say("piet", line);
    await h.say("joost", "gemeld C-1 20-11");
    await h.say("piet", "vrijstelling C-2 5c 20-11");
    const out = await h.say("anna", "export");
    const block = out.reply.blocks[0];
    const data = JSON.parse(block?.type === "code" ? block.text : "{}");
    expect(data.schemaVersion).toBe(6);

    const v1 = readFileSync(join(import.meta.dirname, "../fixtures/export-v1-paths.txt"), "utf8")
      .split("\n")
      .filter((l) => l && !l.startsWith("#"));
    const now = paths(data);
    expect(v1.filter((p) => !now.has(p))).toEqual([]);

    expect(data.table.intakeMode).toBe("consult");
    expect(data.members.find((m: { handle: string }) => m.handle === "piet").municipalities).toEqual([
      "Druten",
    ]);
    const [c1, c2] = data.cases;
    expect(c1).toMatchObject({
      municipality: "Druten",
      ageBand: "12-15",
      duty: "volledig",
      atTurn: "piet",
      legalTask: true,
      duoReport: { on: "2026-11-20", by: "joost" },
    });
    expect(c2).toMatchObject({ legalTask: true, exemption: { ground: "5c", from: "2026-11-20", to: null } });
    // Version 3: a trigger's kind of rule; a signal's phase.
    expect(c1.triggers).toEqual([
      expect.objectContaining({
        ruleId: "protocol.te-laat",
        legalStatus: "local-protocol",
        authorisedAbsence: false,
      }),
    ]);
    expect(c1.signals.map((s: { origin: string }) => s.origin)).toEqual([
      "preventive",
      "preventive",
      "preventive",
      "statutory",
    ]);
  });
});
