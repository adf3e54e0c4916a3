import { defineCommand } from "../define.ts";
import { roleWords } from "../render.ts";

export default defineCommand({
  name: "leden",
  aliases: ["members"],
  summary: { nl: "Toon de leden van de tafel en hun rol", en: "Show the table's members and their roles" },
  examples: ["leden"],
  params: {},
  async run(ctx) {
    const r = await ctx.use.tables.members(ctx.tableId, ctx.actor.id);
    if (!r.ok) return r;
    const items = r.value.map((m) =>
      ctx.t("line.member", {
        handle: m.handle,
        role: roleWords(ctx, m),
        org: m.organisation ? ` · ${m.organisation}` : "",
      }),
    );
    return {
      reply: {
        visibility: "private",
        title: ctx.t("reply.leden", { name: ctx.tableName }),
        blocks: [{ type: "list", items }],
      },
    };
  },
});
