import { atTurnOf } from "../src/core/case-query.ts";
import { actionsOfCase, decisionsOfCase } from "../src/core/case-records.ts";
import { activeSignals, SIGNAL_UNIT } from "../src/core/cases.ts";
import { formatDate, formatInstant, formatSpan, localDate } from "../src/core/dates.ts";
import { crossedAt, reportOwed } from "../src/core/duo.ts";
import { leerplichtMayTakePart } from "../src/core/intake.ts";
import type { Action, Case, Decision, Member, Signal, SignalKind, TableDoc } from "../src/core/model.ts";
import { may } from "../src/core/permissions.ts";
import { policyOfTable } from "../src/core/region.ts";
import { dutyOf, officersOf, serving } from "../src/core/residence.ts";
import { routeOf } from "../src/core/routing.ts";
import { onAuthorisedAbsence } from "../src/core/rules/catalogue.ts";
import type { Evaluation } from "../src/core/rules/evaluate.ts";
import { activeMembers, memberById } from "../src/core/table.ts";
import { legalWord, thresholdLine, tierLine, triggerLine, windowWords } from "./rules-render.ts";
import { decisionText, triageFields } from "./triage-render.ts";
import type { Button, CommandContext, Reply } from "./types.ts";

/** Dutch readers expect a decimal comma. */
export const num = (n: number, lang: "nl" | "en") =>
  lang === "nl" ? String(n).replace(".", ",") : String(n);

/** A member's function as read: "leerplichtambtenaar (BOA)". */
export const roleWords = (ctx: Pick<CommandContext, "t">, m: Member) =>
  ctx.t(`role.${m.role}`) + (m.boa ? ctx.t("role.boa") : "");

export const privateReply = (title: string | undefined, ...texts: string[]): Reply => ({
  visibility: "private",
  ...(title ? { title } : {}),
  blocks: texts.map((text) => ({ type: "text", text })),
});

export const tableReply = (text: string, headline?: string): Reply => ({
  visibility: "table",
  blocks: [{ type: "text", text }],
  ...(headline ? { headline } : {}),
});

/** Open agreements and MAS steps a card shows; `casus C-n afspraken` and `… tijdlijn` show the rest. */
const CARD_ACTIONS = 5;
const CARD_STEPS = 5;

export function actionLine(ctx: CommandContext, a: Action): string {
  const overdue = a.status === "open" && a.due < ctx.today;
  return ctx.t(overdue ? "line.action.overdue" : "line.action", {
    id: a.id,
    owner: ctx.names(a.owner),
    due: formatDate(a.due, ctx.lang),
    text: a.text,
  });
}

const decisionLine = (ctx: CommandContext, d: Decision) =>
  ctx.t("line.decision", {
    id: d.id,
    at: formatInstant(d.at, ctx.lang),
    by: ctx.names(d.by),
    text: decisionText(ctx, d),
  });

/** "@fatima (A-3)", "@piet (regie)" or "de tafel": whose move it is. */
export function turnWords(ctx: CommandContext, doc: TableDoc, c: Case): string {
  const turn = atTurnOf(doc, c);
  if (!turn) return ctx.t("card.turn.table");
  return ctx.t(turn.actionId ? "card.turn.action" : "card.turn.regie", {
    who: ctx.names(turn.member),
    id: turn.actionId ?? "",
  });
}

/** "art. 5 onder a (lichamelijk of psychisch ongeschikt), vanaf 1 nov 2026" */
export function exemptionWords(ctx: Pick<CommandContext, "t" | "lang">, c: Case): string {
  const e = c.exemption;
  if (!e) return "";
  const span = e.to
    ? ctx.t("exemption.period", { from: formatDate(e.from, ctx.lang), to: formatDate(e.to, ctx.lang) })
    : ctx.t("exemption.from", { from: formatDate(e.from, ctx.lang) });
  return `${ctx.t(`exemption.${e.ground}`)}, ${span}`;
}

