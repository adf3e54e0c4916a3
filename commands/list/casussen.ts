import { ANY_OPEN } from "../../src/core/case-query.ts";
import { actionsOfCase } from "../../src/core/case-records.ts";
import { reportOwed } from "../../src/core/duo.ts";
import { defineCommand } from "../define.ts";
import { caseQuery, option, pageNumber } from "../params.ts";
import { turnWords } from "../render.ts";
import { statusWords } from "../rules-render.ts";
import { schoolCode } from "../school-params.ts";
import type { CommandContext } from "../types.ts";

/** Lines a page holds: a Slack message and a Teams card both show 50 with room to spare. */
export const PAGE = 50;

/** "1 signaal", "3 signalen": Dutch and English both have one singular. */
const count = (ctx: Pick<CommandContext, "t">, what: "signal" | "action", n: number) =>
  n === 1 ? ctx.t(`count.${what}`) : ctx.t(`count.${what}s`, { n });

export default defineCommand({
  name: "casussen",
  aliases: ["cases"],
  summary: {
    nl: "Lijst van casussen: open (standaard) of alle, te filteren op mijn, aan-zet @…, zonder-regie, meldplichtig, thuis-ziek, laag 1–3, school=…",
    en: "List cases: open (default) or all, filtered by mijn, aan-zet @…, zonder-regie, meldplichtig, thuis-ziek, laag 1–3, school=…",
  },
  examples: [
    "casussen",
    "casussen zonder-regie",
    "casussen mijn",
    "casussen aan-zet @fatima",
    "casussen meldplichtig laag 3",
    "casussen alle school=12AB",
    "casussen alle pagina=2",
    "casussen thuis-ziek",
  ],
  // Who is at home through illness is health data: only who may record it lists it (FR-32).
  may: (a) => (a.query?.homeSick ? "thuis-ziek" : null),
  params: {
    query: caseQuery().opt(),
    school: option(["school"], schoolCode()),
    page: option(["pagina", "page"], pageNumber()),
  },
  async run(ctx, a) {
    const query = { ...ANY_OPEN, ...(a.query ?? {}), school: a.school };
    const label = [a.query?.label ?? "open", ...(a.school ? [`school=${a.school}`] : [])].join(" ");
    const r = await ctx.use.cases.list(
      ctx.tableId,
      ctx.actor.id,
      { ...query, atTurn: a.query?.atTurn ?? null, mine: a.query?.mine ?? false },
      label,
    );
    if (!r.ok) return r;
    const { cases, doc, elsewhere } = r.value;
    // A long list in pages: every platform shows a page whole, and says where the rest is.
    const pages = Math.max(1, Math.ceil(cases.length / PAGE));
    const page = Math.min(a.page ?? 1, pages);
    const shown = cases.slice((page - 1) * PAGE, page * PAGE);
    const items = shown.map(({ case: c, evaluation }) => {
      const line = ctx.t("line.case", {
        id: c.id,
        pupil: c.pupilKey ?? ctx.t("card.anonymous"),
        status: ctx.t(`status.${c.status}`),
        regie: c.regie ? `@${ctx.names(c.regie.holder)}` : "–",
        signals: count(ctx, "signal", c.signals.filter((s) => s.withdrawnAt === null).length),
        actions: count(ctx, "action", actionsOfCase(doc, c.id).filter((x) => x.status === "open").length),
      });
      const words = [
        statusWords(ctx, evaluation),
        ...(reportOwed(c) ? [ctx.t("agenda.niet-gemeld")] : []),
        ...(c.status !== "closed" ? [`${ctx.t("card.turn").toLowerCase()}: ${turnWords(ctx, doc, c)}`] : []),
      ]
        .filter(Boolean)
        .join(" · ");
      return words ? `${line} · ${words}` : line;
    });
    const line = (n: number) =>
      ["casussen", a.query?.label ?? "", a.school ? `school=${a.school}` : "", `pagina=${n}`]
        .filter(Boolean)
        .join(" ");
    const paging =
      pages > 1
        ? {
            text: ctx.t("reply.casussen.page", {
              page,
              pages,
              from: (page - 1) * PAGE + 1,
              to: (page - 1) * PAGE + shown.length,
              total: cases.length,
              next: page < pages ? ` ${ctx.t("reply.casussen.next", { line: line(page + 1) })}` : "",
            }),
            buttons: [
              ...(page > 1 ? [{ label: ctx.t("button.vorige"), run: line(page - 1) }] : []),
              ...(page < pages ? [{ label: ctx.t("button.volgende"), run: line(page + 1) }] : []),
            ],
          }
        : null;
    return {
      reply: {
        visibility: "private",
        title: ctx.t("reply.casussen", { filter: label }),
        blocks: [
          items.length ? { type: "list", items } : { type: "text", text: ctx.t("reply.casussen.none") },
          ...(paging ? [{ type: "text" as const, text: paging.text }] : []),
          // Named without content: another office's competence (§7.10).
          ...(elsewhere.length
            ? [{ type: "text" as const, text: ctx.t("reply.casussen.elders", { ids: elsewhere.join(", ") }) }]
            : []),
        ],
        ...(paging ? { buttons: paging.buttons } : {}),
      },
    };
  },
});
