import { defineCommand } from "../define.ts";
import { caseId, text } from "../params.ts";
import { tableReply } from "../render.ts";

export default defineCommand({
  name: "besluit",
  aliases: ["decision"],
  form: true,
  summary: {
    nl: "Leg een besluit van de tafel vast bij een casus",
    en: "Record a decision of the table for a case",
  },
  examples: ['besluit C-3 "Leerplicht voert gesprek met ouders en leerling"'],
  params: { id: caseId(), text: text({ nl: "Besluit", en: "Decision" }) },
  async run(ctx, a) {
    const r = await ctx.use.work.addDecision(ctx.tableId, ctx.actor.id, a.id, a.text);
    if (!r.ok) return r;
    return { reply: tableReply(ctx.t("reply.besluit", { decision: r.value.id, id: a.id })) };
  },
});
