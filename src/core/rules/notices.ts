import type { SchoolCalendar } from "../calendar/calendar.ts";
import { dateOf, dayNumber } from "../calendar/days.ts";
import { leerplichtMayTakePart } from "../intake.ts";
import type { Case, TableDoc } from "../model.ts";
import { audit } from "../table.ts";
import type { Evaluation } from "./evaluate.ts";
import type { IntakeMode } from "./policy.ts";
import type { ThresholdResult } from "./threshold.ts";
import type { RuleHit } from "./triggers.ts";

/** A rule a case has just come to meet: told to the table once. */
export type CaseNotice =
  | { caseId: string; kind: "threshold"; threshold: ThresholdResult }
  /** Nearing the threshold: leerplicht hears it privately, so it is not involved too late (domain.md §9). */
  | { caseId: string; kind: "nadert"; threshold: ThresholdResult }
  | { caseId: string; kind: "trigger"; hit: RuleHit };

/**
 * Compares what a case meets now with what the table was already told, records the difference on the case, and
 * returns the crossings to announce. A rule that is no longer met (a withdrawn signal) is forgotten, so a later
 * real crossing is announced again. Notices are per school year. Nearing is leerplicht's to hear only where the
 * table's intake mode lets leerplicht take part below the threshold.
 */
export function takeNotices(
  c: Case,
  e: Evaluation,
  cal: SchoolCalendar,
  today: string,
  intake: IntakeMode = "preventief",
): CaseNotice[] {
  const year = dateOf(cal.schoolYearStart(dayNumber(today)));
  const met = new Map<string, CaseNotice>();
  if (e.threshold.status === "meldplichtig")
    met.set(`${e.threshold.ruleId}@${year}`, { caseId: c.id, kind: "threshold", threshold: e.threshold });
  // Once per crossing: forgotten when the case drops back or becomes meldplichtig, told again on a new approach.
  if (e.threshold.status === "nadert" && leerplichtMayTakePart(intake, c, e).ok)
    met.set(`${e.threshold.ruleId}.nadert@${year}`, { caseId: c.id, kind: "nadert", threshold: e.threshold });
  // A newcomer's grace (a local agreement) holds back the table's own protocol prompts, not the law's.
  const grace = e.triggers.some((hit) => hit.ruleId === "protocol.nieuwkomer");
  for (const hit of e.triggers)
    if (hit.ruleId !== "protocol.nieuwkomer" && !(grace && hit.ruleId.startsWith("protocol.")))
      met.set(`${hit.ruleId}@${year}`, { caseId: c.id, kind: "trigger", hit });
  const fresh = [...met].filter(([key]) => !c.notices.includes(key));
  const kept = c.notices.filter((k) => !k.endsWith(`@${year}`) || met.has(k));
  // Written only when it changes: the store journals every case a change touches.
  if (fresh.length > 0 || kept.length !== c.notices.length)
    c.notices = [...kept, ...fresh.map(([key]) => key)];
  return fresh.map(([, n]) => n);
}

/** A crossing of the law's threshold is kept in the audit trail on the day it was found: the case's timeline shows it. */
export function auditCrossings(doc: TableDoc, notices: readonly CaseNotice[], at: string) {
  for (const n of notices)
    if (n.kind === "threshold") audit(doc, at, "tafel", "casus.meldplichtig", n.caseId, n.threshold.ruleId);
}
