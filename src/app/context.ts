import type { SchoolCalendar } from "../core/calendar/calendar.ts";
import { localDate } from "../core/dates.ts";
import type { Case, Member, TableDoc } from "../core/model.ts";
import { may, type Permission, refusal } from "../core/permissions.ts";
import { fail, ok, type Result } from "../core/result.ts";
import { type Evaluation, evaluateCase } from "../core/rules/evaluate.ts";
import { type Policy, policyOf } from "../core/rules/policy.ts";
import { audit, memberById } from "../core/table.ts";
import type { Background, Calendars, Clock, Notifier, Pseudonymizer, Store } from "../ports.ts";

export interface Deps {
  store: Store;
  clock: Clock;
  pseudonymizer: Pseudonymizer;
  calendars: Calendars;
  background: Background;
  notifier: Notifier;
}

/** What a use case sees inside its transaction: the draft table, the acting member, and the moment. */
export interface Act {
  doc: TableDoc;
  me: Member;
  at: string;
  today: string;
  /** Records an audit event by the acting member. */
  audit(event: string, caseId?: string | null, subject?: string | null): void;
  /** The table's calendar and rules, and what they conclude about a case today. */
  rules(): TableRules;
}

export interface TableRules {
  cal: SchoolCalendar;
  policy: Policy;
  evaluate(c: Case): Evaluation;
}

export function rulesFor(deps: Deps, doc: TableDoc, today: string): TableRules {
  const cal = deps.calendars.forTable(doc);
  const policy = policyOf(doc.policy);
  return { cal, policy, evaluate: (c) => evaluateCase(c, cal, policy, today) };
}

/**
 * A look at a table as one member (a card, a list, an export, the report): worked out on the table as stored,
 * not through a change's tracker, which at 10,000 cases costs more than the look; then put on record as reads,
 * and answered only once they are. Refuses non-members and roles not allowed, as `act` does. The view must
 * only read: it is given the stored table itself.
 */
export async function look<T>(
  deps: Deps,
  tableId: string,
  actorId: string,
  permission: Permission | null,
  view: (a: Act) => Result<T>,
): Promise<Result<T>> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const today = localDate(now);
  const doc = await deps.store.read(tableId);
  const me = memberById(doc, actorId);
  if (!me) return fail("geen-lid");
  if (permission && !may(me, permission)) return refusal(me, permission);
  const reads: Array<[string, string | null, string | null]> = [];
  let rules: TableRules | undefined;
  const r = view({
    doc,
    me,
    at,
    today,
    audit: (event, caseId = null, subject = null) => void reads.push([event, caseId, subject]),
    rules: () => {
      rules ??= rulesFor(deps, doc, today);
      return rules;
    },
  });
  if (!r.ok || reads.length === 0) return r;
  const recorded = await deps.store.transact(tableId, (d) => {
    for (const [event, caseId, subject] of reads) audit(d, at, me.id, event, caseId, subject);
    return ok(null);
  });
  return recorded.ok ? r : recorded;
}

/**
 * Runs one change to a table as one member: refuses non-members and roles not allowed, audits, and writes
 * only when the change succeeds (the Store's transact contract).
 */
export function act<T>(
  deps: Deps,
  tableId: string,
  actorId: string,
  permission: Permission | null,
  change: (a: Act) => Result<T>,
): Promise<Result<T>> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const today = localDate(now);
  return deps.store.transact(tableId, (doc) => {
    let rules: TableRules | undefined;
    const me = memberById(doc, actorId);
    if (!me) return fail("geen-lid");
    if (permission && !may(me, permission)) return refusal(me, permission);
    return change({
      doc,
      me,
      at,
      today,
      audit: (event, caseId = null, subject = null) => audit(doc, at, me.id, event, caseId, subject),
      rules: () => {
        rules ??= rulesFor(deps, doc, today);
        return rules;
      },
    });
  });
}
