import { formatDate, localDate } from "../src/core/dates.ts";
import { openInvestigationOf } from "../src/core/investigation.ts";
import { planOf } from "../src/core/mdo.ts";
import type {
  Action,
  Case,
  Decision,
  Investigation,
  Mdo,
  Signal,
  Slot,
  TableDoc,
} from "../src/core/model.ts";
import type { Cause, PriorityRule, Route } from "../src/core/protocol-lists.ts";
import { pendingBooking } from "../src/core/slots.ts";
import { triageOf } from "../src/core/triage.ts";
import type { MessageKey } from "../src/i18n/index.ts";
import type { CommandContext } from "./types.ts";

/** The triage pipeline's words (issue #29), for the card, the timeline, the minutes and the replies. */

type Words = Pick<CommandContext, "t" | "lang" | "names">;

/** `gesprek met leerling, gesprek met ouders`, or "geen" for an empty list. */
export const listWords = (w: Pick<CommandContext, "t">, keys: readonly MessageKey[]) =>
  keys.length ? keys.map((k) => w.t(k)).join(", ") : w.t("protocol.geen");

/** The priority rules that placed a case, as the reader says them: `thuiszitter, laag 3`. */
export const priorityWords = (w: Pick<CommandContext, "t">, rules: readonly PriorityRule[]) =>
  rules.map((p) => w.t(`priority.${p}`)).join(", ");

export const routeWords = (w: Pick<CommandContext, "t">, route: Route | null) =>
  route === null ? w.t("protocol.geen") : w.t(`route.${route}`);

/** A decision as the minutes and the card say it: a triage names its route, the officer's role and who moves next. */
export function decisionText(w: Words, d: Decision): string {
  if (d.beyond) return `${d.text} (${beyondWords(w, d.beyond)})`;
  if (d.route === null) return d.text;
  const triage = w.t("line.triage", {
    route: w.t(`route.${d.route}`),
    role: d.role ? w.t(`officerrole.${d.role}`) : "",
    next: d.next ? `@${w.names(d.next)}` : w.t("line.triage.tafel"),
  });
  return d.text ? `${triage}: ${d.text}` : triage;
}

/** A doorbraak decision "buiten de bestaande kaders" [000 L273-302], with its mandate or budget. */
const beyondWords = (w: Pick<Words, "t">, b: NonNullable<Decision["beyond"]>) =>
  [
    w.t("besluit.buiten-kaders"),
    ...(b.mandate ? [w.t("besluit.mandaat", { text: b.mandate })] : []),
    ...(b.budget ? [w.t("besluit.budget", { text: b.budget })] : []),
  ].join("; ");

/** Causes that are health data: shown only to who may see health (as a sick signal is). */
const HEALTH_CAUSES: ReadonlySet<Cause> = new Set(["gezondheid", "psychisch"]);

/** `pesten, gezondheid (afgeschermd)`: the causes a reader may see, and that there are more when there are. */
function causeWords(w: Pick<CommandContext, "t">, causes: readonly Cause[], health: boolean): string {
  const shown = causes.filter((c) => health || !HEALTH_CAUSES.has(c)).map((c) => w.t(`cause.${c}`));
  if (shown.length < causes.length) shown.push(w.t("cause.afgeschermd"));
  return shown.length ? shown.join(", ") : w.t("protocol.geen");
}

export function investigationLine(w: Words, i: Investigation, health: boolean): string {
  const origin = i.origin === "preventive" ? ` · ${w.t("signal.preventive")}` : "";
  const f = i.finding;
  if (!f)
    return w.t("line.onderzoek.open", {
      id: i.id,
      officer: w.names(i.officer),
      due: formatDate(i.due, w.lang),
      origin,
    });
  return w.t("line.onderzoek.klaar", {
    id: i.id,
    officer: w.names(i.officer),
    causes: causeWords(w, f.causes, health),
    severity: w.t(`level.${f.severity}`),
    risk: w.t(`level.${f.risk}`),
    next: routeWords(w, f.next),
    origin,
  });
}

/**
 * `MDO-1 (19 nov): zorgcoördinator, JGZ; ouders aanwezig, kind gaf toestemming; oorzaken …; plan: A-3`; without
 * the parents it says so. Causes only with `causes` (health causes screened as in an investigation).
 */
