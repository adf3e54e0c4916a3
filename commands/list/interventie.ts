import { formatDate } from "../../src/core/dates.ts";
import { AGE_BANDS, INTERVENTIONS } from "../../src/core/model.ts";
import { isQuestion } from "../../src/core/result.ts";
import { asked } from "../ask.ts";
import { defineCommand } from "../define.ts";
import { caseId, choice, date, note, option } from "../params.ts";
import { tableReply } from "../render.ts";

export default defineCommand({
  name: "interventie",
  aliases: ["intervention"],
  summary: {
    nl: "Leg een stap van de MAS-route vast (leerplicht): gesprek, waarschuwing, halt, hulp, civiel, pv, lod, veilig-thuis",
    en: "Record a step of the MAS route (attendance officer): talk, warning, Halt, help, civil, report, penalty, Veilig Thuis",
  },
  examples: [
    "interventie C-3 gesprek gisteren",
    "interventie C-3 halt leeftijd=12-15 toestemming=ja",
    'interventie C-3 waarschuwing "Schriftelijk"',
    "interventie C-3 civiel via=rvdk",
  ],
  may: "handhaven",
  params: {
    id: caseId(),
    kind: choice(
      { nl: "Soort", en: "Kind" },
      INTERVENTIONS,
      { warning: "waarschuwing", talk: "gesprek", help: "vrijwillige-hulp" },
      "<soort>",
    ),
    on: date({ nl: "Datum", en: "Date" }, "past").opt(),
    ageBand: option(["leeftijd", "age"], choice({ nl: "Leeftijd", en: "Age" }, AGE_BANDS)),
    consent: option(
      ["toestemming", "consent"],
      choice({ nl: "Toestemming", en: "Consent" }, ["ja", "nee"] as const, { yes: "ja", no: "nee" }),
    ),
    // FR-31: the civil route is a JBT request through Veilig Thuis, or a request to the RvdK.
    via: option(["via"], choice({ nl: "Civiel via", en: "Civil through" }, ["jbt", "rvdk"] as const)),
    note: note(),
  },
  async run(ctx, a) {
    const r = await ctx.use.work.intervene(
      ctx.tableId,
      ctx.actor.id,
      a.id,
      {
        kind: a.kind,
        date: a.on ?? ctx.today,
        ageBand: a.ageBand,
        consent: a.consent === "ja",
        note: a.note,
        civilVia: a.via,
      },
      ctx.confirmed,
    );
    if (isQuestion(r)) return asked(ctx, "ask.interventie.preventief", r);
    if (!r.ok) return r;
    return {
      reply: {
        ...tableReply(
          ctx.t("reply.interventie", {
            id: r.value.id,
            case: a.id,
            kind: `${ctx.t(`intervention.${a.kind}`)}${r.value.route ? ` (${r.value.route})` : ""}${r.value.civilVia ? `, ${ctx.t(`civiel.${r.value.civilVia}`)}` : ""}`,
            date: formatDate(r.value.date, ctx.lang),
          }),
        ),
        visibility: "private",
      },
    };
  },
});
