import { OFFICER_ROLES, ROUTES } from "../../src/core/protocol-lists.ts";
import { defineCommand } from "../define.ts";
import { caseId, choice, option, text } from "../params.ts";
import { tableReply } from "../render.ts";
import { decisionText } from "../triage-render.ts";

export default defineCommand({
  name: "besluit",
  aliases: ["decision"],
  form: true,
  summary: {
    nl: "Leg een besluit van de tafel vast bij een casus, desgewenst met de route en de rol van leerplicht",
    en: "Record a decision of the table for a case, with the route and leerplicht's role if given",
  },
  examples: [
    'besluit C-3 "Leerplicht voert gesprek met ouders en leerling"',
    'besluit C-3 "Wijkteam pakt het op" route=wijkteam rol=adviserend',
    'besluit C-3 "Plek op maat buiten het aanbod" kaders=buiten mandaat="wethouder onderwijs" budget="EUR 12.000"',
  ],
  params: {
    id: caseId(),
    text: text({ nl: "Besluit", en: "Decision" }),
    // A meeting's decision can carry the route and the officer's role (FR-40): it is then a triage, with its rules.
    route: option(["route"], choice({ nl: "Route", en: "Route" }, ROUTES)),
    officerRole: option(
      ["rol", "role"],
      choice({ nl: "Rol van leerplicht", en: "Leerplicht's role" }, OFFICER_ROLES),
    ),
    // A doorbraak decision "buiten de bestaande kaders" [000 L273-302], with the mandate or budget it rests on.
    frameworks: option(["kaders"], choice({ nl: "Kaders", en: "Frameworks" }, ["buiten"] as const)),
    mandate: option(["mandaat", "mandate"], text({ nl: "Mandaat", en: "Mandate" }, '"<mandaat>"', 120)),
    budget: option(["budget"], text({ nl: "Budget", en: "Budget" }, '"<budget>"', 120)),
  },
  may: (a) => (a.route !== null ? "triageren" : null),
  async run(ctx, a) {
    if (a.route === null && a.officerRole !== null)
      return { error: { code: "besluit-rol-zonder-route", params: {} } };
    if (a.route !== null) {
      const r = await ctx.use.triage.triage(ctx.tableId, ctx.actor.id, a.id, {
        route: a.route,
        role: a.officerRole,
        next: null,
        note: a.text,
      });
      if (!r.ok) return r;
      const d = r.value.decision;
      return {
        reply: tableReply(ctx.t("reply.triage", { id: a.id, decision: d.id, line: decisionText(ctx, d) })),
      };
    }
    if (a.frameworks === null && (a.mandate !== null || a.budget !== null))
      return { error: { code: "besluit-kaders", params: {} } };
    const beyond = a.frameworks ? { mandate: a.mandate, budget: a.budget } : null;
    const r = await ctx.use.work.addDecision(ctx.tableId, ctx.actor.id, a.id, a.text, beyond);
    if (!r.ok) return r;
    return { reply: tableReply(ctx.t("reply.besluit", { decision: r.value.id, id: a.id })) };
  },
});
