import { EXEMPTION_GROUNDS, OUTCOMES } from "../../src/core/model.ts";
import { fail, isQuestion } from "../../src/core/result.ts";
import { asked } from "../ask.ts";
import { defineCommand } from "../define.ts";
import { caseId, choice, option, period, text } from "../params.ts";
import { exemptionWords, tableReply } from "../render.ts";

export default defineCommand({
  name: "sluit",
  aliases: ["close"],
  summary: { nl: "Sluit een casus met de uitstroomcategorie", en: "Close a case with its outcome category" },
  examples: [
    "sluit C-3 schoolgang-hervat",
    "sluit C-5 verwijzing-zorg",
    'sluit C-6 verhuisd "Ingeschreven in een andere gemeente, dossier overgedragen"',
    "sluit C-7 vrijstelling grond=5a vanaf=2-11",
  ],
  params: {
    id: caseId(),
    outcome: choice({ nl: "Uitstroom", en: "Outcome" }, OUTCOMES, {}, "<uitstroom>"),
    // TH-16: needed only while the absence still runs; kept as a decision on the case.
    reason: option(["reden", "reason"], text({ nl: "Reden", en: "Reason" }, '["reden"]', 300, true), {
      positional: true,
    }),
    // Closing as `vrijstelling` records the exemption itself, or refers to the one recorded (domain.md TH-16).
    ground: option(
      ["grond", "ground"],
      choice({ nl: "Grond", en: "Ground" }, EXEMPTION_GROUNDS, { a: "5a", b: "5b", c: "5c" }, "<5a|5b|5c>"),
    ),
    from: option(["vanaf", "from"], period({ nl: "Vanaf of periode", en: "From or period" }, "past")),
  },
  async run(ctx, a) {
    if (a.ground === null && a.from !== null)
      return a.outcome === "vrijstelling"
        ? fail("vrijstelling-nodig", { id: a.id })
        : fail("grond-zonder-vrijstelling");
    // One day means "from that day on", as `vrijstelling` reads it; without `vanaf=` from today.
    const exemption =
      a.ground === null
        ? null
        : {
            ground: a.ground,
            from: a.from?.from ?? ctx.today,
            to: a.from === null || a.from.from === a.from.to ? null : a.from.to,
          };
    const r = await ctx.use.cases.close(
      ctx.tableId,
      ctx.actor.id,
      a.id,
      a.outcome,
      ctx.confirmed,
      a.reason,
      exemption,
    );
    if (isQuestion(r)) {
      const holder = r.error.params.regie;
      return asked(ctx, "ask.sluit", r, { regie: holder ? ctx.t("ask.sluit.regie", { holder }) : "" });
    }
    if (!r.ok) return r;
    const outcome = ctx.t(`outcome.${a.outcome}`);
    // Closed as `vrijstelling`: the reply names the exemption on record, which outlasts the case.
    const what = a.outcome === "vrijstelling" ? `${outcome} (${exemptionWords(ctx, r.value)})` : outcome;
    return { reply: tableReply(ctx.t("reply.sluit", { id: a.id, outcome: what })) };
  },
});
