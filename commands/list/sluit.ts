import { OUTCOMES } from "../../src/core/model.ts";
import { defineCommand } from "../define.ts";
import { caseId, choice } from "../params.ts";
import { tableReply } from "../render.ts";

export default defineCommand({
  name: "sluit",
  aliases: ["close"],
  summary: { nl: "Sluit een casus met de uitstroomcategorie", en: "Close a case with its outcome category" },
  examples: ["sluit C-3 schoolgang-hervat", "sluit C-5 verwijzing-zorg"],
  params: { id: caseId(), outcome: choice({ nl: "Uitstroom", en: "Outcome" }, OUTCOMES, {}, "<uitstroom>") },
  async run(ctx, a) {
    const r = await ctx.use.cases.close(ctx.tableId, ctx.actor.id, a.id, a.outcome);
    if (!r.ok) return r;
    return { reply: tableReply(ctx.t("reply.sluit", { id: a.id, outcome: ctx.t(`outcome.${a.outcome}`) })) };
  },
});
