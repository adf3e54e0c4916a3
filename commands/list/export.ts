import { defineCommand } from "../define.ts";

export default defineCommand({
  name: "export",
  aliases: ["exporteer"],
  summary: {
    nl: "De volledige tafel als JSON (versie in schemaVersion)",
    en: "The whole table as JSON (versioned by schemaVersion)",
  },
  examples: ["export"],
  roles: ["chair"],
  params: {},
  async run(ctx) {
    const r = await ctx.use.records.exportTable(ctx.tableId, ctx.actor.id);
    if (!r.ok) return r;
    return {
      reply: {
        visibility: "private",
        title: ctx.t("reply.export", { name: ctx.tableName, version: r.value.schemaVersion }),
        blocks: [{ type: "code", text: JSON.stringify(r.value, null, 2) }],
      },
    };
  },
});
