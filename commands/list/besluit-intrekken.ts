import { isQuestion } from "../../src/core/result.ts";
import { asked } from "../ask.ts";
import { defineCommand } from "../define.ts";
import { decisionId, text } from "../params.ts";
import { tableReply } from "../render.ts";

export default defineCommand({
  name: "besluit-intrekken",
  aliases: ["withdraw-decision"],
  summary: {
    nl: "Trek een besluit in, met de reden; het blijft in de geschiedenis van de casus",
    en: "Withdraw a decision, with the reason; it stays in the case's history",
  },
  examples: ['besluit-intrekken B-2 "Verkeerde casus"'],
  params: { id: decisionId(), reason: text({ nl: "Reden", en: "Reason" }, '"reden"', 300) },
  async run(ctx, a) {
    const r = await ctx.use.work.withdrawDecision(ctx.tableId, ctx.actor.id, a.id, a.reason, ctx.confirmed);
    if (isQuestion(r)) return asked(ctx, "ask.besluit-intrekken", r);
    if (!r.ok) return r;
    return {
      reply: tableReply(
        ctx.t("reply.besluit-intrekken", { id: a.id, case: r.value.caseId, reason: a.reason }),
      ),
    };
  },
});
