import { may } from "../../src/core/permissions.ts";
import { memberById } from "../../src/core/table.ts";
import { timeline } from "../../src/core/timeline.ts";
import { defineCommand } from "../define.ts";
import { caseId, choice } from "../params.ts";
import { caseCard, seesHealth } from "../render.ts";
import { timelineLine } from "../timeline-render.ts";

/** The card shows the last few events; `tijdlijn` shows them all. */
const RECENT = 10;

export default defineCommand({
  name: "casus",
  aliases: ["case"],
  summary: {
    nl: "Toon de casuskaart met de tijdlijn (privé); met tijdlijn de hele geschiedenis",
    en: "Show the case card with its timeline (privately); with tijdlijn the whole history",
  },
  examples: ["casus C-3", "casus C-3 tijdlijn"],
  params: {
    id: caseId(),
    all: choice({ nl: "Alles", en: "All" }, ["tijdlijn"], { timeline: "tijdlijn" }).opt(),
  },
  async run(ctx, a) {
    const r = await ctx.use.cases.view(ctx.tableId, ctx.actor.id, a.id);
    if (!r.ok) return r;
    const { case: c, doc, evaluation } = r.value;
    const entries = timeline(doc, c, {
      health: seesHealth(doc, c, ctx.actor.id),
      enforcement: may(memberById(doc, ctx.actor.id), "handhaving-zien"),
    });
    const shown = a.all ? entries : entries.slice(0, RECENT);
    const card = caseCard(ctx, c, doc, evaluation);
    const title = a.all ? ctx.t("tl.title") : ctx.t("tl.title.last", { n: RECENT });
    const more = entries.length - shown.length;
    return {
      reply: {
        ...card,
        blocks: [
          ...card.blocks,
          { type: "list", title, items: shown.map((e) => timelineLine(ctx, e)) },
          ...(more > 0 ? [{ type: "text" as const, text: ctx.t("tl.more", { n: more, id: c.id }) }] : []),
        ],
      },
    };
  },
});
