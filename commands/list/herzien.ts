import { formatDate } from "../../src/core/dates.ts";
import { defineCommand } from "../define.ts";
import { caseId, date } from "../params.ts";
import { tableReply } from "../render.ts";

export default defineCommand({
  name: "herzien",
  aliases: ["review"],
  summary: {
    nl: "Zet een herziendatum: vanaf dan staat de casus op de agenda",
    en: "Set a review date: from then the case is on the agenda",
  },
  examples: ["herzien C-3 over 6 weken", "herzien C-3 15-1-2027"],
  params: { id: caseId(), on: date({ nl: "Datum", en: "Date" }, "future") },
  async run(ctx, a) {
    const r = await ctx.use.meetings.review(ctx.tableId, ctx.actor.id, a.id, a.on);
    if (!r.ok) return r;
    return { reply: tableReply(ctx.t("reply.herzien", { id: a.id, date: formatDate(a.on, ctx.lang) })) };
  },
});
