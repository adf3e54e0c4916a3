import { defineCommand } from "../define.ts";
import { caseId } from "../params.ts";
import { caseCard } from "../render.ts";

export default defineCommand({
  name: "casus",
  aliases: ["case"],
  summary: { nl: "Toon de casuskaart (privé)", en: "Show the case card (privately)" },
  examples: ["casus C-3"],
  params: { id: caseId() },
  async run(ctx, a) {
    const r = await ctx.use.cases.view(ctx.tableId, ctx.actor.id, a.id);
    if (!r.ok) return r;
    return { reply: caseCard(ctx, r.value.case, r.value.doc, r.value.evaluation) };
  },
});
