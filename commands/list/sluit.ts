import { OUTCOMES } from "../../src/core/model.ts";
import { isQuestion } from "../../src/core/result.ts";
import { asked } from "../ask.ts";
import { defineCommand } from "../define.ts";
import { caseId, choice, option, text } from "../params.ts";
import { tableReply } from "../render.ts";

export default defineCommand({
  name: "sluit",
  aliases: ["close"],
  summary: { nl: "Sluit een casus met de uitstroomcategorie", en: "Close a case with its outcome category" },
  examples: [
    "sluit C-3 schoolgang-hervat",
    "sluit C-5 verwijzing-zorg",
    'sluit C-6 verhuisd "Ingeschreven in een andere gemeente, dossier overgedragen"',
  ],
  params: {
    id: caseId(),
    outcome: choice({ nl: "Uitstroom", en: "Outcome" }, OUTCOMES, {}, "<uitstroom>"),
    // TH-16: needed only while the absence still runs; kept as a decision on the case.
    reason: option(["reden", "reason"], text({ nl: "Reden", en: "Reason" }, '["reden"]', 300, true), {
      positional: true,
    }),
  },
  async run(ctx, a) {
    const r = await ctx.use.cases.close(ctx.tableId, ctx.actor.id, a.id, a.outcome, ctx.confirmed, a.reason);
    if (isQuestion(r)) {
      const holder = r.error.params.regie;
      return asked(ctx, "ask.sluit", r, { regie: holder ? ctx.t("ask.sluit.regie", { holder }) : "" });
    }
    if (!r.ok) return r;
    return { reply: tableReply(ctx.t("reply.sluit", { id: a.id, outcome: ctx.t(`outcome.${a.outcome}`) })) };
  },
});
