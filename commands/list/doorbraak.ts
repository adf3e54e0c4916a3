import { defineCommand } from "../define.ts";
import { caseId } from "../params.ts";
import { tableReply } from "../render.ts";

/**
 * `doorbraak C-n`: a stuck case (`vastgelopen`) goes to the region's doorbraaktafel (FR-33, issue #30) with its
 * history: it stays one case here, and the doorbraaktafel's members join it with `regio meedoen`.
 */
export default defineCommand({
  name: "doorbraak",
  aliases: ["doorbraaktafel"],
  summary: {
    nl: "Draag een vastgelopen casus over aan de doorbraaktafel van de regio; het blijft één casus, met haar geschiedenis",
    en: "Hand a stuck case to the region's doorbraaktafel; it stays one case, with its history",
  },
  examples: ["doorbraak C-2"],
  params: { id: caseId() },
  may: "casus-sturen",
  async run(ctx, a) {
    const r = await ctx.use.regionCases.handOver(ctx.tableId, ctx.actor.id, a.id);
    if (!r.ok) return r;
    return { reply: tableReply(ctx.t("doorbraak.overgedragen", { id: a.id, table: r.value.to })) };
  },
});
