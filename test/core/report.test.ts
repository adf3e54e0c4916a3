import { describe, expect, it } from "vitest";
import { reportBlocks } from "../../commands/report-render.ts";
import { annualFigures, schoolYear } from "../../src/core/report.ts";
import { translator } from "../../src/i18n/index.ts";
import { druten, year } from "../support/druten.ts";

describe("annual report", () => {
  const words = { t: translator("nl"), lang: "nl" as const };

  it("adds up the Druten shape", () => {
    const f = annualFigures(druten(), year);
    const before = annualFigures(druten(), schoolYear("2024-2025") as never);
    expect(f.total).toBe(132);
    expect(f.processes).toEqual({ relatief: 82, absoluut: 22, zorg: 26, vrijstelling: 2 });
    expect(before.total).toBe(103);
    expect(f.schoolTypes.vo).toBe(68);
    expect(f.interventions).toMatchObject({ waarschuwing: 40, halt: 4, pv: 2 });
    expect(f.thuiszitters).toMatchObject({
      "schoolgang-hervat": 2,
      "18-jaar": 1,
      vrijstelling: 1,
      lopend: 2,
    });
    // OCW's count: relative absence reported above the threshold, and absolute absence; the rest apart.
    expect(f.telling).toEqual({ relatief: 60, absoluut: 22 });
    expect(f.belowThreshold.processes).toBe(22);
  });

  it("publishes no cell below the minimum, and none that a published sum gives away", async () => {
    const report = await reportBlocks(
      words,
      annualFigures(druten(), year),
      annualFigures(druten(), schoolYear("2024-2025") as never),
      { pupils: 2699, minimum: 10, table: "Druten" },
    );
    if ("leaks" in report) throw new Error(`leaks ${report.leaks}`);
    const csvBlock = report.blocks.find((b) => b.type === "code");
    const lines = (csvBlock?.type === "code" ? csvBlock.text : "").replace(/^\ufeff/, "").split("\n");
    expect(lines[0]).toContain("<10: minder dan 10, niet getoond; ×: niet getoond");
    expect(lines[1]).toBe("groep;categorie;aantal;vorig schooljaar;verandering (%)");
    for (const row of lines.slice(2).map((r) => r.split(";")))
      if (/^\d+$/.test(row[2] ?? "")) expect(Number(row[2]) === 0 || Number(row[2]) >= 10).toBe(true);
    expect(lines).toContain("processen;relatief;82;103;-20,4");
    const summary = JSON.stringify(report.blocks[0]);
    expect(summary).toContain("Betrokken bij 4,9% van de 2699");
    expect(summary).toContain(
      "Werkprocessen (totaal 132, +28,2%): relatief verzuim 82 (-20,4%), absoluut verzuim 22",
    );
    expect(summary).toContain("vrijstellingen <10");
    expect(summary).toContain("Leerplichttelling (wat OCW vraagt): 82, waarvan 60 relatief verzuim");
    expect(report.blocks.find((b) => b.type === "image")).toMatchObject({ file: "rapport-2025-2026.png" });
  });
});
