import { formatDate } from "../../src/core/dates.ts";
import { defineCommand } from "../define.ts";

export default defineCommand({
  name: "bewaren",
  aliases: ["retention"],
  summary: {
    nl: "Hoe lang de tafel persoonsgegevens bewaart, en wat de volgende opschoning verwijdert",
    en: "How long the table keeps personal data, and what the next purge removes",
  },
  examples: ["bewaren", "beleid bewaren.maanden=12"],
  params: {},
  async run(ctx) {
    const r = await ctx.use.rules.retention(ctx.tableId, ctx.actor.id);
    if (!r.ok) return r;
    const { months, upcoming, purged } = r.value;
    const items = upcoming.map((u) =>
      ctx.t("bewaren.item", { id: u.caseId, date: formatDate(u.on, ctx.lang) }),
    );
    return {
      reply: {
        visibility: "private",
        title: ctx.t("bewaren.title", { months }),
        blocks: [
          { type: "text", text: ctx.t("bewaren.what") },
          {
            type: "list",
            title: ctx.t("bewaren.next"),
            items: items.length ? items : [ctx.t("bewaren.none")],
          },
          { type: "text", text: ctx.t("bewaren.done", { n: purged }) },
        ],
      },
    };
  },
});
