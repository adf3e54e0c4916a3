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

const PAGE = "scholen-dashboard.html";

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
    table: string;
    min: number;
    statuses: readonly SchoolStatus[];
    open: readonly SystemSignal[];
    tierLines: readonly string[];
  },
): Extract<Block, { type: "stream" }> {
  return {
    type: "stream",
    file: PAGE,
    save: true,
    line: "dashboard pagina",
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
  examples: ["dashboard", "dashboard pagina"],
  files: true,
  params: { view: choice({ nl: "Weergave", en: "View" }, ["pagina"] as const, { page: "pagina" }).opt() },
  async run(ctx, a) {
    const r = await ctx.use.schools.viewWithTiers(ctx.tableId, ctx.actor.id);
    if (!r.ok) return r;
    const { doc, tiers } = r.value;
    const min = policyOfTable(ctx.region, doc).reportMinimum;
    const statuses = schoolStatuses(doc, min);
    if (statuses.length === 0 || doc.figures.length === 0)
      return { reply: { visibility: "private", blocks: [{ type: "text", text: ctx.t("dashboard.leeg") }] } };
    const open = doc.systemSignals.filter((x) => x.status !== "afgesloten");
    // The tier picture from the table's own cases, labelled so: counts of pupils under the minimum as `<10`.
    const tierLines = [...tiers]
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([school, [t1, t2, t3]]) =>
        ctx.t("dashboard.lagen.line", {
          school,
          t1: pupils(t1, min),
          t2: pupils(t2, min),
          t3: pupils(t3, min),
        }),
      );
    const page = pageBlock(ctx, { table: doc.table.name, min, statuses, open, tierLines });
    if (a.view === "pagina")
      return { reply: { visibility: "private", title: ctx.t("dashboard.title", { min }), blocks: [page] } };
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
        title: ctx.t("dashboard.title", { min }),
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
            file: "scholen-verzuim.png",
          },
          { type: "code", text: csv(rows, ctx.lang), file: "scholen-verzuim.csv", save: true },
          page,
        ],
      },
    };
  },
});
