import { findCase } from "./cases.ts";
import type { Action, Case, Decision, Member, TableDoc } from "./model.ts";
import { byNumber } from "./numbered.ts";
import { may } from "./permissions.ts";
import { fail, ok, type Result } from "./result.ts";
import { nameOf } from "./table.ts";

/** The meeting under way, if any: what is agreed during it belongs to its minutes. */
export const openMeetingId = (doc: TableDoc): string | null =>
  doc.meetings.find((m) => m.endedAt === null)?.id ?? null;

export const findAction = (doc: TableDoc, id: string): Action | undefined => byNumber(doc.actions, id);

export function addAction(
  doc: TableDoc,
  c: Case,
  owner: Member,
  due: string,
  text: string,
  by: string,
  at: string,
  today: string,
  reviewOn: string | null = null,
): Result<Action> {
  if (c.status === "closed") return fail("casus-al-gesloten", { id: c.id });
  if (due < today) return fail("datum-verleden");
  if (reviewOn !== null && reviewOn < due) return fail("evaluatie-voor-datum");
  doc.counters.action++;
  const action: Action = {
    id: `A-${doc.counters.action}`,
    caseId: c.id,
    text,
    owner: owner.id,
    due,
    status: "open",
    createdBy: by,
    createdAt: at,
    closedAt: null,
    closedBy: null,
    meetingId: openMeetingId(doc),
    reviewOn,
    reviews: [],
  };
  doc.actions.push(action);
  return ok(action);
}

/** The owner, the case's regie holder and the chair may close or postpone an agreement. */
export function mayChangeAction(doc: TableDoc, action: Action, actor: Member): boolean {
  const holder = findCase(doc, action.caseId)?.regie?.holder;
  return may(actor, "werk-van-anderen") || actor.id === action.owner || actor.id === holder;
}

export function finishAction(
  doc: TableDoc,
  action: Action,
  status: "done" | "cancelled",
  actor: Member,
  at: string,
): Result<Action> {
  if (action.status !== "open")
    return fail(action.status === "done" ? "afspraak-al-klaar" : "afspraak-al-vervallen", { id: action.id });
  if (!mayChangeAction(doc, action, actor))
    return fail("afspraak-niet-van-jou", { id: action.id, owner: nameOf(doc, action.owner) });
  action.status = status;
  action.closedAt = at;
  action.closedBy = actor.id;
  return ok(action);
}

export function addDecision(
  doc: TableDoc,
  c: Case,
  text: string,
  by: string,
  at: string,
  beyond: Decision["beyond"] = null,
): Result<Decision> {
  if (c.status === "closed") return fail("casus-al-gesloten", { id: c.id });
  doc.counters.decision++;
  const decision: Decision = {
    id: `B-${doc.counters.decision}`,
    caseId: c.id,
    text,
    at,
    by,
    meetingId: openMeetingId(doc),
    route: null,
    role: null,
    next: null,
    beyond,
    withdrawn: null,
  };
  doc.decisions.push(decision);
  return ok(decision);
}

/** A changed owner, due date or text of an open agreement; who may change it is who may close it. */
export function editAction(
  doc: TableDoc,
  action: Action,
  change: { owner: Member | null; due: string | null; text: string | null },
  actor: Member,
  today: string,
): Result<Action> {
  if (action.status !== "open") return fail("afspraak-niet-open", { id: action.id });
  if (!mayChangeAction(doc, action, actor))
    return fail("afspraak-niet-van-jou", { id: action.id, owner: nameOf(doc, action.owner) });
  if (change.due !== null && change.due < today) return fail("datum-verleden");
  if (change.owner) action.owner = change.owner.id;
  if (change.due !== null) action.due = change.due;
  if (change.text !== null) action.text = change.text;
  return ok(action);
}

/** A decision taken back, with the reason: kept in the record and the timeline, gone from the card's list. */
export function withdrawDecision(
  decision: Decision,
  reason: string,
  actor: Member,
  at: string,
): Result<Decision> {
  if (decision.withdrawn) return fail("besluit-al-ingetrokken", { id: decision.id });
  decision.withdrawn = { at, by: actor.id, reason };
  return ok(decision);
}
