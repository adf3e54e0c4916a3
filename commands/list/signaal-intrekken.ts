import { isQuestion } from "../../src/core/result.ts";
import { asked } from "../ask.ts";
import { defineCommand } from "../define.ts";
import { noticePosts, reportNoLongerDue } from "../notices.ts";
import { signalId } from "../params.ts";
import { caseCard } from "../render.ts";

export default defineCommand({
  name: "signaal-intrekken",
  aliases: ["withdraw"],
  summary: {
    nl: "Trek een onjuist signaal in; de casus wordt opnieuw beoordeeld",
    en: "Withdraw a wrong signal; the case is evaluated again",
  },
  examples: ["signaal-intrekken S-7"],
  params: { id: signalId() },
  async run(ctx, a) {
    const r = await ctx.use.rules.withdrawSignal(ctx.tableId, ctx.actor.id, a.id, ctx.confirmed);
    if (isQuestion(r)) return asked(ctx, "ask.signaal-intrekken", r);
    if (!r.ok) return r;
    const { case: c, doc, evaluation, notices, noLongerDue } = r.value;
    return {
      reply: caseCard(ctx, c, doc, evaluation, ctx.t("reply.ingetrokken", { id: a.id, case: c.id })),
      posts: [
        ...noticePosts(ctx, doc, notices),
        ...(noLongerDue ? reportNoLongerDue(ctx, doc, c.id, a.id) : []),
      ],
    };
  },
});
