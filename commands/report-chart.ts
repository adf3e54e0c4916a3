import type { TopLevelSpec } from "vega-lite";
import { PROCESS_TYPES, type ProcessType } from "../src/core/report.ts";
import type { Shown } from "../src/core/suppress.ts";
import { CHART_FONT } from "../src/infra/chart.ts";
import type { CommandContext } from "./types.ts";

type Words = Pick<CommandContext, "t" | "lang">;

/** Vega's number locale: a decimal comma and a thousands point in Dutch. */
const LOCALE = {
  nl: { decimal: ",", thousands: ".", grouping: [3], currency: ["€ ", ""] },
  en: { decimal: ".", thousands: ",", grouping: [3], currency: ["€", ""] },
} as const;

export interface ChartInput {
  table: string;
  year: string;
  previousYear: string;
  now: ReadonlyMap<ProcessType, Shown>;
  before: ReadonlyMap<ProcessType, Shown>;
  min: number;
}

/**
 * The annual report's chart for a council: per kind of work process a bar for this school year beside one for
 * the year before, the value on each bar, a legend, the source and what the marks mean. A hidden count has no
 * bar, only its mark ("<10", "×"): it is never drawn at the threshold or any other value.
 */
export function chartSpec(w: Words, input: ChartInput): TopLevelSpec {
  const rows = PROCESS_TYPES.flatMap((k) =>
    (
      [
        [input.year, input.now.get(k)],
        [input.previousYear, input.before.get(k)],
      ] as const
    ).map(([year, shown]) => ({
      soort: w.t(`report.type.${k}`),
      jaar: year,
      n: typeof shown === "number" ? shown : null,
      label: typeof shown === "number" ? new Intl.NumberFormat(w.lang).format(shown) : (shown ?? "–"),
    })),
  );
  const footnotes = [
    w.t("report.chart.source", { table: input.table, year: input.year }),
    w.t("report.chart.marks", { min: input.min }),
  ];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: w.t("report.chart.title", { year: input.year }),
      subtitle: w.t("report.chart.subtitle", { table: input.table, previous: input.previousYear }),
      anchor: "start",
      fontSize: 20,
    },
    config: {
      font: CHART_FONT,
      locale: { number: LOCALE[w.lang] as never },
      axis: { labelFontSize: 13, titleFontSize: 13 },
      legend: { labelFontSize: 13, titleFontSize: 13 },
      view: { stroke: null },
    },
    vconcat: [
      {
        width: 900,
        height: 360,
        data: { values: rows },
        encoding: {
          y: { field: "soort", type: "nominal", sort: null, title: null, axis: { labelLimit: 320 } },
          yOffset: { field: "jaar", sort: [input.year, input.previousYear] },
          x: {
            field: "n",
            type: "quantitative",
            title: w.t("report.chart.axis"),
            axis: { format: "d", tickMinStep: 1 },
          },
          color: {
            field: "jaar",
            type: "nominal",
            title: w.t("report.chart.legend"),
            sort: [input.year, input.previousYear],
            scale: { range: ["#1f5e8c", "#9fc3de"] },
          },
        },
        layer: [
          { mark: { type: "bar", height: { band: 0.45 } } },
          {
            // The value sits after its bar; a hidden count, with no bar, has its mark at the axis.
            transform: [{ calculate: "datum.n === null ? 0 : datum.n", as: "at" }],
            mark: { type: "text", align: "left", dx: 6, fontSize: 13 },
            encoding: {
              x: { field: "at", type: "quantitative" },
              text: { field: "label" },
              color: { value: "#222222" },
            },
          },
        ],
      },
      {
        width: 900,
        height: footnotes.length * 18,
        data: { values: footnotes.map((text, i) => ({ text, i })) },
        mark: { type: "text", align: "left", baseline: "top", fontSize: 12, color: "#444444" },
        encoding: {
          x: { value: 0 },
          y: { field: "i", type: "ordinal", axis: null },
          text: { field: "text" },
        },
      },
    ],
  };
}
