import { formatDate } from "../../src/core/dates.ts";
import { AUDIENCES, SCHOOL_EVENT_KINDS, type SchoolEvent } from "../../src/core/model.ts";
import { defineCommand } from "../define.ts";
import { choice, date, note, option } from "../params.ts";
import { tableReply } from "../render.ts";
import { schoolCode } from "../school-params.ts";
import type { CommandContext } from "../types.ts";

export function schoolEventLine(ctx: Pick<CommandContext, "t" | "lang" | "names">, e: SchoolEvent): string {
  return ctx.t("preventief.line", {
    id: e.id,
    date: formatDate(e.date, ctx.lang),
    kind: ctx.t(`preventief.kind.${e.kind}`),
    audience: e.audience ? ` (${ctx.t(`preventief.voor.${e.audience}`)})` : "",
    school: e.school,
    by: ctx.names(e.by),
    note: e.note ? `: ${e.note}` : "",
  });
}

export default defineCommand({
  name: "preventief",
  aliases: ["preventieve-actie", "prevention"],
  summary: {
    nl: "Leg een preventieve actie van leerplicht op een school vast (poortactie, luxe-verzuimactie, voorlichting); of toon ze",
    en: "Record a preventive action of leerplicht at a school (gate action, holiday check, information session); or show them",
  },
  examples: [
    'preventief 12AB00 poortactie 2-11 "Samen met de mentoren bij de ingang"',
    "preventief 12AB00 voorlichting 16-11 voor=ouders",
    "preventief",
  ],
  params: {
    school: schoolCode().opt(),
    kind: choice({ nl: "Soort", en: "Kind" }, SCHOOL_EVENT_KINDS).opt(),
    on: date({ nl: "Datum", en: "Date" }, "past").opt(),
    audience: option(["voor", "for"], choice({ nl: "Voor", en: "For" }, AUDIENCES)),
    note: note(),
  },
  may: (a) => (a.kind !== null ? "preventief-vastleggen" : null),
  async run(ctx, a) {
    if (a.school !== null && a.kind !== null) {
      const r = await ctx.use.schools.schoolEvent(ctx.tableId, ctx.actor.id, {
        school: a.school,
        kind: a.kind,
        audience: a.audience,
        date: a.on ?? ctx.today,
        note: a.note,
      });
      if (!r.ok) return r;
      return { reply: tableReply(ctx.t("reply.preventief", { line: schoolEventLine(ctx, r.value) })) };
    }
    const doc = await ctx.use.schools.view(ctx.tableId, ctx.actor.id);
    if (!doc.ok) return doc;
    const list = doc.value.schoolEvents.filter((e) => a.school === null || e.school.startsWith(a.school));
    return {
      reply: {
        visibility: "private",
        title: ctx.t("reply.preventieve-acties", { n: list.length }),
        blocks: [
          list.length
            ? { type: "list", items: list.map((e) => schoolEventLine(ctx, e)) }
            : { type: "text", text: ctx.t("reply.preventieve-acties.geen") },
        ],
      },
    };
  },
});
