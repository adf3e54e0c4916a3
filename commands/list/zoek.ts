import { defineCommand } from "../define.ts";
import { pupil } from "../params.ts";
import { caseCard, privateReply } from "../render.ts";

/**
 * The school finds its own pupil again by number. The answer is private, and the number is turned into its keyed
 * pseudonym at once: it is not stored, logged or shown back.
 */
export default defineCommand({
  name: "zoek",
  aliases: ["find"],
  form: true,
  summary: {
    nl: "Vind de casus van een leerling aan deze tafel op leerlingnummer (privé)",
    en: "Find a pupil's case at this table by pupil number (privately)",
  },
  examples: ["zoek 1234567"],
  params: { pupil: pupil() },
  async run(ctx, a) {
    const r = await ctx.use.cases.find(ctx.tableId, ctx.actor.id, a.pupil);
    if (!r.ok) return r;
    if (!r.value) return { reply: privateReply(undefined, ctx.t("reply.zoek.none")) };
    const { case: c, doc, evaluation } = r.value;
    return { reply: caseCard(ctx, c, doc, evaluation, ctx.t("reply.zoek", { id: c.id })) };
  },
});
