import { CASE_FILTERS } from "../../src/app/cases.ts";
import { actionsOfCase } from "../../src/core/case-records.ts";
import { defineCommand } from "../define.ts";
import { choice } from "../params.ts";
import { statusWords } from "../rules-render.ts";

export default defineCommand({
  name: "casussen",
  aliases: ["cases"],
  summary: {
    nl: "Lijst van casussen: open (standaard), alle of zonder regie",
    en: "List cases: open (default), all or without regie",
  },
  examples: ["casussen", "casussen zonder-regie", "casussen alle"],
  params: {
    filter: choice({ nl: "Filter", en: "Filter" }, CASE_FILTERS, {
      all: "alle",
      "no-regie": "zonder-regie",
      unassigned: "zonder-regie",
    }).opt(),
  },
  async run(ctx, a) {
    const filter = a.filter ?? "open";
    const r = await ctx.use.cases.list(ctx.tableId, ctx.actor.id, filter);
    if (!r.ok) return r;
    const { cases, doc } = r.value;
    const items = cases.map(({ case: c, evaluation }) => {
      const line = ctx.t("line.case", {
        id: c.id,
        pupil: c.pupilKey ?? ctx.t("card.anonymous"),
        status: ctx.t(`status.${c.status}`),
        regie: c.regie ? `@${c.regie.holder}` : "–",
        signals: c.signals.filter((s) => s.withdrawnAt === null).length,
        actions: actionsOfCase(doc, c.id).filter((x) => x.status === "open").length,
      });
      const words = statusWords(ctx, evaluation);
      return words ? `${line} · ${words}` : line;
    });
    return {
      reply: {
        visibility: "private",
        title: ctx.t("reply.casussen", { filter }),
        blocks: [
          items.length ? { type: "list", items } : { type: "text", text: ctx.t("reply.casussen.none") },
        ],
      },
    };
  },
});
