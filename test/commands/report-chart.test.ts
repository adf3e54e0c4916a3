import { describe, expect, it } from "vitest";
import { chartSpec } from "../../commands/report-chart.ts";
import type { ProcessType } from "../../src/core/report.ts";
import type { Shown } from "../../src/core/suppress.ts";
import { translator } from "../../src/i18n/index.ts";
import { renderChart } from "../../src/infra/chart.ts";

const input = {
  table: "Triage Druten",
  year: "2025-2026",
  previousYear: "2024-2025",
  now: new Map<ProcessType, Shown>([
    ["relatief", 1282],
    ["absoluut", 22],
    ["zorg", "×"],
    ["vrijstelling", "<10"],
  ]),
  before: new Map<ProcessType, Shown>([
    ["relatief", 103],
    ["absoluut", 0],
    ["zorg", 31],
    ["vrijstelling", 0],
  ]),
  min: 10,
};

describe("the report's chart", () => {
  it("keeps its Vega-Lite specification", async () => {
    const spec = chartSpec({ t: translator("nl"), lang: "nl" }, input);
    await expect(JSON.stringify(spec, null, 2)).toMatchFileSnapshot("../fixtures/report-chart.vl.json");
  });

  it("renders a PNG wide enough to print and an SVG with the title, the categories and the values", async () => {
    const { png, svg } = await renderChart(chartSpec({ t: translator("nl"), lang: "nl" }, input));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1600);
    for (const text of [
      "Werkprocessen leerplicht, schooljaar 2025-2026",
      "Tafel Triage Druten, vergeleken met schooljaar 2024-2025",
      "relatief verzuim",
      "zorg, bemiddeling en advies",
      "1.282", // a Dutch thousands point
      "103",
      "×",
      "&lt;10",
      "Bron: Tafel, tafel Triage Druten, schooljaar 2025-2026",
    ])
      expect(svg).toContain(text);
  });
});
