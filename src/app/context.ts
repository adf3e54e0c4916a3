import type { SchoolCalendar } from "../core/calendar/calendar.ts";
import { localDate } from "../core/dates.ts";
import type { Case, Member, TableDoc } from "../core/model.ts";
import type { RegionDoc } from "../core/model-region.ts";
import { may, type Permission, refusal } from "../core/permissions.ts";
import { ownRegion, policyIn } from "../core/region.ts";
import { fail, ok, type Result } from "../core/result.ts";
import type { Evaluation } from "../core/rules/evaluate.ts";
import type { Policy } from "../core/rules/policy.ts";
import { tableEvaluator } from "../core/school-policy.ts";
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
  /** The region the table belongs to (its own when no region lists it), as read before the change (issue #30). */
  region: RegionDoc;
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

/** The region of a table: the one that lists it, else its own. */
export async function regionOf(deps: Deps, tableId: string, doc?: TableDoc): Promise<RegionDoc> {
  return (await deps.store.regions.of(tableId)) ?? ownRegion(doc ?? (await deps.store.read(tableId)));
}

export function rulesFor(deps: Deps, doc: TableDoc, today: string, shared: RegionDoc | null): TableRules {
  const region = shared ?? ownRegion(doc);
  const cal = deps.calendars.forTable(doc, region.holidays);
  const policy = policyIn(region, doc.policy);
  return { cal, policy, evaluate: tableEvaluator(doc, cal, policy, today) };
}

/** The moment a use case runs at: the instant, and the Amsterdam date it falls on. */
function moment(deps: Deps) {
  const now = deps.clock.now();
  return { at: now.toISOString(), today: localDate(now) };
}

/**
 * The acting member at a table, as a use case sees them; refused when they are no member or their function may
 * not do this. `record` puts an audit event on record for them.
 */
function actAs(
  deps: Deps,
  doc: TableDoc,
  shared: RegionDoc | null,
  actorId: string,
  permission: Permission | null,
  when: { at: string; today: string },
  record: (me: Member) => Act["audit"],
): Result<Act> {
  const me = memberById(doc, actorId);
  if (!me) return fail("geen-lid");
  if (permission && !may(me, permission)) return refusal(me, permission);
  let rules: TableRules | undefined;
  const region = shared ?? ownRegion(doc);
  return ok({
    doc,
    me,
    region,
    ...when,
    audit: record(me),
    rules: () => {
      rules ??= rulesFor(deps, doc, when.today, region);
      return rules;
    },
  });
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
  const when = moment(deps);
  const reads: Array<[string, string | null, string | null]> = [];
  const shared = await deps.store.regions.of(tableId);
  const a = actAs(
    deps,
    await deps.store.read(tableId),
    shared,
    actorId,
    permission,
    when,
    () =>
      (event, caseId = null, subject = null) => {
        reads.push([event, caseId, subject]);
      },
  );
  if (!a.ok) return a;
  const r = view(a.value);
  if (!r.ok || reads.length === 0) return r;
  const recorded = await deps.store.transact(tableId, (d) => {
    for (const [event, caseId, subject] of reads) audit(d, when.at, a.value.me.id, event, caseId, subject);
    return ok(null);
  });
  return recorded.ok ? r : recorded;
}

/**
 * Runs one change to a table as one member: refuses non-members and roles not allowed, audits, and writes
 * only when the change succeeds (the Store's transact contract).
 */
export async function act<T>(
  deps: Deps,
  tableId: string,
  actorId: string,
  permission: Permission | null,
  change: (a: Act) => Result<T>,
): Promise<Result<T>> {
  const when = moment(deps);
  const shared = await deps.store.regions.of(tableId);
  return deps.store.transact(tableId, (doc) => {
    const a = actAs(
      deps,
      doc,
      shared,
      actorId,
      permission,
      when,
      (me) =>
        (event, caseId = null, subject = null) =>
          audit(doc, when.at, me.id, event, caseId, subject),
    );
    return a.ok ? change(a.value) : a;
  });
}
