import { defineCommand } from "../define.ts";
import { caseId } from "../params.ts";
import { tableReply } from "../render.ts";

export default defineCommand({
  name: "heropen",
  aliases: ["reopen"],
  summary: { nl: "Heropen een gesloten casus", en: "Reopen a closed case" },
  examples: ["heropen C-3"],
  params: { id: caseId() },
  async run(ctx, a) {
    const r = await ctx.use.cases.reopen(ctx.tableId, ctx.actor.id, a.id);
    if (!r.ok) return r;
    return { reply: tableReply(ctx.t("reply.heropen", { id: a.id })) };
  },
});
