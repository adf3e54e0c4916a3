import { schoolStatuses } from "../../src/core/dashboard.ts";
import { formatMonth } from "../../src/core/dates.ts";
import { policyOf } from "../../src/core/rules/policy.ts";
import { renderChart } from "../../src/infra/chart.ts";
import { csv } from "../../src/infra/csv.ts";
import { dashboardPage } from "../dashboard-page.ts";
import { dashboardSpec, reasonWords, statusLine, trendSpec } from "../dashboard-render.ts";
import { defineCommand } from "../define.ts";
import { num } from "../render.ts";

export default defineCommand({
  name: "dashboard",
  aliases: ["scholenoverzicht", "schools-overview"],
  summary: {
    nl: "Welke scholen eerst ondersteuning nodig hebben en waarom, uit de verzuimcijfers; met grafiek en tabel",
    en: "Which schools need support first and why, from the absence figures; with a chart and a table",
  },
  examples: ["dashboard"],
  files: true,
  params: {},
  async run(ctx) {
    const r = await ctx.use.schools.view(ctx.tableId, ctx.actor.id);
    if (!r.ok) return r;
    const doc = r.value;
    const min = policyOf(doc.policy).reportMinimum;
    const statuses = schoolStatuses(doc, min);
    if (statuses.length === 0 || doc.figures.length === 0)
      return { reply: { visibility: "private", blocks: [{ type: "text", text: ctx.t("dashboard.leeg") }] } };
    const first = statuses.filter((s) => s.reasons.length > 0);
    const [chart, trend] = await Promise.all([
      renderChart(dashboardSpec(ctx, statuses, min, doc.table.name)),
      renderChart(trendSpec(ctx, statuses, doc.table.name)),
    ]);
    const alt = ctx.t("dashboard.chart.alt", {
      list: statuses
        .filter((s) => s.latest)
        .map((s) =>
          s.latest?.hidden
            ? `${s.school.code} <${min}`
            : `${s.school.code} ${num(s.latest?.absencePct ?? 0, ctx.lang)} %`,
        )
        .join(", "),
    });
    // The page: the same figures, charts and reasons as a web page, opened through a signed, expiring link.
    const page = dashboardPage(ctx, {
      table: doc.table.name,
      min,
      statuses,
      latestSvg: chart.svg,
      trendSvg: trend.svg,
      latestAlt: alt,
      trendAlt: ctx.t("dashboard.trend.alt"),
    });
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
          {
            type: "image",
            png: chart.png.toString("base64"),
            svg: chart.svg,
            preview: chart.preview.toString("base64"),
            alt,
            file: "scholen-verzuim.png",
          },
          { type: "code", text: csv(rows, ctx.lang), file: "scholen-verzuim.csv", save: true },
          { type: "code", text: page, file: "scholen-dashboard.html", save: true },
        ],
      },
    };
  },
});