export function mdoLine(w: Words, m: Mdo, plan: readonly Action[], causes: boolean, health = false): string {
  const partners = m.partners.length
    ? m.partners.map((f) => w.t(`role.${f}`)).join(", ")
    : w.t("mdo.geen-partners");
  return [
    w.t("mdo.line", { id: m.id, date: formatDate(localDate(new Date(m.at)), w.lang), partners }),
    w.t(`mdo.ouders.${m.parents}`),
    w.t(`mdo.kind.${m.child}`),
    ...(causes && m.causes.length ? [`${w.t("mdo.oorzaken")} ${causeWords(w, m.causes, health)}`] : []),
    ...(plan.length ? [`${w.t("mdo.plan")} ${plan.map((a) => a.id).join(", ")}`] : []),
    ...(causes && m.note ? [m.note] : []),
  ].join("; ");
}

/** `di 15 dec 13:00, Stadhuis` or `… online`. */
export const slotWhen = (w: Pick<CommandContext, "t" | "lang">, s: Slot) =>
  w.t("spreekuur.when", {
    date: formatDate(s.date, w.lang),
    time: s.time,
    where: s.online ? w.t("spreekuur.online") : (s.place ?? ""),
  });

/** What the school said with a signal (FR-20): its actions, the pattern, and whether it came early. */
export function schoolSaid(w: Pick<CommandContext, "t">, s: Signal): string {
  const parts = [
    s.schoolActions === null
      ? ""
      : w.t("signal.acties", {
          list: listWords(
            w,
            s.schoolActions.map((a) => `action.${a}` as const),
          ),
        }),
    s.pattern === null ? "" : w.t("signal.patroon", { pattern: w.t(`pattern.${s.pattern}`) }),
    s.early.length
      ? w.t("signal.vroeg", {
          list: listWords(
            w,
            s.early.map((a) => `action.${a}` as const),
          ),
        })
      : "",
  ];
  return parts.filter(Boolean).join("; ");
}

/** The card's fields for the pipeline: what the school did, the investigation, the triage, the consultation hour. */
export function triageFields(
  w: Words,
  doc: TableDoc,
  c: Case,
  sees: { health: boolean; slotNotes: boolean },
): Array<readonly [string, string]> {
  const fields: Array<readonly [string, string]> = [];
  // At home through illness is health data: on the card of who may see health (FR-32).
  if (c.homeSick && sees.health)
    fields.push([
      w.t("card.thuis-ziek"),
      w.t("card.thuis-ziek.since", { since: formatDate(c.homeSick.since, w.lang) }),
    ]);
  const intake = c.signals.find(
    (s) => s.withdrawnAt === null && (s.schoolActions !== null || s.pattern !== null),
  );
  if (intake) fields.push([w.t("card.school-acties"), schoolSaid(w, intake)]);
  const mdo = c.mdos.at(-1);
  if (mdo) fields.push([w.t("card.mdo"), mdoLine(w, mdo, planOf(doc, c, mdo), true, sees.health)]);
  const investigation = openInvestigationOf(c) ?? c.investigations.at(-1);
  if (investigation) fields.push([w.t("card.onderzoek"), investigationLine(w, investigation, sees.health)]);
  const triage = triageOf(doc, c);
  if (triage) fields.push([w.t("card.triage"), `${triage.id}: ${decisionText(w, triage)}`]);
  const booked = pendingBooking(doc, c.id);
  if (booked) fields.push([w.t("card.spreekuur"), `${booked.slot.id}, ${slotWhen(w, booked.slot)}`]);
  else if (doc.waiting.some((x) => x.caseId === c.id))
    fields.push([w.t("card.spreekuur"), w.t("card.wachtlijst")]);
  else {
    // The last hour that was held for it: its outcome for every reader, its note for who holds consultation hours.
    const held = doc.slots.findLast((s) => s.bookings.some((b) => b.caseId === c.id && b.outcome !== null));
    const outcome = held?.bookings.findLast((b) => b.caseId === c.id)?.outcome;
    if (held && outcome)
      fields.push([
        w.t("card.spreekuur"),
        w.t("card.spreekuur.uitkomst", {
          slot: held.id,
          date: formatDate(held.date, w.lang),
          result: w.t(`slotresult.${outcome.result}`),
          next: outcome.next ? w.t("reply.spreekuur.vervolg", { route: routeWords(w, outcome.next) }) : "",
          note: sees.slotNotes && outcome.note ? ` (${outcome.note})` : "",
        }),
      ]);
  }
  return fields;
}
