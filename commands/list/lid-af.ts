import { isQuestion } from "../../src/core/result.ts";
import { asked } from "../ask.ts";
import { defineCommand } from "../define.ts";
import { member } from "../params.ts";
import { tableReply } from "../render.ts";

export default defineCommand({
  name: "lid-af",
  aliases: ["remove-member"],
  summary: { nl: "Haal een partner van de tafel", en: "Remove a partner from the table" },
  examples: ["lid-af @joost"],
  may: "tafel-inrichten",
  params: { person: member({ nl: "Persoon", en: "Person" }) },
  async run(ctx, a) {
    const r = await ctx.use.tables.removeMember(ctx.tableId, ctx.actor.id, a.person, ctx.confirmed);
    if (isQuestion(r)) return asked(ctx, r.error.params.self ? "ask.lid-af.zelf" : "ask.lid-af", r);
    if (!r.ok) return r;
    return { reply: tableReply(ctx.t("reply.lid-af", { handle: r.value.handle })) };
  },
});
