import { formatDate } from "../../src/core/dates.ts";
import { defineCommand } from "../define.ts";
import { date } from "../params.ts";
import { tableReply } from "../render.ts";

export default defineCommand({
  name: "vrije-dag",
  aliases: ["day-off"],
  summary: {
    nl: "Zet een vrije dag in de kalender van deze tafel",
    en: "Add a day off to this table's calendar",
  },
  examples: ["vrije-dag 2026-12-18", "vrije-dag vrijdag"],
  may: "tafel-inrichten",
  params: { day: date({ nl: "Datum", en: "Date" }, "future") },
  async run(ctx, a) {
    const r = await ctx.use.rules.addFreeDay(ctx.tableId, ctx.actor.id, a.day);
    if (!r.ok) return r;
    return { reply: tableReply(ctx.t("reply.vrije-dag", { date: formatDate(a.day, ctx.lang) })) };
  },
});
