import { defineCommand } from "../define.ts";
import { caseId } from "../params.ts";
import { tableReply } from "../render.ts";

export default defineCommand({
  name: "volgen",
  aliases: ["monitor"],
  summary: {
    nl: "Zet een casus op monitoring; een nieuw signaal maakt hem weer open",
    en: "Put a case on monitoring; a new signal opens it again",
  },
  examples: ["volgen C-3"],
  params: { id: caseId() },
  async run(ctx, a) {
    const r = await ctx.use.cases.monitor(ctx.tableId, ctx.actor.id, a.id);
    if (!r.ok) return r;
    return { reply: tableReply(ctx.t("reply.volgen", { id: a.id })) };
  },
});
