// One module each: the package's index loads all of date-fns (about 200 MiB of memory in Node's ESM loader).
import { addMonths } from "date-fns/addMonths";
import { lightFormat } from "date-fns/lightFormat";
import { parseISO } from "date-fns/parseISO";
import { localDate } from "./dates.ts";
import type { Case, TableDoc } from "./model.ts";

const REMOVED = "(verwijderd)";

/** Whether the table was ever told this case crossed the legal threshold (its notices record each crossing). */
export const crossedThreshold = (c: Case): boolean =>
  c.summary?.crossed ?? c.notices.some((k) => k.startsWith("wet.meldplicht-16u@"));

/** The day a text goes: the local day of its instant (or the day itself) plus the table's retention period. */
const retentionEnds = (instantOrDate: string, months: number): string =>
  lightFormat(
    addMonths(
      parseISO(instantOrDate.length > 10 ? localDate(new Date(instantOrDate)) : instantOrDate),
      months,
    ),
    "yyyy-MM-dd",
  );

/** The day a closed case's personal data goes: its closing day plus the table's retention period. */
export function purgeDate(c: Case, months: number): string | null {
  if (c.status !== "closed" || c.closedAt === null || c.purgedAt !== null) return null;
  return retentionEnds(c.closedAt, months);
}

export const duePurges = (doc: TableDoc, months: number, today: string): Case[] =>
  doc.cases.filter((c) => {
    const on = purgeDate(c, months);
    return on !== null && on <= today;
  });

/**
 * Removes what could identify the pupil or tell their story (domain.md §7.2.9): the pupil key, every free text
 * of the case, its agreements and decisions, and its signals; keeps counts per kind and the hours, so reports
 * still add up. The case id, status, outcome and dates stay.
 */
export function purgeCase(doc: TableDoc, c: Case, at: string): void {
  const signals: Record<string, number> = {};
  let hours = 0;
  for (const s of c.signals) {
    if (s.withdrawnAt !== null) continue;
    signals[s.kind] = (signals[s.kind] ?? 0) + 1;
    hours += s.hours ?? 0;
  }
  c.summary = { signals, hours, crossed: crossedThreshold(c) };
  c.pupilKey = null;
  c.note = null;
  c.signals = [];
  c.enrolledOn = null;
  c.notices = [];
  c.purgedAt = at;
  for (const i of c.interventions) i.note = null;
  for (const a of doc.actions) if (a.caseId === c.id) a.text = REMOVED;
  for (const d of doc.decisions) if (d.caseId === c.id) d.text = REMOVED;
  // Reminders that named the case's agreements carry their texts: sent ones go, unsent ones are moot now.
  doc.outbox = doc.outbox.filter((e) => !JSON.stringify(e.message).includes(`"${c.id}"`));
}

/**
 * The school layer's texts go after the same retention as a case's (issue #28): an advice once followed up (or
 * given without a follow-up), a preventive action's note, a closed system signal's text, each counted from its
 * day. The records stay, so the annual report still counts them; figures are aggregated and stay whole.
 */
export function purgeSchoolWork(doc: TableDoc, months: number, today: string): number {
  const expired = (instantOrDate: string) => retentionEnds(instantOrDate, months) <= today;
  let n = 0;
  for (const a of doc.advice)
    if (
      a.text !== REMOVED &&
      (a.followUp === null || a.followedUpAt !== null) &&
      expired(a.followedUpAt ?? a.at)
    ) {
      a.text = REMOVED;
      n++;
    }
  for (const e of doc.schoolEvents)
    if (e.note !== null && expired(e.date)) {
      e.note = null;
      n++;
    }
  for (const s of doc.systemSignals)
    if (s.text !== REMOVED && s.status === "afgesloten" && expired(s.changedAt)) {
      s.text = REMOVED;
      n++;
    }
  // Written whole, as every change to the school layer is: only when something went.
  if (n > 0) {
    doc.advice = [...doc.advice];
    doc.schoolEvents = [...doc.schoolEvents];
    doc.systemSignals = [...doc.systemSignals];
  }
  return n;
}
