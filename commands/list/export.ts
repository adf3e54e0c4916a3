import { defineCommand } from "../define.ts";
import { exportRules } from "../rules-render.ts";

export default defineCommand({
  name: "export",
  aliases: ["exporteer"],
  summary: {
    nl: "De volledige tafel als JSON (versie in schemaVersion)",
    en: "The whole table as JSON (versioned by schemaVersion)",
  },
  examples: ["export"],
  may: "export",
  files: true,
  params: {},
  async run(ctx) {
    const r = await ctx.use.records.exportTable(ctx.tableId, ctx.actor.id);
    if (!r.ok) return r;
    const { data, evaluations } = r.value;
    const cases = data.cases.map((c) => {
      const e = evaluations.get(c.id);
      const record = r.value.records.get(c.id);
      return e && record ? { ...c, ...exportRules(ctx, record, e) } : c;
    });
    return {
      reply: {
        visibility: "private",
        title: ctx.t("reply.export", { name: ctx.tableName, version: data.schemaVersion }),
        blocks: [
          { type: "code", text: JSON.stringify({ ...data, cases }, null, 2), file: "tafel-export.json" },
        ],
      },
    };
  },
});
