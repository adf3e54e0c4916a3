import { schoolYear, schoolYearOf } from "../../src/core/report.ts";
import { defineCommand } from "../define.ts";
import { param } from "../params.ts";
import { reportBlocks } from "../report-render.ts";

const yearParam = () =>
  param<string>({
    label: { nl: "Schooljaar", en: "School year" },
    usage: "<schooljaar>",
    read: (tokens) => (tokens[0] ? { value: tokens[0].text, used: 1 } : null),
  });

export default defineCommand({
  name: "rapport",
  files: true,
  aliases: ["report"],
  summary: {
    nl: "Jaarverslag leerplicht: werkprocessen, schooltype, uitstroom, interventies, thuiszitters, leerplichttelling; met grafiek en CSV",
    en: "Annual report: processes, school type, outflow, interventions, thuiszitters, leerplichttelling; with a chart and CSV",
  },
  examples: ["rapport", "rapport 2025-2026", "beleid leerlingen.aantal=2699 rapport.minimum=10"],
  may: "rapport",
  params: { year: yearParam().opt() },
  async run(ctx, a) {
    const year = schoolYear(a.year ?? schoolYearOf(ctx.today));
    if (!year) return { error: { code: "schooljaar-onbekend", params: {} } };
    const r = await ctx.use.records.report(ctx.tableId, ctx.actor.id, year);
    if (!r.ok) return r;
    const { current, previous, pupils, minimum } = r.value;
    const report = await reportBlocks(ctx, current, previous, { pupils, minimum, table: ctx.tableName });
    // Published only when no hidden count can be worked out from it (the disclosure check).
    if ("leaks" in report)
      return { error: { code: "rapport-onthult", params: { cells: report.leaks.join(", ") } } };
    return {
      reply: {
        visibility: "private",
        title: ctx.t("report.title", { year: year.label, min: minimum }),
        blocks: report.blocks,
      },
    };
  },
});
