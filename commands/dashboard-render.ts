import type { TopLevelSpec } from "vega-lite";
import type { SchoolStatus, SupportReason } from "../src/core/dashboard.ts";
import { formatMonth } from "../src/core/dates.ts";
import { CHART_FONT } from "../src/infra/chart.ts";
import { num } from "./render.ts";
import type { CommandContext } from "./types.ts";

type Words = Pick<CommandContext, "t" | "lang">;

/** What both dashboard charts share: title, font, sizes, as the annual report's chart has them. */
const frame = (title: string, table: string) => ({
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  title: { text: title, subtitle: table, anchor: "start" as const, fontSize: 20 },
  config: {
    font: CHART_FONT,
    axis: { labelFontSize: 13, titleFontSize: 13 },
    legend: { labelFontSize: 13, titleFontSize: 13 },
    view: { stroke: null },
  },
  width: 900,
  height: 360,
});

/**
 * A count of pupils as published: under the table's minimum as `<10` (0 stays 0), as the annual report does. The
 * one rule for the school layer's counts (figures, reasons, tiers).
 */
export const pupils = (n: number, min: number) => (n > 0 && n < min ? `<${min}` : String(n));

/** A reason in the words of the dashboard and the officer's notice; counts of pupils under `min` hidden. */
export function reasonWords(w: Words, r: SupportReason, min: number): string {
  switch (r.kind) {
    case "stijgend":
      return w.t("dashboard.reden.stijgend", { from: num(r.from, w.lang), to: num(r.to, w.lang) });
    case "hoog":
      return w.t("dashboard.reden.hoog", { pct: num(r.pct, w.lang), median: num(r.median, w.lang) });
    case "laag":
      return w.t("dashboard.reden.laag", { pct: num(r.pct, w.lang), median: num(r.median, w.lang) });
    case "langdurig":
      return w.t("dashboard.reden.langdurig", { from: pupils(r.from, min), to: pupils(r.to, min) });
    case "ontbreekt":
      return w.t("dashboard.reden.ontbreekt", { month: formatMonth(r.period, w.lang) });
    case "mismatch":
      return w.t("dashboard.reden.mismatch", {
        cases: pupils(r.cases, min),
        month: formatMonth(r.period, w.lang),
      });
  }
}

/** One school's line: its latest month, shown or hidden, and why it needs support. */
export function statusLine(w: Words, s: SchoolStatus, min: number): string {
  const head = `${s.school.code} ${s.school.name} (${s.school.kind})`;
  const figures = !s.latest
    ? w.t("dashboard.geen-cijfers")
    : s.latest.hidden
      ? w.t("dashboard.verborgen", { month: formatMonth(s.latest.period, w.lang), min })
      : w.t("dashboard.cijfers", {
          month: formatMonth(s.latest.period, w.lang),
          absence: num(s.latest.absencePct, w.lang),
          sick: num(s.latest.sickPct, w.lang),
        });
  const why = s.reasons.map((r) => reasonWords(w, r, min)).join("; ");
  return `${head}: ${figures}${why ? ` — ${why}` : ""}`;
}

/**
 * The dashboard's chart: absence as a share of lesson hours per school in its latest month, the sick part and
 * the rest stacked. A school under the small-cell minimum has no bar, only its mark, never a value.
 */
export function dashboardSpec(
  w: Words,
  statuses: readonly SchoolStatus[],
  min: number,
  table: string,
): TopLevelSpec {
  const rows = statuses.flatMap((s) => {
    const l = s.latest;
    if (!l) return [];
    if (l.hidden) return [{ school: s.school.code, deel: w.t("dashboard.chart.verborgen", { min }), pct: 0 }];
    const sick = Math.round(l.absencePct * l.sickPct) / 100;
    return [
      { school: s.school.code, deel: w.t("dashboard.chart.ziek"), pct: sick },
      {
        school: s.school.code,
        deel: w.t("dashboard.chart.overig"),
        pct: Math.round((l.absencePct - sick) * 10) / 10,
      },
    ];
  });
  return {
    ...frame(w.t("dashboard.chart.title"), table),
    data: { values: rows },
    mark: { type: "bar" },
    encoding: {
      x: { field: "school", type: "nominal", title: w.t("dashboard.chart.school"), sort: null },
      y: { field: "pct", type: "quantitative", stack: "zero", title: w.t("dashboard.chart.pct") },
      color: { field: "deel", type: "nominal", title: w.t("dashboard.chart.deel") },
    },
  };
}

/** Lines a trend chart can hold and still be read: the schools that need support first, beside the middle. */
const TREND_SCHOOLS = 8;

/**
 * The trend through the school year: the middle of all schools shown per month, and a line for each of the first
 * schools that need support (the table below the chart has every school); hidden months left out.
 */
export function trendSpec(w: Words, statuses: readonly SchoolStatus[], table: string): TopLevelSpec {
  const shown = statuses.flatMap((s) => s.months.filter((m) => !m.hidden));
  const middle = [...Map.groupBy(shown, (m) => m.period)].map(([period, list]) => {
    const pcts = list.map((m) => m.absencePct).sort((a, b) => a - b);
    const mid = Math.floor(pcts.length / 2);
    const pct =
      pcts.length % 2 ? (pcts[mid] as number) : ((pcts[mid - 1] as number) + (pcts[mid] as number)) / 2;
    return { school: w.t("dashboard.trend.midden"), maand: formatMonth(period, w.lang), period, pct };
  });
  const first = statuses.filter((s) => s.reasons.length > 0).slice(0, TREND_SCHOOLS);
  const rows = [
    ...middle,
    ...first.flatMap((s) =>
      s.months
        .filter((m) => !m.hidden)
        .map((m) => ({
          school: s.school.code,
          maand: formatMonth(m.period, w.lang),
          period: m.period,
          pct: m.absencePct,
        })),
    ),
  ];
  return {
    ...frame(w.t("dashboard.trend.title"), table),
    data: { values: rows },
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "maand", type: "ordinal", title: w.t("dashboard.trend.maand"), sort: { field: "period" } },
      y: { field: "pct", type: "quantitative", title: w.t("dashboard.chart.pct") },
      color: { field: "school", type: "nominal", title: w.t("dashboard.chart.school") },
    },
  };
}
