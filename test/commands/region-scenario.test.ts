import { describe, expect, it } from "vitest";
import { replay } from "../support/replay.ts";

describe("examples/scenarios/regio.tafel (issue #30)", () => {
  it("one region, three tables: routed across tables, one title, one intake, one case at the doorbraaktafel", async () => {
    const r = await replay("examples/scenarios/regio.tafel");
    // Nothing refused along the way.
    expect(
      r.steps.flatMap((s) => (s.out.reply.error ? [`${s.line}: ${s.out.reply.error.code}`] : [])),
    ).toEqual([]);
    const [region] = await r.store.regions.all();
    expect(region).toMatchObject({
      id: "maas-en-waal",
      tables: ["triage-druten", "triage-nijmegen", "doorbraaktafel"],
      officerTitle: "leerrechtconsulent",
      policy: { intakeMode: "consult" },
      doorbraak: "doorbraaktafel",
    });
    // Two municipalities share one office; Druten's qualification duty goes to it too.
    expect(region?.municipalities.map((m) => [m.name, m.office, m.qualificationOffice])).toEqual([
      ["Druten", "Gemeente Druten", "Bureau Leerplicht Nijmegen"],
      ["Nijmegen", "Bureau Leerplicht Nijmegen", null],
      ["Berg en Dal", "Bureau Leerplicht Nijmegen", null],
    ]);
    // The intake was set once, for the region, and every table reads it.
    for (const table of ["triage-druten", "triage-nijmegen", "doorbraaktafel"])
      expect((await r.doc(table)).policy.intakeMode, table).toBeUndefined();
    expect(JSON.stringify(r.at("beleid").reply)).toContain("intake = consult (regio)");
    expect(JSON.stringify(r.at("leden").reply)).toContain("leerrechtconsulent");
    // The 16-year-old went to the Nijmegen office's officer at the other table, who joined the case there.
    expect(JSON.stringify(r.at("help routering C-1").reply)).toContain("Naar: @fatima (Triage Nijmegen)");
    const druten = await r.doc("triage-druten");
    expect(druten.members.find((m) => m.id === "fatima")).toMatchObject({
      organisation: "Bureau Leerplicht Nijmegen",
    });
    expect(JSON.stringify(r.at("casussen").reply)).toContain("Van een andere gemeente (geen inhoud): C-1");
    // C-2 was handed to the doorbraaktafel and stayed one case, with a decision beyond the frameworks.
    expect(druten.cases[1]?.handedTo).toMatchObject({ tableId: "doorbraaktafel", by: "anna" });
    expect((await r.doc("doorbraaktafel")).cases).toEqual([]);
    expect(druten.decisions.at(-1)).toMatchObject({
      caseId: "C-2",
      by: "wim",
      beyond: { mandate: "wethouder onderwijs", budget: "EUR 12.000" },
    });
  });
});
