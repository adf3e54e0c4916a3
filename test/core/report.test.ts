import { describe, expect, it } from "vitest";
import { reportBlocks } from "../../commands/report-render.ts";
import { blankCase } from "../../src/core/cases.ts";
import type { Case, Outcome, TableDoc } from "../../src/core/model.ts";
import { annualFigures, schoolYear } from "../../src/core/report.ts";
import { newTable } from "../../src/core/table.ts";
import { translator } from "../../src/i18n/index.ts";
import { sig } from "../support/signals.ts";

const at = "2025-09-15T09:00:00.000Z";
const year = schoolYear("2025-2026") as NonNullable<ReturnType<typeof schoolYear>>;

/** The Druten 2020-2021 shape (domain.md §5.3, chart reading): 132 processes, 82 relatief, 22 absoluut, 26 zorg, 2 vrijstelling. */
export function druten(): TableDoc {
  const doc = newTable({
    id: "d",
    name: "Druten",
    region: "midden",
    language: "nl",
    conversation: "d",
    chair: { id: "a", handle: "anna" },
    at,
  });
  let n = 0;
  const add = (count: number, basis: Case["legalBasis"], opened = at, extra: Partial<Case> = {}) => {
    for (let i = 0; i < count; i++)
      doc.cases.push({
        ...blankCase(`C-${++n}`, `L-${String(n).padStart(6, "0")}`, "anna", opened),
        legalBasis: basis,
        schoolType: n <= 68 ? "vo" : "po",
        ...extra,
      });
  };
  add(60, "ongeoorloofd-verzuim", at, { notices: ["wet.meldplicht-16u@2025-08-25"] });
  add(22, "ongeoorloofd-verzuim");
  add(22, "absoluut-verzuim");
  add(26, "toestemming-ouders");
  add(2, "vrijstelling");
  add(103, "ongeoorloofd-verzuim", "2024-10-01T09:00:00.000Z");
  const close = (from: number, count: number, outcome: Outcome) => {
    for (let i = from; i < from + count; i++)
      Object.assign(doc.cases[i] as Case, {
        status: "closed",
        outcome,
        closedAt: "2026-06-01T09:00:00.000Z",
      });
  };
  close(0, 52, "schoolgang-hervat");
  close(52, 9, "verwijzing-zorg");
  close(61, 21, "handhaving");
  close(82, 22, "overig");
  close(104, 25, "handhaving");
  const steps = [...Array(40).fill("waarschuwing"), ...Array(4).fill("halt"), ...Array(2).fill("pv")];
  for (const [i, kind] of steps.entries())
    (doc.cases[i % 82] as Case).interventions.push({
      id: `I-${i + 1}`,
      kind,
      date: "2026-02-02",
      by: "piet",
      at,
      ageBand: "12-15",
      consent: true,
      note: null,
    });
  const home: Array<Outcome | null> = [
    "schoolgang-hervat",
    "schoolgang-hervat",
    "18-jaar",
    "vrijstelling",
    null,
    null,
  ];
  home.forEach((outcome, i) => {
    const c = doc.cases[70 + i] as Case;
    c.signals.push(sig("thuiszitter", "2025-09-15"));
    Object.assign(
      c,
      outcome
        ? { status: "closed", outcome, closedAt: "2026-05-01T09:00:00.000Z" }
        : { status: "open", outcome: null, closedAt: null },
    );
  });
  return doc;
}

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