/** The DUO report of a meldplichtig case: made (when, by whom), or still owed (since when). */
function duoField(ctx: CommandContext, doc: TableDoc, c: Case): Array<readonly [string, string]> {
  if (c.duoReport)
    return [
      [
        ctx.t("card.duo"),
        ctx.t("card.duo.done", { date: formatDate(c.duoReport.on, ctx.lang), by: ctx.names(c.duoReport.by) }),
      ],
    ];
  if (!reportOwed(c)) return [];
  const since = crossedAt(doc, c);
  const date = since ? formatDate(localDate(new Date(since)), ctx.lang) : "?";
  const days = policyOfTable(ctx.region, doc).duoDays;
  return [[ctx.t("card.duo"), ctx.t("card.duo.open", { date, id: c.id, days })]];
}

/** Authorised absence (sickness, care) is health data: a case's details show it to who may see it. */
const HEALTH_KINDS: ReadonlySet<SignalKind> = new Set(["ziek", "zorg"]);

/** A case whose basis lets every member see its authorised absence: the parents' consent or an exemption procedure. */
export const healthShared = (c: Case): boolean =>
  c.legalBasis === "toestemming-ouders" || c.legalBasis === "vrijstelling";

/**
 * Whether the reader may see a case's authorised absence: `gezondheid-zien` always; others only where the case rests
 * on the parents' consent or an exemption procedure (domain.md §7.2.3, PR-04).
 */
export function seesHealth(doc: TableDoc, c: Case, actorId: string): boolean {
  return may(memberById(doc, actorId), "gezondheid-zien") || healthShared(c);
}

export function signalSummary(ctx: CommandContext, c: Case, health = true): string {
  const totals = new Map<SignalKind, number>();
  for (const s of activeSignals(c))
    if (health || !HEALTH_KINDS.has(s.kind))
      totals.set(s.kind, (totals.get(s.kind) ?? 0) + (s.hours ?? s.count ?? 1));
  if (totals.size === 0) return ctx.t("card.signals.none");
  return [...totals]
    .map(([kind, n]) => `${ctx.t(`kind.${kind}`)} ${amountText(ctx, kind, n)}`.trim())
    .join(" · ");
}

/** FR-28: the signals gathered in the preventive phase, labelled so nobody reuses them for enforcement unawares. */
function preventiveField(ctx: CommandContext, c: Case, health: boolean): Array<readonly [string, string]> {
  const ids = activeSignals(c)
    .filter((s) => s.origin === "preventive" && (health || !HEALTH_KINDS.has(s.kind)))
    .map((s) => s.id);
  if (ids.length === 0) return [];
  const shown = ids.length > 8 ? [...ids.slice(0, 8), ctx.t("card.more", { n: ids.length - 8 })] : ids;
  return [[ctx.t("card.preventive"), shown.join(", ")]];
}

export function amountText(ctx: Pick<CommandContext, "t" | "lang">, kind: SignalKind, n: number): string {
  const unit = SIGNAL_UNIT[kind];
  if (unit === "hours") return ctx.t("card.hours", { n: num(n, ctx.lang) });
  return ctx.t("card.times", { n });
}

/** `2 uur ongeoorloofd verzuim`: a signal's amount (if any) and kind. */
export const signalWhat = (ctx: Pick<CommandContext, "t" | "lang">, kind: SignalKind, n: number | null) =>
  `${n === null ? "" : `${amountText(ctx, kind, n)} `}${ctx.t(`kind.${kind}`)}`;

/** What Tafel read from a signal, said back: `Signaal S-4: 2 uur ongeoorloofd op ma 16 nov bij C-1 (nu …)`. */
export function understood(ctx: CommandContext, s: Signal, caseId: string, e: Evaluation): string {
  const n = s.hours ?? s.count;
  const t = e.threshold;
  return ctx.t("reply.signal.understood", {
    signal: s.id,
    what: signalWhat(ctx, s.kind, n),
    when: formatSpan(s.from, s.to, ctx.lang, ctx.today),
    id: caseId,
    status: t.window
      ? ctx.t("reply.signal.status", {
          hours: num(t.hours, ctx.lang),
          weeks: windowWords(ctx, t.window).weeks,
          status: ctx.t(`threshold.short.${t.status}`),
        })
      : ctx.t(`threshold.short.${t.status}`),
  });
}

