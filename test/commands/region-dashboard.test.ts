import { describe, expect, it } from "vitest";
import { text } from "../support/harness.ts";
import { region } from "../support/region.ts";

const CSV = (rows: string[], tiers = false) =>
  [
    `school;periode;leerjaar;leerlingen;lesuren;verzuimuren;ziekuren;langdurig_4w;langdurig_3m${tiers ? ";laag1;laag2;laag3" : ""}`,
    ...rows,
  ].join("\n");

describe("the region's dashboard (issue #28 item 3 over the tables of issue #30)", () => {
  it("puts every table's schools side by side, tiers from the school's figures where given, for chair and leerplicht", async () => {
    const { h, zuid, noord } = await region();
    await zuid("anna", 'school 12AB00 naam="Maaswaal College" type=vo gemeente=Druten');
    await noord("anna", 'school 78GH00 naam="ROC Rivierenland" type=mbo gemeente=Nijmegen');
    await noord("anna", 'school 56EF00 naam="ISK De Brug" type=isk gemeente=Nijmegen');
    // Zuid delivers by typing one row with the school's own tier picture; Noord sends a file.
    await zuid(
      "anna",
      "cijfers 12AB00 2026-09 leerlingen=612 lesuren=61200 verzuimuren=3800 ziekuren=2700 langdurig=4 zeer-langdurig=1 lagen=560+40+12",
    );
    const file = {
      name: "cijfers.csv",
      text: CSV(["78GH00;2026-09;;900;72000;9000;4000;9;3", "56EF00;2026-09;;8;640;90;20;1;0"]),
    };
    const sent = await h.deps.use.schools.importFigures("triage-noord", "anna", [
      ...file.text.split("\n").map((l) => l.split(";")),
    ]);
    expect(sent.ok).toBe(true);
    const out = text(await zuid("piet", "dashboard regio"));
    expect(out).toContain("Scholen van regio Rijk van Nijmegen en hun verzuim");
    expect(out).toContain("12AB00");
    expect(out).toContain("78GH00");
    // The ISK's eight pupils stay under the minimum, here as at its own table.
    expect(out).toContain("56EF00");
    expect(out).not.toMatch(/56EF00[^\n]*14,1/);
    expect(out).toContain(
      "12AB00: laag 1 560 · laag 2 40 · laag 3 12 leerlingen (aangeleverd door de school, sep 2026)",
    );
    // Only the chair and leerplicht: a school member is refused, and a table on its own has no region.
    expect((await zuid("joost", "dashboard regio")).reply.error?.code).toBe("rol-niet-toegestaan");
    const page = await zuid("anna", "dashboard regio pagina");
    expect(JSON.stringify(page.reply)).toContain("regio-dashboard.html");
    expect((await h.store.read("triage-zuid")).audit.some((e) => e.event === "dashboard.regio")).toBe(false);
    expect((await h.store.reads("triage-zuid", {})).map((e) => e.event)).toContain("dashboard.regio");
  });

  it("refuses a tier picture larger than the school, naming the column, and stores nothing", async () => {
    const { h, zuid } = await region();
    await zuid("anna", 'school 12AB00 naam="Maaswaal College" type=vo gemeente=Druten');
    const r = await h.deps.use.schools.importFigures(
      "triage-zuid",
      "anna",
      CSV(["12AB00;2026-09;;100;10000;500;200;1;0;90;9;9"], true)
        .split("\n")
        .map((l) => l.split(";")),
    );
    expect(r.ok).toBe(false);
    expect((r as { problems?: unknown[] }).problems).toEqual([
      { row: 2, column: "laag3", why: "lagen-meer-dan-leerlingen" },
    ]);
    expect((await h.store.read("triage-zuid")).figures).toEqual([]);
  });
});
