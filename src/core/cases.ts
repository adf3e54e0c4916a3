import type { SchoolCalendar } from "./calendar/calendar.ts";
import { dayNumber } from "./calendar/days.ts";
import { daysBetween, isoWeekday, plusDays } from "./dates.ts";
import { DUTY_KINDS, exemptOn } from "./exemptions.ts";
import type { Case, LegalBasis, Outcome, Signal, SignalKind, TableDoc } from "./model.ts";
import { byNumber } from "./numbered.ts";
import type { AbsencePattern, SchoolAction } from "./protocol-lists.ts";
import { fail, ok, type Result } from "./result.ts";
import { leaveWaiting } from "./slots.ts";

/** How each kind of signal is measured. */
export const SIGNAL_UNIT: Record<SignalKind, "hours" | "count" | "none"> = {
  ongeoorloofd: "hours",
  luxe: "hours",
  ziek: "hours",
  "te-laat": "count",
  absoluut: "none",
  thuiszitter: "none",
  zorg: "none",
};

/**
 * Unauthorised absence is itself the legal ground to process a pupil's data (domain.md §7.2 a–c); sick
 * reports, late arrivals and care signals are not, so those need a ground named by the partner.
 */
const BASIS_FROM_KIND: Partial<Record<SignalKind, LegalBasis>> = {
  ongeoorloofd: "ongeoorloofd-verzuim",
  luxe: "ongeoorloofd-verzuim",
  thuiszitter: "ongeoorloofd-verzuim",
  absoluut: "absoluut-verzuim",
};

/** Bases that are facts a signal establishes; the others (consent, exemption procedure, covenant) are recorded. */
const FACT_BASES: ReadonlySet<LegalBasis> = new Set(["ongeoorloofd-verzuim", "absoluut-verzuim"]);

/**
 * The legal basis a case's facts give (domain.md §7, PR-01/04/05): absolute absence, else unauthorised absence,
 * else what was recorded as what it is (consent, an exemption procedure, a covenant). Never a free choice.
 */
export function basisFromFacts(signals: readonly Signal[], recorded: LegalBasis | null): LegalBasis | null {
  const active = signals.filter((s) => s.withdrawnAt === null);
  if (active.some((s) => s.kind === "absoluut")) return "absoluut-verzuim";
  if (active.some((s) => BASIS_FROM_KIND[s.kind] === "ongeoorloofd-verzuim")) return "ongeoorloofd-verzuim";
  return recorded !== null && !FACT_BASES.has(recorded) ? recorded : null;
}

const MAX_RANGE_DAYS = 366;

export interface SignalInput {
  kind: SignalKind;
  from: string;
  to: string;
  amount: number | null;
  school: string | null;
  note: string | null;
  legalBasis: LegalBasis | null;
  /** FR-20: what the school already did, and how the absence shows (null: not said). */
  schoolActions?: SchoolAction[] | null;
  pattern?: AbsencePattern | null;
}

/** A new, open case with nothing on it yet. */
export function blankCase(id: string, pupilKey: string | null, by: string, at: string): Case {
  return {
    id,
    pupilKey,
    status: "open",
    outcome: null,
    legalBasis: null,
    note: null,
    openedAt: at,
    openedBy: by,
    closedAt: null,
    regie: null,
    regieHistory: [],
    signals: [],
    schoolType: null,
    enrolledOn: null,
    municipality: null,
    ageBand: null,
    notices: [],
    reviewOn: null,
    interventions: [],
    investigations: [],
    homeSick: null,
    mdos: [],
    duoReport: null,
    exemption: null,
    stuck: null,
    handedTo: null,
    purgedAt: null,
    summary: null,
  };
}

export type PupilTarget = { pupilKey: string } | { caseId: string };

export const findCase = (doc: TableDoc, id: string): Case | undefined => byNumber(doc.cases, id);
export const isActive = (c: Case) => c.status !== "closed";
export const activeSignals = (c: Case) => c.signals.filter((s) => s.withdrawnAt === null);

function weekdaysIn(from: string, to: string): number {
  let n = 0;
  for (let d = from; d <= to; d = plusDays(d, 1)) if (isoWeekday(d) <= 5) n++;
  return n;
}

function checkAmount(
  input: SignalInput,
  today: string,
  perDay: number,
): Result<{ hours: number | null; count: number | null }> {
  if (input.from > input.to) return fail("periode-omgekeerd");
  if (input.to > today) return fail("datum-in-toekomst");
  if (daysBetween(input.from, input.to) > MAX_RANGE_DAYS) return fail("periode-te-lang");
  const unit = SIGNAL_UNIT[input.kind];
  if (unit === "none")
    return input.amount === null
      ? ok({ hours: null, count: null })
      : fail("geen-aantal", { kind: input.kind });
  if (input.amount === null)
    return fail(unit === "hours" ? "uren-nodig" : "aantal-nodig", { kind: input.kind });
  if (unit === "count") {
    if (!Number.isInteger(input.amount) || input.amount < 1 || input.amount > 100)
      return fail("aantal-ongeldig");
    return ok({ hours: null, count: input.amount });
  }
  const max = perDay * Math.max(1, weekdaysIn(input.from, input.to));
  if (input.amount <= 0 || input.amount > max || Math.round(input.amount * 4) !== input.amount * 4)
    return fail("uren-ongeldig", { max });
  return ok({ hours: input.amount, count: null });
}

export interface RaisedSignal {
  case: Case;
  signal: Signal;
  created: boolean;
  reopened: boolean;
  /** The case's legal basis moved with its facts (audited). */
  basisChanged: boolean;
}

/**
 * Attaches a signal to the pupil's case at this table, creating it when the pupil has none and reopening the
 * latest when it was closed: a pupil never has two cases at one table.
 */
