import { leerplichtMayTakePart, statutoryTask } from "./intake.ts";
import type { Case, Finding, Investigation, Member, TableDoc } from "./model.ts";
import { may, refusal } from "./permissions.ts";
import { fail, ok, type Result } from "./result.ts";
import type { Evaluation } from "./rules/evaluate.ts";
import type { Policy } from "./rules/policy.ts";

/**
 * The officer's investigation of a signal (FR-21, issue #29 item 3): "oorzaken, ernst en risico, bepalen van
 * vervolgstappen" [003 L860]. It belongs to the competent officer, is due a labelled number of school days on
 * (`onderzoek.termijn`), reminds them until it has a finding, and its finding feeds the triage.
 */

export const openInvestigationOf = (c: Case): Investigation | undefined =>
  c.investigations.find((i) => i.finding === null);

export function openInvestigation(
  doc: TableDoc,
  c: Case,
  e: Evaluation,
  policy: Policy,
  input: { me: Member; officer: Member; due: string; at: string; today: string },
): Result<Investigation> {
  if (c.pupilKey === null) return fail("onderzoek-anoniem", { id: c.id });
  if (c.status === "closed") return fail("casus-al-gesloten", { id: c.id });
  if (!may(input.officer, "onderzoeken")) return refusal(input.officer, "onderzoeken");
  const part = leerplichtMayTakePart(policy.intakeMode, c, e);
  if (!part.ok) return part;
  const running = openInvestigationOf(c);
  if (running) return fail("onderzoek-loopt", { id: c.id, investigation: running.id });
  if (input.due < input.today) return fail("datum-verleden");
  doc.counters.investigation++;
  const investigation: Investigation = {
    id: `O-${doc.counters.investigation}`,
    officer: input.officer.id,
    due: input.due,
    openedBy: input.me.id,
    openedAt: input.at,
    // FR-28: the phase it is gathered in, as for a signal.
    origin: statutoryTask(c, e) ? "statutory" : "preventive",
    finding: null,
  };
  c.investigations.push(investigation);
  return ok(investigation);
}

/** The finding closes the investigation: its own officer records it (or the chair, who answers for the table). */
export function recordFinding(
  c: Case,
  me: Member,
  finding: Omit<Finding, "at" | "by">,
  at: string,
): Result<Investigation> {
  const running = openInvestigationOf(c);
  if (!running) return fail("onderzoek-geen", { id: c.id });
  if (running.officer !== me.id && !may(me, "werk-van-anderen"))
    return fail("onderzoek-niet-van-jou", { id: running.id });
  running.finding = { ...finding, at, by: me.id };
  return ok(running);
}
