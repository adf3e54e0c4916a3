import { OFFICER_ROLES, ROUTES } from "../../src/core/protocol-lists.ts";
import { defineCommand } from "../define.ts";
import { caseId, choice, member, note, option } from "../params.ts";
import { tableReply } from "../render.ts";
import { decisionText, routeWords } from "../triage-render.ts";

/**
 * `triage C-3 spreekuur rol=adviserend aan-zet=@piet`: the table weighs the case and chooses "welke route … en wie
 * daarbij aanzet is" [003 L861] (FR-22). A decision of the table: minutes, timeline and report read it.
 */
export default defineCommand({
  name: "triage",
  aliases: ["weging"],
  form: true,
  summary: {
    nl: "Leg de triage van een casus vast: de route, de rol van leerplicht en wie aan zet is",
    en: "Record a case's triage: the route, leerplicht's role and who moves next",
  },
  examples: [
    "triage C-3 spreekuur",
    'triage C-3 wijkteam rol=mede-regie aan-zet=@sanne "Gezin staat open voor hulp"',
    "triage C-4 school aan-zet=@fatima",
  ],
  params: {
    id: caseId(),
    route: choice({ nl: "Route", en: "Route" }, ROUTES, {
      "school-gaat-door": "school",
      "spreekuur-leerplicht": "spreekuur",
      "vrijwillige-hulp": "wijkteam",
      "alleen-volgen": "volgen",
      melding: "handhaving",
    }),
    role: option(
      ["rol", "role"],
      choice({ nl: "Rol van leerplicht", en: "Leerplicht's role" }, OFFICER_ROLES, {
        "mede-regievoerder": "mede-regie",
        advies: "adviserend",
      }),
    ),
    next: option(["aan-zet", "aanzet", "next"], member({ nl: "Aan zet", en: "Moves next" })),
    note: note(),
  },
  may: "triageren",
  async run(ctx, a) {
    const r = await ctx.use.triage.triage(ctx.tableId, ctx.actor.id, a.id, {
      route: a.route,
      role: a.role,
      next: a.next,
      note: a.note,
    });
    if (!r.ok) return r;
    const d = r.value.decision;
    const next = d.next ? `@${ctx.names(d.next)}` : ctx.t("line.triage.tafel");
    return {
      reply: {
        ...tableReply(ctx.t("reply.triage", { id: a.id, decision: d.id, line: decisionText(ctx, d) })),
        caseId: a.id,
        ...(a.route === "spreekuur"
          ? {
              buttons: [
                { label: ctx.t("button.spreekuur.boeken"), form: "spreekuur-boeken", prefill: { id: a.id } },
              ],
            }
          : {}),
      },
      posts:
        d.next && d.next !== ctx.actor.id
          ? [
              {
                to: { kind: "member", tableId: ctx.tableId, id: d.next, handle: ctx.names(d.next) },
                text: ctx.t("post.triage", { id: a.id, route: routeWords(ctx, d.route), next }),
              },
            ]
          : [],
    };
  },
});
