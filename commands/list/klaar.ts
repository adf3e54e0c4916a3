import { defineCommand } from "../define.ts";
import { actionId } from "../params.ts";
import { tableReply } from "../render.ts";

export default defineCommand({
  name: "klaar",
  aliases: ["done"],
  summary: { nl: "Markeer een afspraak als klaar", en: "Mark an agreement as done" },
  examples: ["klaar A-4"],
  params: { id: actionId() },
  async run(ctx, a) {
    const r = await ctx.use.work.finishAction(ctx.tableId, ctx.actor.id, a.id, "done");
    if (!r.ok) return r;
    return { reply: tableReply(ctx.t("reply.klaar", { id: a.id })) };
  },
});