export function caseTitle(ctx: CommandContext, c: Case): string {
  return `${ctx.t("card.title", { id: c.id })} · ${c.pupilKey ?? ctx.t("card.anonymous")}`;
}

/** The case card: always private, since it carries the pupil key. */
export function caseCard(
  ctx: CommandContext,
  c: Case,
  doc: TableDoc,
  evaluation: Evaluation,
  lead?: string,
): Reply {
  // The card shows the earliest due open agreements and the latest MAS steps; the rest is a command away.
  const open = actionsOfCase(doc, c.id)
    .filter((a) => a.status === "open")
    .sort((x, y) => x.due.localeCompare(y.due));
  const actions = open.slice(0, CARD_ACTIONS);
  const seesSteps = may(memberById(doc, ctx.actor.id), "handhaving-zien");
  const steps = c.interventions.slice(-CARD_STEPS);
  const decisions = decisionsOfCase(doc, c.id)
    .filter((d) => d.withdrawn === null)
    .slice(-3);
  const health = seesHealth(doc, c, ctx.actor.id);
  const pupil = pupilFacts(ctx, doc, c);
  const triggers = evaluation.triggers.filter((h) => health || !onAuthorisedAbsence(h.ruleId));
  const status = c.outcome
    ? `${ctx.t(`status.${c.status}`)} (${ctx.t(`outcome.${c.outcome}`)})`
    : ctx.t(`status.${c.status}`);
  const buttons: Button[] =
    c.status === "closed"
      ? []
      : [
          ...(c.regie ? [] : [{ label: ctx.t("button.regie"), run: `regie ${c.id} neem` }]),
          { label: ctx.t("button.actie"), form: "actie", prefill: { id: c.id } },
          { label: ctx.t("button.besluit"), form: "besluit", prefill: { id: c.id } },
          ...actions
            .slice(0, 3)
            .map((a) => ({ label: ctx.t("button.klaar", { id: a.id }), run: `klaar ${a.id}` })),
          ...(open.length > actions.length
            ? [{ label: ctx.t("button.afspraken"), run: `casus ${c.id} afspraken` }]
            : []),
        ];
  return {
    visibility: "private",
    title: caseTitle(ctx, c),
    buttons,
    blocks: [
      ...(lead ? [{ type: "text" as const, text: lead }] : []),
      {
        type: "fields",
        fields: [
          [ctx.t("card.status"), status],
          [ctx.t("card.basis"), ctx.t(c.legalBasis ? `basis.${c.legalBasis}` : "basis.geen")],
          [
            ctx.t("card.regie"),
            c.regie
              ? ctx.t("card.regie.holder", {
                  holder: c.regie.holder,
                  since: formatDate(localDate(new Date(c.regie.since)), ctx.lang),
                })
              : ctx.t("card.regie.none"),
          ],
          [ctx.t("card.signals"), signalSummary(ctx, c, health)],
          ...preventiveField(ctx, c, health),
          [
            `${ctx.t("card.threshold")} (${legalWord(ctx, "wet.meldplicht-16u")})`,
            thresholdLine(ctx, evaluation.threshold),
          ],
          ...(c.stuck
            ? [
                [
                  ctx.t("card.stuck"),
                  `${c.stuck.reason} (@${ctx.names(c.stuck.by)}, ${formatDate(localDate(new Date(c.stuck.at)), ctx.lang)})`,
                ] as const,
              ]
            : []),
          ...(c.handedTo
            ? [
                [
                  ctx.t("card.doorbraak.label"),
                  ctx.t("card.doorbraak", {
                    table: c.handedTo.name,
                    who: ctx.names(c.handedTo.by),
                    date: formatDate(localDate(new Date(c.handedTo.at)), ctx.lang),
                  }),
                ] as const,
              ]
            : []),
          ...triageFields(ctx, doc, c, {
            health,
            slotNotes: may(memberById(doc, ctx.actor.id), "spreekuur-houden"),
          }),
          [ctx.t("card.turn"), turnWords(ctx, doc, c)],
          ...duoField(ctx, doc, c),
          ...(c.exemption ? [[ctx.t("card.exemption"), exemptionWords(ctx, c)] as const] : []),
          [`${ctx.t("card.tier")} (${legalWord(ctx, "mdmtss.laag")})`, tierLine(ctx, evaluation.tier)],
          ...legalTaskField(ctx, doc, c, evaluation),
          ...(pupil ? [[ctx.t("card.pupil"), pupil] as const] : []),
          ...(c.note ? [[ctx.t("card.note"), c.note] as const] : []),
        ],
      },
      ...(triggers.length
        ? [
            {
              type: "list" as const,
              title: ctx.t("card.rules"),
              items: triggers.map((h) => triggerLine(ctx, h)),
            },
          ]
        : []),
      {
        type: "list",
        title: ctx.t("card.actions"),
        items: actions.length
          ? [
              ...actions.map((a) => actionLine(ctx, a)),
              ...(open.length > actions.length
                ? [ctx.t("card.actions.more", { n: open.length - actions.length, id: c.id })]
                : []),
            ]
          : [ctx.t("card.actions.none")],
      },
      // Enforcement steps are leerplicht's to see (domain.md §7.2.4).
      ...(steps.length && seesSteps
        ? [
            {
              type: "list" as const,
              title: ctx.t("card.interventions"),
              items: [
                ...(c.interventions.length > steps.length
                  ? [ctx.t("card.interventions.more", { n: c.interventions.length - steps.length, id: c.id })]
                  : []),
                ...steps.map((i) =>
                  ctx.t("line.intervention", {
                    id: i.id,
                    date: formatDate(i.date, ctx.lang),
                    kind: ctx.t(`intervention.${i.kind}`),
                    by: ctx.names(i.by),
                  }),
                ),
              ],
            },
          ]
        : []),
      {
        type: "list",
        title: ctx.t("card.decisions"),
        items: decisions.length ? decisions.map((d) => decisionLine(ctx, d)) : [ctx.t("card.decisions.none")],
      },
    ],
  };
}

