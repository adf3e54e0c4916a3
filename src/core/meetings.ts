import type { SchoolCalendar } from "./calendar/calendar.ts";
import { dayNumber } from "./calendar/days.ts";
import { actionsOfCase } from "./case-records.ts";
import { localDate } from "./dates.ts";
import { reportOwed } from "./duo.ts";
import { notWorking } from "./follow-through.ts";
import { schoolInternal } from "./intake.ts";
import type { Action, AgendaItem, Case, Decision, Mdo, Meeting, RegieChange, TableDoc } from "./model.ts";
import { byPriority, priorityReasons, type Ranked } from "./priority.ts";
import type { Escalation } from "./protocol-lists.ts";
import { schoolDaysSince } from "./reminders.ts";
import type { Evaluation } from "./rules/evaluate.ts";
import type { Policy } from "./rules/policy.ts";
import { schoolOfCase, schoolPolicies } from "./school-policy.ts";
import { triageOf } from "./triage.ts";

/** What the agenda needs of the table's rules. */
export interface AgendaRules {
  cal: SchoolCalendar;
  policy: Policy;
  evaluate(c: Case): Evaluation;
}

export const openMeeting = (doc: TableDoc): Meeting | undefined =>
  doc.meetings.find((m) => m.endedAt === null);
export const lastEndedMeeting = (doc: TableDoc): Meeting | undefined =>
  doc.meetings.filter((m) => m.endedAt !== null).at(-1);

/**
 * What the table should look at (domain.md §6.1): cases with new signals since the last meeting, crossings of the
 * legal threshold, tier 3, overdue agreements, no regie, a review date that has come, or a rule of the local
 * protocol that puts the case up (issue #29). Stuck cases first, then those put up, each group by the protocol's
 * priority. A school's early flag that stays within the school (FR-42) is not on the table's agenda.
 */
export function agendaFor(doc: TableDoc, rules: AgendaRules, today: string): AgendaItem[] {
  const last = lastEndedMeeting(doc);
  const since = last?.endedAt ?? null;
  // On the last meeting's agenda, and nothing recorded on it there: it has waited a meeting (issue #31 item 1).
  const discussed = new Set(last ? minutesFor(doc, last).map((m) => m.caseId) : []);
  const waited = new Set(last?.agenda.map((i) => i.caseId).filter((id) => !discussed.has(id)) ?? []);
  const overdue = new Set(
    doc.actions.filter((a) => a.status === "open" && a.due < today).map((a) => a.caseId),
  );
  const items: Ranked<AgendaItem>[] = [];
  const policyFor = schoolPolicies(doc, rules.policy);
  for (const c of doc.cases) {
    if (c.status === "closed") continue;
    const e = rules.evaluate(c);
    if (schoolInternal(rules.policy.intakeMode, c, e)) continue;
    const reasons: AgendaItem["reasons"] = c.stuck ? ["vastgelopen"] : [];
    const policy = policyFor(schoolOfCase(c));
    if (escalated(doc, c, e, policy, rules.cal, today)) reasons.push("opschalen");
    if (c.signals.some((s) => s.withdrawnAt === null && (since === null || s.raisedAt > since)))
      reasons.push("nieuwe-signalen");
    if (e.threshold.status === "meldplichtig") reasons.push("meldplichtig");
    if (reportOwed(c)) reasons.push("niet-gemeld");
    // Tier 2 belongs on the triage agenda too, not only tier 3 (domain.md SC-C).
    if (e.tier?.level === 3) reasons.push("laag-3");
    if (e.tier?.level === 2) reasons.push("laag-2");
    if (overdue.has(c.id)) reasons.push("verlopen-afspraken");
    if (notWorking(doc, c, actionsOfCase(doc, c.id)).length) reasons.push("werkt-niet");
    if (c.regie === null) reasons.push("zonder-regie");
    if (c.reviewOn !== null && c.reviewOn <= today) reasons.push("herzien");
    if (reasons.length && waited.has(c.id)) reasons.push("niet-besproken");
    if (!reasons.length) continue;
    const priority = priorityReasons(rules.policy.priority, c, e, today);
    items.push({ item: { caseId: c.id, reasons, priority }, reasons: priority, since: c.openedAt });
  }
  const ordered = byPriority(rules.policy.priority, items).map((r) => r.item);
  // A case the table marked stuck is discussed first (doorbraak), then what the protocol puts up.
  const group = (i: AgendaItem) =>
    i.reasons[0] === "vastgelopen" ? 0 : i.reasons[0] === "opschalen" ? 1 : 2;
  return [0, 1, 2].flatMap((g) => ordered.filter((i) => group(i) === g));
}

/** Whether the local protocol's escalation rules put this case up to the table [003 L1188]. */
function escalated(
  doc: TableDoc,
  c: Case,
  e: Evaluation,
  policy: Policy,
  cal: SchoolCalendar,
  today: string,
): boolean {
  const meets = (rule: Escalation): boolean => {
    switch (rule) {
      case "meldplichtig":
        return e.threshold.status === "meldplichtig";
      case "laag-3":
        return e.tier?.level === 3;
      case "thuiszitter":
        return e.triggers.some((h) => h.ruleId === "wet.thuiszitter");
      case "geen-triage": {
        const first = c.signals.find((s) => s.withdrawnAt === null);
        return (
          first !== undefined &&
          triageOf(doc, c) === undefined &&
          schoolDaysSince(cal, dayNumber(localDate(new Date(first.raisedAt))), dayNumber(today)) >=
            policy.escalateAfter
        );
      }
    }
  };
  return policy.escalation.some(meets);
}

export interface CaseMinutes {
  caseId: string;
  /** MDOs held in the meeting (FR-41), their plan the agreements beside them. */
  mdos: Mdo[];
  decisions: Decision[];
  actions: Action[];
  regie: RegieChange[];
}

/** Per case: the decisions and agreements made during the meeting, and the changes of regie in its time. */
export function minutesFor(doc: TableDoc, meeting: Meeting): CaseMinutes[] {
  const end = meeting.endedAt ?? "9999";
  const byCase = new Map<string, CaseMinutes>();
  const entry = (caseId: string) => {
    let m = byCase.get(caseId);
    if (!m) {
      m = { caseId, mdos: [], decisions: [], actions: [], regie: [] };
      byCase.set(caseId, m);
    }
    return m;
  };
  for (const d of doc.decisions) if (d.meetingId === meeting.id) entry(d.caseId).decisions.push(d);
  for (const a of doc.actions) if (a.meetingId === meeting.id) entry(a.caseId).actions.push(a);
  for (const c of doc.cases) for (const m of c.mdos) if (m.meetingId === meeting.id) entry(c.id).mdos.push(m);
  for (const c of doc.cases)
    for (const r of c.regieHistory) if (r.at >= meeting.startedAt && r.at <= end) entry(c.id).regie.push(r);
  const order = (id: string) => Number(id.slice(2));
  return [...byCase.values()].sort((a, b) => order(a.caseId) - order(b.caseId));
}
