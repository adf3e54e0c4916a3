import { formatDate } from "../../src/core/dates.ts";
import { REVIEW_RESULTS } from "../../src/core/model.ts";
import { defineCommand } from "../define.ts";
import { actionId, choice } from "../params.ts";
import { tableReply } from "../render.ts";

/**
 * `evaluatie A-3 werkt|werkt-niet|te-vroeg`: whether an agreement worked, asked on its review date (FR-23). "Werkt
 * niet" puts the case on the agenda, where the sources say enforcement may follow [004 L345-350].
 */
export default defineCommand({
  name: "evaluatie",
  aliases: ["review"],
  summary: {
    nl: "Zeg of een afspraak werkt: werkt, werkt-niet (de casus gaat naar de agenda) of te-vroeg",
    en: "Say whether an agreement works: werkt, werkt-niet (the case goes on the agenda) or te-vroeg",
  },
  examples: ["evaluatie A-3 werkt", "evaluatie A-3 werkt-niet", "evaluatie A-3 te-vroeg"],
  params: {
    id: actionId(),
    result: choice({ nl: "Werkt het?", en: "Does it work?" }, REVIEW_RESULTS, {
      works: "werkt",
      "not-working": "werkt-niet",
      "too-early": "te-vroeg",
    }),
  },
  async run(ctx, a) {
    const r = await ctx.use.work.review(ctx.tableId, ctx.actor.id, a.id, a.result);
    if (!r.ok) return r;
    const params = {
      id: a.id,
      case: r.value.caseId,
      date: formatDate(r.value.reviewOn ?? ctx.today, ctx.lang),
    };
    return { reply: { ...tableReply(ctx.t(`reply.evaluatie.${a.result}`, params)), caseId: r.value.caseId } };
  },
});
