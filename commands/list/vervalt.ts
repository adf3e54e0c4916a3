import { defineCommand } from "../define.ts";
import { actionId } from "../params.ts";
import { tableReply } from "../render.ts";

export default defineCommand({
  name: "vervalt",
  aliases: ["cancel"],
  summary: { nl: "Laat een afspraak vervallen", en: "Cancel an agreement" },
  examples: ["vervalt A-4"],
  params: { id: actionId() },
  async run(ctx, a) {
    const r = await ctx.use.work.finishAction(ctx.tableId, ctx.actor.id, a.id, "cancelled");
    if (!r.ok) return r;
    return { reply: tableReply(ctx.t("reply.vervalt", { id: a.id })) };
  },
});
