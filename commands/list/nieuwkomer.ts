import { formatDate } from "../../src/core/dates.ts";
import { defineCommand } from "../define.ts";
import { caseId, date } from "../params.ts";
import { caseCard } from "../render.ts";

export default defineCommand({
  name: "nieuwkomer",
  aliases: ["newcomer"],
  summary: {
    nl: "Leg de inschrijfdatum van een nieuwkomer vast, voor het respijt uit het tafelbeleid",
    en: "Record a newcomer's enrolment date, for the table's grace period",
  },
  examples: ["nieuwkomer C-4 2-11-2026"],
  params: { id: caseId(), enrolled: date({ nl: "Inschrijfdatum", en: "Enrolment date" }, "past") },
  async run(ctx, a) {
    const r = await ctx.use.rules.setEnrolment(ctx.tableId, ctx.actor.id, a.id, a.enrolled);
    if (!r.ok) return r;
    const lead = ctx.t("reply.nieuwkomer", { id: a.id, date: formatDate(a.enrolled, ctx.lang) });
    const off = r.value.policy.newcomerWeeks === 0 ? ` ${ctx.t("reply.nieuwkomer.off")}` : "";
    return { reply: caseCard(ctx, r.value.case, r.value.doc, r.value.evaluation, lead + off) };
  },
});
