import { defineCommand } from "../define.ts";
import { text } from "../params.ts";
import { tableReply } from "../render.ts";

export default defineCommand({
  name: "consult",
  aliases: ["anoniem", "anonymous"],
  summary: {
    nl: "Open een anoniem consult: een casus zonder leerling, waarvoor geen grondslag nodig is",
    en: "Open an anonymous consultation: a case without a pupil, needing no legal basis",
  },
  examples: ['consult "Groep 7, veel ziekmeldingen rond toetsen"'],
  params: { note: text({ nl: "Toelichting", en: "Note" }, '["toelichting"]').opt() },
  async run(ctx, a) {
    const r = await ctx.use.cases.consult(ctx.tableId, ctx.actor.id, a.note);
    if (!r.ok) return r;
    return { reply: tableReply(ctx.t("reply.consult", { id: r.value.id })) };
  },
});
