import { EXPORT_SCHEMA_VERSION } from "../../src/core/export.ts";
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
    const { write } = r.value;
    return {
      reply: {
        visibility: "private",
        title: ctx.t("reply.export", { name: ctx.tableName, version: EXPORT_SCHEMA_VERSION }),
        blocks: [
          {
            type: "stream",
            file: "tafel-export.json",
            write: (sink) => write((c, e) => exportRules(ctx, c, e), sink),
          },
        ],
      },
    };
  },
});
