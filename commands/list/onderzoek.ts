import { formatDate } from "../../src/core/dates.ts";
import { CAUSES, LEVELS, ROUTES } from "../../src/core/protocol-lists.ts";
import { defineCommand } from "../define.ts";
import { caseId, choice, date, member, note, option } from "../params.ts";
import { tableReply } from "../render.ts";
import { choices } from "../triage-params.ts";
import { investigationLine, routeWords } from "../triage-render.ts";

/**
 * `onderzoek C-3`: the officer investigates a signal (FR-21, [003 L860]); with `oorzaken=… ernst=… risico=…` the
 * finding is recorded and the investigation closes. One command, so the form holds both and the card's button
 * opens it on the case.
 */
export default defineCommand({
  name: "onderzoek",
  aliases: ["investigate"],
  form: true,
  summary: {
    nl: "Leerplicht onderzoekt een signaal (oorzaken, ernst, risico, vervolg); of legt de uitkomst vast",
    en: "Leerplicht investigates a signal (causes, severity, risk, next step); or records the finding",
  },
  examples: [
    "onderzoek C-3",
    "onderzoek C-3 door=@piet termijn=18-12",
    'onderzoek C-3 oorzaken=thuissituatie,motivatie ernst=midden risico=hoog vervolg=spreekuur "Moeder werkt vroeg"',
  ],
  params: {
    id: caseId(),
    officer: option(["door", "voor", "by"], member({ nl: "Leerplichtambtenaar", en: "Officer" })),
    due: option(["termijn", "uiterlijk", "due"], date({ nl: "Af uiterlijk", en: "Due" }, "future")),
    causes: option(["oorzaken", "causes"], choices({ nl: "Oorzaken", en: "Causes" }, CAUSES)),
    severity: option(["ernst", "severity"], choice({ nl: "Ernst", en: "Severity" }, LEVELS)),
    risk: option(["risico", "risk"], choice({ nl: "Risico", en: "Risk" }, LEVELS)),
    next: option(["vervolg", "next"], choice({ nl: "Voorgestelde route", en: "Proposed route" }, ROUTES)),
    note: note(),
  },
  may: (a) => (a.causes === null && a.severity === null && a.risk === null ? "onderzoeken" : null),
  async run(ctx, a) {
    const finding = a.causes !== null || a.severity !== null || a.risk !== null || a.next !== null;
    if (!finding) {
      if (a.note !== null) return { error: { code: "onderzoek-uitkomst", params: { id: a.id } } };
      const r = await ctx.use.triage.investigate(ctx.tableId, ctx.actor.id, a.id, {
        officer: a.officer,
        due: a.due,
      });
      if (!r.ok) return r;
      const { investigation } = r.value;
      const rules = await ctx.use.rules.policy(ctx.tableId, ctx.actor.id);
      const n = rules.ok ? rules.value.policy.investigationDays : 0;
      return {
        reply: tableReply(
          ctx.t("reply.onderzoek", {
            investigation: investigation.id,
            id: a.id,
            officer: ctx.names(investigation.officer),
            due: formatDate(investigation.due, ctx.lang),
            term: r.value.defaultDue ? ctx.t("reply.onderzoek.termijn", { n }) : "",
          }),
        ),
        posts:
          investigation.officer === ctx.actor.id
            ? []
            : [
                {
                  to: {
                    kind: "member",
                    tableId: ctx.tableId,
                    id: investigation.officer,
                    handle: ctx.names(investigation.officer),
                  },
                  text: ctx.t("dm.onderzoek", {
                    investigation: investigation.id,
                    id: a.id,
                    table: ctx.tableName,
                    due: formatDate(investigation.due, ctx.lang),
                    officer: ctx.names(investigation.officer),
                  }),
                  buttons: [{ label: ctx.t("button.onderzoek"), form: "onderzoek", prefill: { id: a.id } }],
                },
              ],
      };
    }
    if (a.causes === null || a.severity === null || a.risk === null)
      return { error: { code: "onderzoek-uitkomst", params: { id: a.id } } };
    const r = await ctx.use.triage.finding(ctx.tableId, ctx.actor.id, a.id, {
      causes: a.causes,
      severity: a.severity,
      risk: a.risk,
      next: a.next,
      note: a.note,
    });
    if (!r.ok) return r;
    // The causes can be health data (GDPR art. 9): the sender reads them, the table's thread hears it is done.
    return {
      reply: {
        visibility: "private",
        blocks: [
          {
            type: "text",
            text: ctx.t("reply.onderzoek.klaar", {
              investigation: r.value.investigation.id,
              id: a.id,
              line: investigationLine(ctx, r.value.investigation, true),
            }),
          },
        ],
        buttons: [
          {
            label: ctx.t("button.triage"),
            form: "triage",
            prefill: { id: a.id, ...(a.next ? { route: a.next } : {}) },
          },
        ],
      },
      posts: [
        {
          to: { kind: "table", tableId: ctx.tableId },
          caseId: a.id,
          text: ctx.t("post.onderzoek.klaar", {
            investigation: r.value.investigation.id,
            id: a.id,
            next: routeWords(ctx, a.next),
          }),
        },
      ],
    };
  },
});
