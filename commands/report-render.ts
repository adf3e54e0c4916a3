import { EXEMPTION_GROUNDS, INTERVENTIONS, MAS_ROUTES, OUTCOMES } from "../src/core/model.ts";
import { ROUTES, SLOT_RESULTS } from "../src/core/protocol-lists.ts";
import { type AnnualFigures, PROCESS_TYPES, type ProcessType } from "../src/core/report.ts";
import { reportTable } from "../src/core/report-table.ts";
import { type Shown, suppress } from "../src/core/suppress.ts";
import { renderChart } from "../src/infra/chart.ts";
import { type CsvCell, csv } from "../src/infra/csv.ts";
import { chartSpec } from "./report-chart.ts";
import type { Block, CommandContext } from "./types.ts";

type Words = Pick<CommandContext, "t" | "lang">;

const KEY_OF: ReadonlyMap<string, string> = new Map([
  ...PROCESS_TYPES.map((k) => [`processen.${k}`, `report.type.${k}`] as const),
  ...PROCESS_TYPES.map((k) => [`vorig.${k}`, `report.type.${k}`] as const),
  ...OUTCOMES.flatMap((k) => [
    [`uitstroom.${k}`, `outcome.${k}`] as const,
    [`thuiszitters.${k}`, `outcome.${k}`] as const,
  ]),
  ...INTERVENTIONS.map((k) => [`interventies.${k}`, `intervention.${k}`] as const),
  ["thuiszitters.lopend", "report.lopend"],
  ...EXEMPTION_GROUNDS.map((k) => [`vrijstellingen.${k}`, `exemption.${k}`] as const),
  ["telling.relatief", "report.telling.relatief"],
  ["schooltype.onbekend", "report.onbekend"],
  ...ROUTES.map((k) => [`routes.${k}`, `route.${k}`] as const),
  ...SLOT_RESULTS.map((k) => [`spreekuur.${k}`, `slotresult.${k}`] as const),
  ["spreekuur.open", "report.spreekuur.open"],
  ...MAS_ROUTES.map((k) => [`masroutes.${k}`, `masroute.${k}`] as const),
]);

const name = (w: Words, cell: string) => {
  const key = KEY_OF.get(cell);
  return key ? w.t(key as never) : (cell.split(".").at(-1) ?? cell).toUpperCase();
};

/** A share or a change as a Dutch reader writes it: "+28,2%", "4,9%". */
const percent = (lang: "nl" | "en", fraction: number, signed = false) =>
  new Intl.NumberFormat(lang === "nl" ? "nl-NL" : "en-GB", {
    style: "percent",
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    ...(signed ? { signDisplay: "exceptZero" } : {}),
  } as Intl.NumberFormatOptions).format(fraction);

const changeOf = (now: Shown | undefined, before: Shown | undefined) =>
  typeof now === "number" && typeof before === "number" && before > 0 ? (now - before) / before : null;

/**
 * The report as published: every count suppressed below the table's minimum and, where a published sum would
 * give a hidden count away, complemented until none can be worked out (the disclosure check over the report's
 * relations). Refused when that cannot be reached. A summary, a CSV and a chart (PNG with its SVG).
 */
