import type { SchoolCalendar } from "./calendar/calendar.ts";
import type { Case, TableDoc } from "./model.ts";
import { PROTOCOL_FIELDS } from "./protocol.ts";
import { fail, ok, type Result } from "./result.ts";
import { type Evaluation, evaluateCase } from "./rules/evaluate.ts";
import { type Policy, type PolicyOverrides, policyOf } from "./rules/policy.ts";
import { schoolByCode, unknownSchool } from "./schools.ts";

/**
 * A table that serves several schools may give each its own local protocol triggers (issue #28 item 8, FR-04):
 * the ISK's newcomer grace beside another school's "5× te laat" [001 L72-73, L200-202]. Only those; the law, the
 * tier, the calendar and the table's intake stay the table's.
 */
export const SCHOOL_POLICY_FIELDS: ReadonlySet<keyof Policy> = new Set<keyof Policy>([
  // The local protocol's answers, "per region, overridable per school" (issue #29 item 1).
  ...PROTOCOL_FIELDS,
  "lateCount",
  "lateWeeks",
  "sickCount",
  "sickWeeks",
  "sickHours",
  "sickHoursWeeks",
  "newcomerWeeks",
]);

/** The school a case belongs to: the school its latest standing signal names. */
export const schoolOfCase = (c: Case): string | null =>
  c.signals.findLast((s) => s.school !== null && s.withdrawnAt === null)?.school ?? null;

/** Sets a school's own protocol triggers; a key the school may not set is refused, naming it. */
export function setSchoolPolicy(
  doc: TableDoc,
  code: string,
  change: PolicyOverrides,
): Result<PolicyOverrides> {
  const school = schoolByCode(doc, code);
  if (!school) return unknownSchool(doc, code);
  const other = Object.keys(change).find((k) => !SCHOOL_POLICY_FIELDS.has(k as keyof Policy));
  if (other !== undefined) return fail("beleid-niet-per-school");
  school.policy = { ...school.policy, ...change };
  // The list is written whole, as every change to a school is.
  doc.schools = [...doc.schools];
  return ok(school.policy);
}

/**
 * Evaluates each case under its school's triggers where the school has its own, else the table's; a protocol
 * rule that fired under a school's own setting names that school.
 */
export function tableEvaluator(
  doc: TableDoc,
  cal: SchoolCalendar,
  policy: Policy,
  date: string,
): (c: Case) => Evaluation {
  const own = ownPolicies(doc, policy);
  if (own.size === 0) return (c) => evaluateCase(c, cal, policy, date);
  return (c) => {
    const code = schoolOfCase(c);
    const mine = code === null ? undefined : own.get(code);
    return mine ? evaluateCase(c, cal, mine, date, code) : evaluateCase(c, cal, policy, date);
  };
}

/**
 * The schools with settings of their own, each with the table's policy (its region's under it) beneath them: parsed
 * once, not per case.
 */
function ownPolicies(doc: TableDoc, table: Policy): Map<string, Policy> {
  const own = new Map<string, Policy>();
  for (const s of doc.schools)
    if (Object.keys(s.policy).length > 0) own.set(s.code, policyOf({ ...table, ...s.policy }));
  return own;
}

/**
 * The policy a school's cases follow (its own protocol answers over the table's, issue #29): for many cases at
 * once, the schools' policies are worked out once.
 */
export function schoolPolicies(doc: TableDoc, table: Policy): (code: string | null) => Policy {
  const own = ownPolicies(doc, table);
  return (code) => (code === null ? undefined : own.get(code)) ?? table;
}