/**
 * When leerplicht has no part in the case, the card says why: tier 3 through authorised absence alone gives no
 * legal task (domain.md SC-C, PR-02); a region that keeps leerplicht out below the threshold (`beleid intake`, FR-15).
 */
function legalTaskField(ctx: CommandContext, doc: TableDoc, c: Case, e: Evaluation) {
  const label = ctx.t("card.legalTask");
  if (
    e.tier?.level === 3 &&
    c.pupilKey !== null &&
    c.legalBasis !== "ongeoorloofd-verzuim" &&
    c.legalBasis !== "absoluut-verzuim"
  )
    return [[label, ctx.t("card.legalTask.none")] as const];
  const mode = policyOfTable(ctx.region, doc).intakeMode;
  return leerplichtMayTakePart(mode, c, e).ok ? [] : [[label, ctx.t("card.intake.none", { mode })] as const];
}

/** `woont in Druten (leerplicht: @piet) · volledig leerplichtig (12-15)`, or "" when nothing is known. */
export function pupilFacts(ctx: Pick<CommandContext, "t" | "region">, doc: TableDoc, c: Case): string {
  // In a region that names the pupil's office, its officers here, or the office itself when they sit elsewhere.
  const here = activeMembers(doc).map((member) => ({ tableId: doc.table.id, member }));
  const route = ctx.region ? routeOf(ctx.region, doc.table.id, c, here) : null;
  const officers =
    route?.office != null
      ? route.officers.length
        ? route.officers.map((s) => `@${s.member.handle}`)
        : [route.office]
      : serving(officersOf(doc), c).map((m) => `@${m.handle}`);
  const duty = dutyOf(c.ageBand);
  return [
    c.municipality
      ? `${ctx.t("pupil.municipality", { municipality: c.municipality })}${officers.length ? ` (${ctx.t("card.legalTask").toLowerCase()}: ${officers.join(", ")})` : ""}`
      : "",
    duty && c.ageBand ? ctx.t(`pupil.duty.${duty}`, { band: c.ageBand }) : "",
  ]
    .filter(Boolean)
    .join(" · ");
}
