import { openMeetingId } from "./actions.ts";
import { decisionsOfCase } from "./case-records.ts";
import { leerplichtMayTakePart, statutoryTask } from "./intake.ts";
import type { Case, Decision, Member, TableDoc } from "./model.ts";
import { may, refusal } from "./permissions.ts";
import type { OfficerRole, Route } from "./protocol-lists.ts";
import { fail, ok, type Result } from "./result.ts";
import type { Evaluation } from "./rules/evaluate.ts";
import type { Policy } from "./rules/policy.ts";

/**
 * The table's triage (FR-22, issue #29 item 4): "bepalen of en welke route het beste ingezet kan worden en wie
 * daarbij aanzet is" [003 L861]. A decision of the table like any other (minutes, timeline, report), which also
 * carries the route from a fixed list, the officer's role and who moves next.
 */

export interface TriageInput {
  route: Route;
  role: OfficerRole | null;
  next: Member | null;
  note: string | null;
}

/** The case's standing triage: its latest decision with a route that was not taken back. */
export const triageOf = (doc: TableDoc, c: Case): Decision | undefined =>
  decisionsOfCase(doc, c.id).findLast((d) => d.route !== null && d.withdrawn === null);

export function recordTriage(
  doc: TableDoc,
  c: Case,
  e: Evaluation,
  policy: Policy,
  me: Member,
  input: TriageInput,
  at: string,
): Result<Decision> {
  if (!may(me, "triageren")) return refusal(me, "triageren");
  if (c.status === "closed") return fail("casus-al-gesloten", { id: c.id });
  if (c.pupilKey === null) return fail("triage-anoniem", { id: c.id });
  // Leerplicht's role in a case is only where the region lets it take part below the threshold (FR-15).
  const part = leerplichtMayTakePart(policy.intakeMode, c, e);
  if (!part.ok && (may(me, "leerplicht-taak") || input.route !== "school")) return part;
  if (input.route === "handhaving" && !statutoryTask(c, e))
    return fail("geen-wettelijke-taak", { id: c.id, kind: "route.handhaving" });
  if (input.next && input.next.removedAt !== null) return fail("geen-lid");
  doc.counters.decision++;
  const decision: Decision = {
    id: `B-${doc.counters.decision}`,
    caseId: c.id,
    text: input.note ?? "",
    at,
    by: me.id,
    meetingId: openMeetingId(doc),
    route: input.route,
    role: input.role ?? policy.officerRole,
    next: input.next?.id ?? null,
    beyond: null,
    withdrawn: null,
  };
  doc.decisions.push(decision);
  return ok(decision);
}
