import { EXEMPTION_GROUNDS } from "../../src/core/model.ts";
import { defineCommand } from "../define.ts";
import { caseId, choice, period } from "../params.ts";
import { exemptionWords, tableReply } from "../render.ts";

export default defineCommand({
  name: "vrijstelling",
  aliases: ["exemption"],
  summary: {
    nl: "Leg een vrijstelling van de leerplicht vast (art. 5 onder a, b of c), vanaf een datum of voor een periode",
    en: "Record an exemption from compulsory education (art. 5 a, b or c), from a date or for a period",
  },
  examples: ["vrijstelling C-3 5a 1-11-2026", "vrijstelling C-3 5c 1-9-2026..31-7-2027"],
  may: "vrijstelling-vastleggen",
  params: {
    id: caseId(),
    ground: choice(
      { nl: "Grond", en: "Ground" },
      EXEMPTION_GROUNDS,
      { a: "5a", b: "5b", c: "5c" },
      "<5a|5b|5c>",
    ),
    period: period({ nl: "Vanaf of periode", en: "From or period" }, "past"),
  },
  async run(ctx, a) {
    // One day means "from that day on": an exemption runs until it is ended.
    const to = a.period.from === a.period.to ? null : a.period.to;
    const r = await ctx.use.work.exempt(ctx.tableId, ctx.actor.id, a.id, {
      ground: a.ground,
      from: a.period.from,
      to,
    });
    if (!r.ok) return r;
    return {
      reply: tableReply(ctx.t("reply.vrijstelling", { id: a.id, what: exemptionWords(ctx, r.value) })),
    };
  },
});
