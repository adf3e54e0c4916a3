import { formatDate } from "../../src/core/dates.ts";
import { defineCommand } from "../define.ts";
import { actionId, date } from "../params.ts";
import { tableReply } from "../render.ts";

export default defineCommand({
  name: "uitstel",
  aliases: ["postpone"],
  summary: { nl: "Stel een afspraak uit tot een nieuwe datum", en: "Postpone an agreement to a new date" },
  examples: ["uitstel A-4 vrijdag", "uitstel A-4 over 1 week"],
  params: { id: actionId(), to: date({ nl: "Nieuwe datum", en: "New date" }, "future") },
  async run(ctx, a) {
    const r = await ctx.use.meetings.postpone(ctx.tableId, ctx.actor.id, a.id, a.to);
    if (!r.ok) return r;
    return { reply: tableReply(ctx.t("reply.uitstel", { id: a.id, date: formatDate(a.to, ctx.lang) })) };
  },
});
