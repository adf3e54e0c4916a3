import { ANY_OPEN } from "../../src/core/case-query.ts";
import { actionsOfCase } from "../../src/core/case-records.ts";
import { reportOwed } from "../../src/core/duo.ts";
import { defineCommand } from "../define.ts";
import { caseQuery, option, schoolCode } from "../params.ts";
import { turnWords } from "../render.ts";
import { statusWords } from "../rules-render.ts";

export default defineCommand({
  name: "casussen",
  aliases: ["cases"],
  summary: {
    nl: "Lijst van casussen: open (standaard) of alle, te filteren op mijn, aan-zet @…, zonder-regie, meldplichtig, laag 1–3, school=…",
    en: "List cases: open (default) or all, filtered by mijn, aan-zet @…, zonder-regie, meldplichtig, laag 1–3, school=…",
  },
  examples: [
    "casussen",
    "casussen zonder-regie",
    "casussen mijn",
    "casussen aan-zet @fatima",
    "casussen meldplichtig laag 3",
    "casussen alle school=12AB",
  ],
  params: {
    query: caseQuery().opt(),
    school: option(["school"], schoolCode()),
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
    const { cases, doc } = r.value;
    const items = cases.map(({ case: c, evaluation }) => {
      const line = ctx.t("line.case", {
        id: c.id,
        pupil: c.pupilKey ?? ctx.t("card.anonymous"),
        status: ctx.t(`status.${c.status}`),
        regie: c.regie ? `@${ctx.names(c.regie.holder)}` : "–",
        signals: c.signals.filter((s) => s.withdrawnAt === null).length,
        actions: actionsOfCase(doc, c.id).filter((x) => x.status === "open").length,
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
    return {
      reply: {
        visibility: "private",
        title: ctx.t("reply.casussen", { filter: label }),
        blocks: [
          items.length ? { type: "list", items } : { type: "text", text: ctx.t("reply.casussen.none") },
        ],
      },
    };
  },
});
