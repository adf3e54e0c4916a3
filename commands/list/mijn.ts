import { defineCommand } from "../define.ts";
import { actionLine, caseTitle } from "../render.ts";
import { priorityWords } from "../triage-render.ts";

export default defineCommand({
  name: "mijn",
  aliases: ["mine", "me"],
  summary: {
    nl: "Mijn open afspraken en mijn regiecasussen (privé)",
    en: "My open agreements and my regie cases (private)",
  },
  examples: ["mijn"],
  params: {},
  async run(ctx) {
    const r = await ctx.use.work.mine(ctx.tableId, ctx.actor.id);
    if (!r.ok) return r;
    const none = [ctx.t("reply.mijn.none")];
    const actions = r.value.actions.map((x) => actionLine(ctx, x));
    const cases = r.value.cases.map(({ item, reasons }) =>
      reasons.length
        ? `${caseTitle(ctx, item)} · ${ctx.t("agenda.voorrang", { rules: priorityWords(ctx, reasons) })}`
        : caseTitle(ctx, item),
    );
    return {
      reply: {
        visibility: "private",
        title: ctx.t("reply.mijn"),
        blocks: [
          { type: "list", title: ctx.t("reply.mijn.actions"), items: actions.length ? actions : none },
          { type: "list", title: ctx.t("reply.mijn.cases"), items: cases.length ? cases : none },
        ],
      },
    };
  },
});
