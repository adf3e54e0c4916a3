import { type SchoolStatus, schoolStatuses } from "../../src/core/dashboard.ts";
import { formatMonth } from "../../src/core/dates.ts";
import type { SystemSignal } from "../../src/core/model.ts";
import { policyOfTable } from "../../src/core/region.ts";
import { renderChart, renderSvg } from "../../src/infra/chart.ts";
import { csv } from "../../src/infra/csv.ts";
import { dashboardPage } from "../dashboard-page.ts";
import { dashboardSpec, pupils, reasonWords, statusLine, trendSpec } from "../dashboard-render.ts";
import { defineCommand } from "../define.ts";
import { choice } from "../params.ts";
import { num } from "../render.ts";
import type { Block, CommandContext } from "../types.ts";
import { systemSignalLine } from "./systeemsignaal.ts";

/**
 * The tier picture per school (MD-MTSS): the school's own, where its latest month carries one, else the table's
 * cases at that school; each line says which. Counts of pupils under the minimum as `<10`.
 */
function tierPicture(
  ctx: CommandContext,
  statuses: readonly SchoolStatus[],
  fromCases: ReadonlyMap<string, [number, number, number]>,
  min: number,
): string[] {
  const codes = [...new Set([...statuses.map((s) => s.school.code), ...fromCases.keys()])].sort();
  const latest = new Map(statuses.map((s) => [s.school.code, s.latest]));
  return codes.flatMap((school) => {
    const month = latest.get(school);
    const own = month?.tiers && !month.hidden ? month.tiers : null;
    const counts = own ? [own.t1, own.t2, own.t3] : fromCases.get(school);
    if (!counts) return [];
    const [t1 = 0, t2 = 0, t3 = 0] = counts;
    const source = own
      ? ctx.t("dashboard.lagen.school", { month: formatMonth(month?.period ?? "", ctx.lang) })
      : ctx.t("dashboard.lagen.casussen");
    return [
      `${ctx.t("dashboard.lagen.line", { school, t1: pupils(t1, min), t2: pupils(t2, min), t3: pupils(t3, min) })} (${source})`,
    ];
  });
}

/** The page's file and the line its link runs, for the table's view and the region's. */
const PAGE = { table: "scholen-dashboard.html", region: "regio-dashboard.html" } as const;

/** The latest month per school in words, for a chart's text alternative. */
const altOf = (ctx: Pick<CommandContext, "t" | "lang">, statuses: readonly SchoolStatus[], min: number) =>
  ctx.t("dashboard.chart.alt", {
    list: statuses
      .filter((s) => s.latest)
      .map((s) =>
        s.latest?.hidden
          ? `${s.school.code} <${min}`
          : `${s.school.code} ${num(s.latest?.absencePct ?? 0, ctx.lang)} %`,
      )
      .join(", "),
  });

/**
 * The page, made as it is delivered: both charts as SVG only (no picture rasterised) and the page around them.
 * A link to it runs `dashboard pagina`, which makes only this.
 */
function pageBlock(
  ctx: CommandContext,
  input: {
    scope: keyof typeof PAGE;
    table: string;
    min: number;
    statuses: readonly SchoolStatus[];
    open: readonly SystemSignal[];
    tierLines: readonly string[];
  },
): Extract<Block, { type: "stream" }> {
  return {
    type: "stream",
    file: PAGE[input.scope],
    save: true,
    line: input.scope === "region" ? "dashboard regio pagina" : "dashboard pagina",
    write: async (sink) => {
      const [latestSvg, trendSvg] = await Promise.all([
        renderSvg(dashboardSpec(ctx, input.statuses, input.min, input.table)),
        renderSvg(trendSpec(ctx, input.statuses, input.table)),
      ]);
      await sink(
        dashboardPage(ctx, {
          table: input.table,
          min: input.min,
          statuses: input.statuses,
          systemSignals: input.open.map((x) => systemSignalLine(ctx, x)),
          tierLines: input.tierLines,
          latestSvg,
          trendSvg,
          latestAlt: altOf(ctx, input.statuses, input.min),
          trendAlt: ctx.t("dashboard.trend.alt"),
        }),
      );
    },
  };
}

