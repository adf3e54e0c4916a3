import type { AnnualFigures } from "../src/core/report.ts";
import { PROCESS_TYPES } from "../src/core/report.ts";
import { type Shown, suppressGroup } from "../src/core/suppress.ts";
import { isMessageKey } from "../src/i18n/index.ts";
import { png } from "../src/infra/png.ts";
import type { Block, CommandContext } from "./types.ts";

type Words = Pick<CommandContext, "t" | "lang">;
const COLORS: Array<[number, number, number]> = [
  [31, 94, 140],
  [214, 120, 40],
  [70, 150, 90],
  [150, 90, 160],
];

const change = (now: number, before: number) =>
  before === 0 ? "–" : `${now >= before ? "+" : ""}${(((now - before) / before) * 100).toFixed(1)} %`;

/**
 * The chart: per process type a bar for this year (full colour) above one for the year before (pale), scaled to
 * the largest. Suppressed counts are drawn at the threshold, so the picture reveals no more than the table.
 */
export function chart(
  current: Record<string, Shown>,
  previous: Record<string, Shown>,
  minimum: number,
): Buffer {
  const value = (v: Shown) => (typeof v === "number" ? v : minimum);
  const max = Math.max(1, ...PROCESS_TYPES.flatMap((k) => [value(current[k] ?? 0), value(previous[k] ?? 0)]));
  const width = 480;
  const rowHeight = 44;
  const height = PROCESS_TYPES.length * rowHeight + 16;
  return png(width, height, (x, y) => {
    const row = Math.floor((y - 8) / rowHeight);
    const inRow = (y - 8) % rowHeight;
    const key = PROCESS_TYPES[row];
    if (key === undefined || x < 12) return [255, 255, 255, 255];
    const [r, g, b] = COLORS[row] as [number, number, number];
    const bar = (v: Shown) => 12 + Math.round(((width - 24) * value(v)) / max);
    if (inRow >= 4 && inRow < 20 && x < bar(current[key] ?? 0)) return [r, g, b, 255];
    if (inRow >= 22 && inRow < 34 && x < bar(previous[key] ?? 0))
      return [(r + 510) / 3, (g + 510) / 3, (b + 510) / 3, 255];
    return [255, 255, 255, 255];
  });
}

function label(w: Words, group: string, k: string): string {
  const key =
    group === "processen"
      ? `report.type.${k}`
      : group === "interventies"
        ? `intervention.${k}`
        : group === "schooltype"
          ? ""
          : k === "lopend"
            ? "report.lopend"
            : `outcome.${k}`;
  return isMessageKey(key) ? w.t(key) : k.toUpperCase();
}

/** The report with every count suppressed below the table's minimum: summary, CSV and chart. */
export function reportBlocks(
  w: Words,
  now: AnnualFigures,
  before: AnnualFigures,
  pupils: number,
  minimum: number,
): Block[] {
  const groups: Array<[string, Record<string, number>, Record<string, number> | null]> = [
    ["processen", now.processes, before.processes],
    ["schooltype", now.schoolTypes, null],
    ["uitstroom", now.outflow, null],
    ["interventies", now.interventions, null],
    ["thuiszitters", now.thuiszitters, null],
  ];
  const lines: string[] = [];
  const csv = ["groep,categorie,aantal,vorig schooljaar,verandering"];
  const shownNow: Record<string, Shown> = {};
  const shownBefore: Record<string, Shown> = {};
  for (const [group, cells, previous] of groups) {
    const s = suppressGroup(cells, minimum);
    const p = previous ? suppressGroup(previous, minimum) : null;
    const parts = Object.entries(s.cells)
      .filter(([k]) => (cells[k] ?? 0) > 0 || group === "processen")
      .map(([k, v]) => {
        const was = p?.cells[k];
        const delta = typeof v === "number" && typeof was === "number" ? ` (${change(v, was)})` : "";
        csv.push(
          [
            group,
            k,
            v,
            was ?? "",
            typeof v === "number" && typeof was === "number" ? change(v, was) : "",
          ].join(","),
        );
        return `${label(w, group, k)} ${v}${delta}`;
      });
    if (group === "processen") {
      Object.assign(shownNow, s.cells);
      Object.assign(shownBefore, p?.cells ?? {});
    }
    const totalChange =
      p && typeof s.total === "number" && typeof p.total === "number" ? `, ${change(s.total, p.total)}` : "";
    lines.push(
      `${w.t(`report.group.${group}` as never)} (${w.t("report.total")} ${s.total}${totalChange}): ${parts.join(", ") || "–"}`,
    );
  }
  const total = suppressGroup({ total: now.total }, minimum).total;
  if (pupils > 0 && typeof total === "number")
    lines.push(w.t("report.share", { pct: ((100 * now.total) / pupils).toFixed(1), pupils }));
  const below = suppressGroup(now.belowThreshold, minimum).cells;
  lines.push(
    w.t("report.below", {
      processes: below.processes ?? 0,
      consultations: below.consultations ?? 0,
      meetings: below.meetings ?? 0,
    }),
  );
  lines.push(w.t("report.telling", { n: suppressGroup({ n: now.leerplichttelling }, minimum).cells.n ?? 0 }));
  const alt = PROCESS_TYPES.map((k) => `${k} ${shownNow[k]} (${shownBefore[k] ?? "–"})`).join(", ");
  return [
    { type: "list", items: lines },
    {
      type: "image",
      png: chart(shownNow, shownBefore, minimum).toString("base64"),
      alt: w.t("report.chart", { alt }),
      file: `rapport-${now.year.label}.png`,
    },
    { type: "code", text: csv.join("\n"), file: `rapport-${now.year.label}.csv` },
  ];
}