export async function reportBlocks(
  w: Words,
  now: AnnualFigures,
  before: AnnualFigures,
  opts: { pupils: number; minimum: number; table: string },
): Promise<{ blocks: Block[] } | { leaks: string[] }> {
  const { values, groups, relations } = reportTable(now, before);
  const { shown, leaks } = suppress(values, relations, opts.minimum);
  if (leaks.length > 0) return { leaks };
  const show = (id: string) => shown.get(id) ?? 0;
  const lines: string[] = [];
  const rows: CsvCell[][] = [
    [w.t("report.csv.marks", { min: opts.minimum })],
    [
      w.t("report.csv.group"),
      w.t("report.csv.category"),
      w.t("report.csv.count"),
      w.t("report.csv.previous"),
      w.t("report.csv.change"),
    ],
  ];
  for (const g of groups.filter((x) => x.id !== "vorig" && x.id !== "telling")) {
    const parts = g.cells
      .filter((c) => (values.get(c) ?? 0) > 0 || g.id === "processen")
      .map((c) => {
        const previous = g.id === "processen" ? show(c.replace("processen.", "vorig.")) : undefined;
        const change = changeOf(show(c), previous);
        rows.push([
          g.id,
          c.split(".").at(-1) as string,
          show(c),
          previous ?? null,
          change === null ? null : Math.round(change * 1000) / 10,
        ]);
        return `${name(w, c)} ${show(c)}${change === null ? "" : ` (${percent(w.lang, change, true)})`}`;
      });
    const totalChange = g.id === "processen" ? changeOf(show(g.total), show("vorig.totaal")) : null;
    const total = `${w.t("report.total")} ${show(g.total)}${totalChange === null ? "" : `, ${percent(w.lang, totalChange, true)}`}`;
    lines.push(`${w.t(`report.group.${g.id}` as never)} (${total}): ${parts.join(", ") || "–"}`);
  }
  const total = show("processen.totaal");
  if (opts.pupils > 0 && typeof total === "number")
    lines.push(w.t("report.share", { pct: percent(w.lang, total / opts.pupils), pupils: opts.pupils }));
  lines.push(
    w.t("report.telling", {
      n: show("telling.totaal"),
      relatief: show("telling.relatief"),
      absoluut: show("processen.absoluut"),
      overig: show("overig.verzuim"),
    }),
    w.t("report.below", { consultations: show("onder.consultaties"), meetings: show("onder.overleggen") }),
    w.t("report.school", { ...now.schoolWork }),
    w.t("report.mas-r6", { n: show("masroutes.R6") }),
    w.t("report.thuisziek", { n: show("thuisziek.leerlingen") }),
    // Hours and places hold no pupils: counted as they are; the outcomes above are suppressed as cases are.
    ...(now.consultation.slots + now.consultation.waitingNow > 0
      ? [
          w.t(now.consultation.waitedDays === null ? "report.spreekuur" : "report.spreekuur.wacht", {
            slots: now.consultation.slots,
            places: now.consultation.places,
            days: now.consultation.waitedDays ?? 0,
            waiting: show("spreekuur.wachtend"),
          }),
        ]
      : []),
    w.t("report.csv.marks", { min: opts.minimum }),
  );
  rows.push(
    ["masroutes", "R6", show("masroutes.R6"), null, null],
    ["thuisziek", "leerlingen", show("thuisziek.leerlingen"), null, null],
    ["spreekuur", "uren", now.consultation.slots, null, null],
    ["spreekuur", "plaatsen", now.consultation.places, null, null],
    ["spreekuur", "wachtdagen", now.consultation.waitedDays, null, null],
    ["spreekuur", "wachtend", show("spreekuur.wachtend"), null, null],
  );
  // Leerplicht's own school-level work holds no pupils: counted as it is, beside the suppressed case figures.
  for (const [key, n] of Object.entries(now.schoolWork)) rows.push(["school", key, n, null, null]);
  for (const id of [
    "telling.relatief",
    "telling.totaal",
    "overig.verzuim",
    "onder.consultaties",
    "onder.overleggen",
  ])
    rows.push([id.split(".")[0] as string, id.split(".")[1] as string, show(id), null, null]);

  const previousYear = before.year.label;
  const byType = (prefix: string) =>
    new Map(PROCESS_TYPES.map((k) => [k, show(`${prefix}.${k}`)] as [ProcessType, Shown]));
  const chart = await renderChart(
    chartSpec(w, {
      table: opts.table,
      year: now.year.label,
      previousYear,
      now: byType("processen"),
      before: byType("vorig"),
      min: opts.minimum,
    }),
  );
  const alt = PROCESS_TYPES.map(
    (k) => `${w.t(`report.type.${k}`)} ${show(`processen.${k}`)} (${show(`vorig.${k}`)})`,
  ).join(", ");
  return {
    blocks: [
      { type: "list", items: lines },
      {
        type: "image",
        png: chart.png.toString("base64"),
        svg: chart.svg,
        preview: chart.preview.toString("base64"),
        alt: w.t("report.chart", { alt, year: now.year.label, previous: previousYear }),
        file: `rapport-${now.year.label}.png`,
      },
      { type: "code", text: csv(rows, w.lang), file: `rapport-${now.year.label}.csv`, save: true },
    ],
  };
}