export default defineCommand({
  name: "dashboard",
  aliases: ["scholenoverzicht", "schools-overview"],
  summary: {
    nl: "Welke scholen eerst ondersteuning nodig hebben en waarom, uit de verzuimcijfers; met grafiek, tabel en webpagina",
    en: "Which schools need support first and why, from the absence figures; with a chart, a table and a web page",
  },
  examples: ["dashboard", "dashboard pagina", "dashboard regio", "dashboard regio pagina"],
  files: true,
  params: {
    // `regio`: every table's schools of the region side by side (issue #30), for the chair and leerplicht.
    view: choice({ nl: "Weergave", en: "View" }, ["pagina", "regio"] as const, {
      page: "pagina",
      region: "regio",
    }).opt(),
    page: choice({ nl: "Pagina", en: "Page" }, ["pagina"] as const, { page: "pagina" }).opt(),
  },
  may: (a) => (a.view === "regio" ? "rapport" : null),
  async run(ctx, a) {
    const scope = a.view === "regio" ? "region" : "table";
    const r =
      scope === "region"
        ? await ctx.use.schools.regionView(ctx.tableId, ctx.actor.id)
        : await ctx.use.schools.viewWithTiers(ctx.tableId, ctx.actor.id);
    if (!r.ok) return r;
    const { doc, tiers } = r.value;
    const min = "min" in r.value ? r.value.min : policyOfTable(ctx.region, doc).reportMinimum;
    const statuses = schoolStatuses(doc, min);
    if (statuses.length === 0 || doc.figures.length === 0)
      return { reply: { visibility: "private", blocks: [{ type: "text", text: ctx.t("dashboard.leeg") }] } };
    const open = doc.systemSignals.filter((x) => x.status !== "afgesloten");
    const tierLines = tierPicture(ctx, statuses, tiers, min);
    const page = pageBlock(ctx, { scope, table: doc.table.name, min, statuses, open, tierLines });
    const stem = scope === "region" ? "regio-verzuim" : "scholen-verzuim";
    const title =
      scope === "region"
        ? ctx.t("dashboard.title.regio", { name: doc.table.name, min })
        : ctx.t("dashboard.title", { min });
    if (a.view === "pagina" || a.page === "pagina")
      return { reply: { visibility: "private", title, blocks: [page] } };
    const first = statuses.filter((s) => s.reasons.length > 0);
    const chart = await renderChart(dashboardSpec(ctx, statuses, min, doc.table.name));
    // The chart's text table, also as CSV: a hidden school's figures are not in it either.
    const rows = [
      ctx.t("dashboard.csv.kop").split(";"),
      ...statuses.map((s) => [
        s.school.code,
        s.school.name,
        s.school.kind,
        s.latest ? formatMonth(s.latest.period, ctx.lang) : "",
        s.latest && !s.latest.hidden ? s.latest.absencePct : `<${min}`,
        s.latest && !s.latest.hidden ? s.latest.sickPct : "",
        s.reasons.map((x) => reasonWords(ctx, x, min)).join("; "),
      ]),
    ];
    return {
      reply: {
        visibility: "private",
        title,
        blocks: [
          {
            type: "list",
            title: ctx.t("dashboard.eerst"),
            items: first.length
              ? first.map((s) => statusLine(ctx, s, min))
              : [ctx.t("dashboard.eerst.niemand")],
          },
          {
            type: "list",
            title: ctx.t("dashboard.rest"),
            items: statuses.filter((s) => s.reasons.length === 0).map((s) => statusLine(ctx, s, min)),
          },
          ...(tierLines.length
            ? [{ type: "list" as const, title: ctx.t("dashboard.lagen"), items: tierLines }]
            : []),
          // The bottlenecks across schools still on the policy agenda (FR-13).
          ...(open.length
            ? [
                {
                  type: "list" as const,
                  title: ctx.t("dashboard.systeemsignalen"),
                  items: open.map((x) => systemSignalLine(ctx, x)),
                },
              ]
            : []),
          {
            type: "image",
            png: chart.png.toString("base64"),
            svg: chart.svg,
            preview: chart.preview.toString("base64"),
            alt: altOf(ctx, statuses, min),
            file: `${stem}.png`,
          },
          { type: "code", text: csv(rows, ctx.lang), file: `${stem}.csv`, save: true },
          page,
        ],
      },
    };
  },
});
