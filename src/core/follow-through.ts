import type { SchoolCalendar } from "./calendar/calendar.ts";
import { dayNumber } from "./calendar/days.ts";
import { schoolDaysOn } from "./calendar/school-days.ts";
import { decisionsOfCase } from "./case-records.ts";
import { localDate } from "./dates.ts";
import type { Action, Case, TableDoc } from "./model.ts";
import type { REVIEW_RESULTS } from "./model-triage.ts";
import { fail, ok, type Result } from "./result.ts";

/**
 * Follow-through that notices when things stall (issue #31): an agreement asked on its review date whether it
 * worked, where "werkt niet" puts the case back on the agenda — the point where the sources say enforcement may
 * follow [004 L345-350] (FR-23); and a regie holder who has recorded nothing on a case for a while (FR-35).
 */

export type ReviewResult = (typeof REVIEW_RESULTS)[number];

/** School days after "te vroeg" before the question comes again: one school week. */
const ASK_AGAIN = 5;

/** Records whether an agreement worked; "te vroeg" asks again a school week on. */
export function reviewAction(
  action: Action,
  result: ReviewResult,
  by: string,
  at: string,
  cal: SchoolCalendar,
  today: string,
): Result<Action> {
  if (action.status === "cancelled") return fail("afspraak-niet-open", { id: action.id });
  action.reviews.push({ result, at, by });
  if (result === "te-vroeg") action.reviewOn = schoolDaysOn(cal, today, ASK_AGAIN);
  return ok(action);
}

/** An agreement whose review date has come and that has no answer since. */
export function reviewDue(a: Action, today: string): boolean {
  if (a.reviewOn === null || a.reviewOn > today || a.status === "cancelled") return false;
  const last = a.reviews.at(-1);
  return !last || localDate(new Date(last.at)) < a.reviewOn;
}

/**
 * The case's agreements that did not work and that the table has not decided on since: the agenda's "werkt niet".
 */
export function notWorking(doc: TableDoc, c: Case, actions: readonly Action[]): Action[] {
  const lastDecision = decisionsOfCase(doc, c.id)
    .filter((d) => d.withdrawn === null)
    .reduce<string>((latest, d) => (d.at > latest ? d.at : latest), "");
  return actions.filter((a) => {
    const last = a.reviews.at(-1);
    return last?.result === "werkt-niet" && last.at > lastDecision;
  });
}

/**
 * When each member last recorded something on each case, from one pass over the audit trail (which holds every
 * change, each by its actor; reads are kept apart): a signal, an agreement made or finished, a decision, a finding.
 */
export function lastRecorded(doc: TableDoc): (caseId: string, member: string) => string | undefined {
  const last = new Map<string, string>();
  for (const e of doc.audit) if (e.caseId !== null) last.set(`${e.caseId} ${e.actor}`, e.at);
  return (caseId, member) => last.get(`${caseId} ${member}`);
}

/** School days since the regie holder last recorded something on the case (at least since regie), or null. */
export function regieQuietDays(
  c: Case,
  recorded: ReturnType<typeof lastRecorded>,
  cal: SchoolCalendar,
  today: string,
): number | null {
  if (!c.regie) return null;
  const audited = recorded(c.id, c.regie.holder);
  const last = audited && audited > c.regie.since ? audited : c.regie.since;
  return cal.schoolDaysBetween(dayNumber(localDate(new Date(last))) + 1, dayNumber(today));
}