export function raiseSignal(
  doc: TableDoc,
  target: PupilTarget,
  input: SignalInput,
  by: string,
  at: string,
  today: string,
  /** The most lesson hours of one school day for the pupil's school type (the policy's `lesuren.dag.*`). */
  dayMax: (c: Case | undefined) => number,
): Result<RaisedSignal> {
  let found: Case | undefined;
  if ("caseId" in target) {
    found = findCase(doc, target.caseId);
    if (!found) return fail("casus-onbekend", { id: target.caseId });
  } else {
    found = doc.cases.findLast((c) => c.pupilKey === target.pupilKey);
  }
  const perDay = dayMax(found);
  const amount = checkAmount(input, today, perDay);
  if (!amount.ok) return amount;
  if (found && DUTY_KINDS.has(input.kind) && (exemptOn(found, input.from) || exemptOn(found, input.to)))
    return fail("vrijgesteld", { id: found.id, ground: `exemption.${found.exemption?.ground}` });
  const identified = found ? found.pupilKey !== null : true;
  // One day holds no more absence than its lesson hours, whoever reported it: two reports of 7 h are a typo.
  if (amount.value.hours !== null && input.from === input.to && found) {
    const already = activeSignals(found)
      .filter((s) => s.from === input.from && s.to === input.from && s.hours !== null)
      .reduce((sum, s) => sum + (s.hours ?? 0), 0);
    if (already + amount.value.hours > perDay)
      return fail("uren-dag-vol", { date: input.from, max: perDay, already });
  }
  const signal: Signal = {
    id: `S-${doc.counters.signal + 1}`,
    kind: input.kind,
    from: input.from,
    to: input.to,
    ...amount.value,
    school: input.school,
    note: input.note,
    origin: BASIS_FROM_KIND[input.kind] ? "statutory" : "preventive",
    schoolActions: input.schoolActions ?? null,
    pattern: input.pattern ?? null,
    early: [],
    raisedBy: by,
    raisedAt: at,
    withdrawnAt: null,
  };
  const facts = [...(found?.signals ?? []), signal];
  // A basis that is a fact must follow from the signals: it cannot be talked round with `grondslag=`.
  if (
    input.legalBasis &&
    FACT_BASES.has(input.legalBasis) &&
    basisFromFacts(facts, null) !== input.legalBasis
  )
    return fail("grondslag-past-niet", { basis: `basis.${input.legalBasis}` });
  const basis = basisFromFacts(facts, input.legalBasis ?? found?.legalBasis ?? null);
  if (identified && basis === null) return fail("grondslag-nodig", { kind: `kind.${input.kind}` });

  const created = found === undefined;
  const reopened = found?.status === "closed";
  const theCase: Case =
    found ?? blankCase(`C-${doc.counters.case + 1}`, "pupilKey" in target ? target.pupilKey : null, by, at);
  if (created) {
    doc.counters.case++;
    doc.cases.push(theCase);
  }
  const basisChanged = identified && theCase.legalBasis !== basis;
  if (identified) theCase.legalBasis = basis;
  if (theCase.status !== "open") reopen(theCase);
  doc.counters.signal++;
  theCase.signals.push(signal);
  return ok({ case: theCase, signal, created, reopened, basisChanged });
}

/** An anonymous consultation: a case with no pupil, so no legal ground is needed (domain.md §7.1 PR-02). */
export function openConsultation(doc: TableDoc, note: string | null, by: string, at: string): Case {
  doc.counters.case++;
  const c: Case = { ...blankCase(`C-${doc.counters.case}`, null, by, at), note };
  doc.cases.push(c);
  return c;
}

function reopen(c: Case) {
  c.status = "open";
  c.outcome = null;
  c.closedAt = null;
}

/** Whether a case may close: not closed already, and no open agreements left. */
export function closable(doc: TableDoc, c: Case): Result<Case> {
  if (c.status === "closed") return fail("casus-al-gesloten", { id: c.id });
  const open = doc.actions.filter((a) => a.caseId === c.id && a.status === "open").map((a) => a.id);
  if (open.length > 0) return fail("casus-heeft-open-afspraken", { id: c.id, items: open.join(", ") });
  return ok(c);
}

export function closeCase(doc: TableDoc, c: Case, outcome: Outcome, at: string): Result<Case> {
  const can = closable(doc, c);
  if (!can.ok) return can;
  c.status = "closed";
  c.outcome = outcome;
  c.closedAt = at;
  // A closed case waits for no consultation hour (FR-24).
  leaveWaiting(doc, c.id);
  return ok(c);
}

/**
 * TH-16: a case is closed once its unauthorised absence has stopped (or an exemption runs). The sources leave open
 * for how long; the table's `sluiten.verzuimvrij` says how many school days without it count as stopped. Returns
 * the last day of absence that still runs, or null.
 */
export function runningAbsence(
  c: Case,
  cal: SchoolCalendar,
  today: string,
  quietDays: number,
): string | null {
  if (quietDays === 0 || exemptOn(c, today)) return null;
  const last = activeSignals(c)
    .filter((s) => DUTY_KINDS.has(s.kind))
    .map((s) => s.to)
    .sort()
    .at(-1);
  if (last === undefined || last >= today) return last ?? null;
  return cal.schoolDaysBetween(dayNumber(last) + 1, dayNumber(today)) < quietDays ? last : null;
}

export function reopenCase(c: Case): Result<Case> {
  if (c.status !== "closed") return fail("casus-niet-gesloten", { id: c.id });
  reopen(c);
  return ok(c);
}

export function monitorCase(c: Case): Result<Case> {
  if (c.status !== "open")
    return fail(c.status === "closed" ? "casus-al-gesloten" : "casus-al-gevolgd", { id: c.id });
  c.status = "monitoring";
  return ok(c);
}
