import { actionsOfCase } from "./case-records.ts";
import { openInvestigationOf } from "./investigation.ts";
import type { Action, Case, Decision, TableDoc } from "./model.ts";
import type { Evaluation } from "./rules/evaluate.ts";
import { triageOf } from "./triage.ts";

/** Which cases `casussen` lists; every part given must hold. */
export interface CaseQuery {
  /** Closed cases too. */
  all: boolean;
  withoutRegie: boolean;
  meldplichtig: boolean;
  tier: 1 | 2 | 3 | null;
  /** A school code one of the case's signals carries. */
  school: string | null;
  /** A member id: cases where it is their move (`atTurnOf`). */
  atTurn: string | null;
  /** A member id: cases they are part of, holding regie or owning an open agreement (`mijn`). */
  involved: string | null;
  /** Pupils at home through illness (FR-32). */
  homeSick: boolean;
}

export const ANY_OPEN: CaseQuery = {
  all: false,
  withoutRegie: false,
  meldplichtig: false,
  tier: null,
  school: null,
  atTurn: null,
  involved: null,
  homeSick: false,
};

export function matches(doc: TableDoc, c: Case, e: Evaluation, q: CaseQuery): boolean {
  if (!q.all && c.status === "closed") return false;
  if (q.withoutRegie && c.regie !== null) return false;
  if (q.homeSick && c.homeSick === null) return false;
  if (q.meldplichtig && e.threshold.status !== "meldplichtig") return false;
  if (q.tier !== null && e.tier?.level !== q.tier) return false;
  if (q.school !== null && !c.signals.some((s) => s.withdrawnAt === null && s.school === q.school))
    return false;
  if (
    q.involved !== null &&
    c.regie?.holder !== q.involved &&
    !actionsOfCase(doc, c.id).some((a) => a.status === "open" && a.owner === q.involved)
  )
    return false;
  if (q.atTurn !== null && atTurnOf(doc, c)?.member !== q.atTurn) return false;
  return true;
}

/**
 * Whose move it is on a case (domain.md FR-15, SC-C; issue #29): whoever owes the earliest open task — an agreement's
 * owner, or the officer of an open investigation — else the one the standing triage put at turn, else the regie
 * holder, else the table (null).
 */
export const atTurnOf = (doc: TableDoc, c: Case) =>
  turnOf(
    c,
    actionsOfCase(doc, c.id).filter((a) => a.status === "open"),
    triageOf(doc, c),
  );

/** The same, from the case's open agreements and its triage's next where the caller has them already (the weekly digest). */
export function turnOf(
  c: Case,
  open: readonly Action[],
  triage: Pick<Decision, "id" | "next"> | undefined,
): { member: string; actionId: string | null } | null {
  const next = open.reduce<Action | undefined>(
    (first, a) => (first && first.due <= a.due ? first : a),
    undefined,
  );
  const investigation = openInvestigationOf(c);
  if (investigation && (!next || investigation.due < next.due))
    return { member: investigation.officer, actionId: investigation.id };
  if (next) return { member: next.owner, actionId: next.id };
  // The record that put them at turn: the triage decision.
  if (triage?.next) return { member: triage.next, actionId: triage.id };
  return c.regie ? { member: c.regie.holder, actionId: null } : null;
}
