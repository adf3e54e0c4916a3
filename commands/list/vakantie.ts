import { formatDate } from "../../src/core/dates.ts";
import { defineCommand } from "../define.ts";
import { period, text } from "../params.ts";
import { tableReply } from "../render.ts";

export default defineCommand({
  name: "vakantie",
  aliases: ["holiday"],
  summary: {
    nl: "Zet een eigen vakantie of studieweek in de kalender van deze tafel",
    en: "Add a holiday or study week of this table's own to its calendar",
  },
  examples: ['vakantie 26-10-2026..30-10-2026 "Studieweek"', "vakantie 2027-02-15..2027-02-19"],
  may: "tafel-inrichten",
  params: {
    span: period({ nl: "Periode", en: "Period" }, "future"),
    name: text({ nl: "Naam", en: "Name" }, '["naam"]', 60).opt(),
  },
  async run(ctx, a) {
    const name = a.name ?? "vakantie";
    const r = await ctx.use.rules.addHoliday(ctx.tableId, ctx.actor.id, a.span.from, a.span.to, name);
    if (!r.ok) return r;
    return {
      reply: tableReply(
        ctx.t("reply.vakantie", {
          name,
          from: formatDate(a.span.from, ctx.lang),
          to: formatDate(a.span.to, ctx.lang),
        }),
      ),
    };
  },
});
