import { reportOwed } from "./duo.ts";
import type { Action, AgendaItem, Case, Decision, Meeting, RegieChange, TableDoc } from "./model.ts";
import type { Evaluation } from "./rules/evaluate.ts";

export const openMeeting = (doc: TableDoc): Meeting | undefined =>
  doc.meetings.find((m) => m.endedAt === null);
export const lastEndedMeeting = (doc: TableDoc): Meeting | undefined =>
  doc.meetings.filter((m) => m.endedAt !== null).at(-1);

/**
 * What the table should look at (domain.md §6.1): cases with new signals since the last meeting, crossings of the
 * legal threshold, tier 3, overdue agreements, no regie, or a review date that has come.
 */
export function agendaFor(doc: TableDoc, evaluate: (c: Case) => Evaluation, today: string): AgendaItem[] {
  const since = lastEndedMeeting(doc)?.endedAt ?? null;
  const overdue = new Set(
    doc.actions.filter((a) => a.status === "open" && a.due < today).map((a) => a.caseId),
  );
  const items: AgendaItem[] = [];
  for (const c of doc.cases) {
    if (c.status === "closed") continue;
    const reasons: AgendaItem["reasons"] = c.stuck ? ["vastgelopen"] : [];
    if (c.signals.some((s) => s.withdrawnAt === null && (since === null || s.raisedAt > since)))
      reasons.push("nieuwe-signalen");
    const e = evaluate(c);
    if (e.threshold.status === "meldplichtig") reasons.push("meldplichtig");
    if (reportOwed(c)) reasons.push("niet-gemeld");
    // Tier 2 belongs on the triage agenda too, not only tier 3 (domain.md SC-C).
    if (e.tier?.level === 3) reasons.push("laag-3");
    if (e.tier?.level === 2) reasons.push("laag-2");
    if (overdue.has(c.id)) reasons.push("verlopen-afspraken");
    if (c.regie === null) reasons.push("zonder-regie");
    if (c.reviewOn !== null && c.reviewOn <= today) reasons.push("herzien");
    if (reasons.length) items.push({ caseId: c.id, reasons });
  }
  // A case the table marked stuck is discussed first (doorbraak).
  return [
    ...items.filter((i) => i.reasons[0] === "vastgelopen"),
    ...items.filter((i) => i.reasons[0] !== "vastgelopen"),
  ];
}

export interface CaseMinutes {
  caseId: string;
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
      m = { caseId, decisions: [], actions: [], regie: [] };
      byCase.set(caseId, m);
    }
    return m;
  };
  for (const d of doc.decisions) if (d.meetingId === meeting.id) entry(d.caseId).decisions.push(d);
  for (const a of doc.actions) if (a.meetingId === meeting.id) entry(a.caseId).actions.push(a);
  for (const c of doc.cases)
    for (const r of c.regieHistory) if (r.at >= meeting.startedAt && r.at <= end) entry(c.id).regie.push(r);
  const order = (id: string) => Number(id.slice(2));
  return [...byCase.values()].sort((a, b) => order(a.caseId) - order(b.caseId));
}
