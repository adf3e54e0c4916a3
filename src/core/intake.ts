import type { Case, Member } from "./model.ts";
import { may } from "./permissions.ts";
import { fail, ok, type Result } from "./result.ts";
import type { Evaluation } from "./rules/evaluate.ts";
import type { IntakeMode } from "./rules/policy.ts";

/**
 * Leerplicht's task on a case whatever the region chose below the threshold (domain.md key rule 3, [003 L1720]):
 * the law's threshold, absolute absence, a thuiszitter, or an exemption and its procedure.
 */
export function statutoryTask(c: Case, e: Evaluation): boolean {
  return (
    e.threshold.status === "meldplichtig" ||
    c.legalBasis === "absoluut-verzuim" ||
    c.legalBasis === "vrijstelling" ||
    c.exemption !== null ||
    e.triggers.some((h) => h.ruleId === "wet.thuiszitter" || h.ruleId === "wet.absoluut-verzuim")
  );
}

/**
 * Whether leerplicht may take part in this case under the table's intake mode (`beleid intake=…`, catalogue
 * `protocol.intake`): always where the region works preventively or the law gives a task; under `consult` also
 * in an anonymous consult and at the parents' request [003 L1720]; under `wettelijk` nowhere else (case E
 * [003 L1822]).
 */
export function leerplichtMayTakePart(mode: IntakeMode, c: Case, e: Evaluation): Result<null> {
  if (mode === "preventief" || statutoryTask(c, e)) return ok(null);
  if (mode === "consult" && (c.pupilKey === null || c.legalBasis === "toestemming-ouders")) return ok(null);
  return fail(mode === "consult" ? "intake-alleen-consult" : "intake-wettelijk", { id: c.id });
}

/** Regie or an agreement for this member on this case: refused when it is leerplicht's and leerplicht may not take part. */
export function checkLeerplichtWork(mode: IntakeMode, c: Case, e: Evaluation, member: Member): Result<null> {
  return may(member, "leerplicht-taak") ? leerplichtMayTakePart(mode, c, e) : ok(null);
}

/**
 * Below the threshold, where leerplicht does not take part, regie stays with the school (FR-15, [003 L844]): a
 * new case raised by a school member is theirs unless someone takes it.
 */
export function schoolKeepsRegie(mode: IntakeMode, c: Case, e: Evaluation, raiser: Member): boolean {
  return (
    mode !== "preventief" &&
    c.regie === null &&
    c.pupilKey !== null &&
    !statutoryTask(c, e) &&
    may(raiser, "schoolregie")
  );
}

/**
 * A school's early flag below the threshold that stays within the school (FR-42, issue #29 item 8): under
 * `intake=consult` or `wettelijk` leerplicht has no part in it until the threshold, a consult or the parents'
 * consent lets it in, so it is not on the table's agenda and leerplicht does not see it.
 */
export const schoolInternal = (mode: IntakeMode, c: Case, e: Evaluation): boolean =>
  mode !== "preventief" && c.pupilKey !== null && !leerplichtMayTakePart(mode, c, e).ok;

/** Who sees a case: everyone, unless it is school-internal; then the school's members, the chair, and who is in it. */
export const seesCase = (member: Member, mode: IntakeMode, c: Case, e: Evaluation): boolean =>
  !schoolInternal(mode, c, e) ||
  may(member, "vroegsignaal-zien") ||
  c.regie?.holder === member.id ||
  c.signals.some((s) => s.raisedBy === member.id);
