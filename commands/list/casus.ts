import { actionsOfCase } from "../../src/core/case-records.ts";
import { may } from "../../src/core/permissions.ts";
import { memberById } from "../../src/core/table.ts";
import { timeline } from "../../src/core/timeline.ts";
import { fitCard } from "../card-fit.ts";
import { defineCommand } from "../define.ts";
import { caseId, choice, option, pageNumber } from "../params.ts";
import { actionLine, caseCard, seesHealth } from "../render.ts";
import { timelineLine } from "../timeline-render.ts";
import type { CommandContext, Reply } from "../types.ts";

/** The card shows the last few events; `tijdlijn` shows them all. */
const RECENT = 10;
/** Agreements a page of `casus C-n afspraken` holds. */
const AGREEMENTS_PAGE = 20;

export default defineCommand({
  name: "casus",
  aliases: ["case"],
  summary: {
    nl: "Toon de casuskaart met de tijdlijn (privé); met tijdlijn de hele geschiedenis, met afspraken alle afspraken",
    en: "Show the case card with its timeline (privately); with tijdlijn the whole history, with afspraken every agreement",
  },
  examples: ["casus C-3", "casus C-3 tijdlijn", "casus C-3 afspraken pagina=2"],
  aboutCase: true,
  params: {
    id: caseId(),
    all: choice({ nl: "Alles", en: "All" }, ["tijdlijn", "afspraken"], {
      timeline: "tijdlijn",
      agreements: "afspraken",
    }).opt(),
    page: option(["pagina", "page"], pageNumber()),
  },
  async run(ctx, a) {
    const r = await ctx.use.cases.view(ctx.tableId, ctx.actor.id, a.id);
    if (!r.ok) return r;
    const { case: c, doc, evaluation } = r.value;
    const card = caseCard(ctx, c, doc, evaluation);
    if (a.all === "afspraken") return { reply: agreements(ctx, card, doc, c.id, a.page ?? 1) };
    const entries = timeline(doc, c, {
      health: seesHealth(doc, c, ctx.actor.id),
      enforcement: may(memberById(doc, ctx.actor.id), "handhaving-zien"),
    });
    const shown = a.all ? entries : entries.slice(0, RECENT);
    const title = a.all ? ctx.t("tl.title") : ctx.t("tl.title.last", { n: RECENT });
    const more = entries.length - shown.length;
    const reply: Reply = {
      ...card,
      blocks: [
        ...card.blocks,
        { type: "list", title, items: shown.map((e) => timelineLine(ctx, e)) },
        ...(more > 0 ? [{ type: "text" as const, text: ctx.t("tl.more", { n: more, id: c.id }) }] : []),
      ],
    };
    // The whole timeline is asked for in full; the card itself stays readable in chat (issue #27 item 16).
    return { reply: a.all ? reply : fitCard(reply, (n) => ctx.t("card.list.more", { n, id: c.id })) };
  },
});

/** Every agreement of a case, open ones first by due date, in pages: the card shows only the first few. */
function agreements(
  ctx: CommandContext,
  card: Reply,
  doc: Parameters<typeof actionsOfCase>[0],
  id: string,
  page: number,
): Reply {
  const all = actionsOfCase(doc, id).sort(
    (x, y) => Number(x.status !== "open") - Number(y.status !== "open") || x.due.localeCompare(y.due),
  );
  const pages = Math.max(1, Math.ceil(all.length / AGREEMENTS_PAGE));
  const at = Math.min(page, pages);
  const shown = all.slice((at - 1) * AGREEMENTS_PAGE, at * AGREEMENTS_PAGE);
  const line = (n: number) => `casus ${id} afspraken pagina=${n}`;
  return {
    visibility: "private",
    title: `${card.title ?? id} · ${ctx.t("card.actions")}`,
    blocks: [
      {
        type: "list",
        items: shown.length
          ? shown.map((x) =>
              x.status === "open"
                ? actionLine(ctx, x)
                : `${actionLine(ctx, x)} (${ctx.t(`action.${x.status}`)})`,
            )
          : [ctx.t("card.actions.none")],
      },
      ...(pages > 1
        ? [
            {
              type: "text" as const,
              text: ctx.t("reply.afspraken.page", { page: at, pages, total: all.length }),
            },
          ]
        : []),
    ],
    buttons: [
      ...(at > 1 ? [{ label: ctx.t("button.vorige"), run: line(at - 1) }] : []),
      ...(at < pages ? [{ label: ctx.t("button.volgende"), run: line(at + 1) }] : []),
    ],
  };
}
