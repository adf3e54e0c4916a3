import type { SchoolCalendar } from "./calendar/calendar.ts";
import { dateOf, dayNumber, isoWeekOfMonday, weekdayOf } from "./calendar/days.ts";
import { turnOf } from "./case-query.ts";
import { localDate } from "./dates.ts";
import { crossedAt, reportOwed } from "./duo.ts";
import { lastRecorded, regieQuietDays, reviewDue } from "./follow-through.ts";
import { schoolInternal } from "./intake.ts";
import type { Action, AgendaItem, Case, OutboxEntry, TableDoc } from "./model.ts";
import { addressees, holdersOf } from "./permissions.ts";
import type { Evaluation } from "./rules/evaluate.ts";
import type { CaseNotice } from "./rules/notices.ts";
import type { IntakeMode, Policy } from "./rules/policy.ts";
import { type AdviceDue, adviceDue } from "./school-work.ts";
import { activeMembers } from "./table.ts";
import { triageOf } from "./triage.ts";

/** Reminders are derived from state: what is due on a school day follows from the table as it is that day. */
export interface ActionRef {
  id: string;
  caseId: string;
  text: string;
  owner: string;
  due: string;
}

export type Outbound =
  | {
      kind: "dag";
      to: string;
      date: string;
      dueSoon: ActionRef[];
      dueToday: ActionRef[];
      overdue: ActionRef[];
      /** Agreements of others in cases this person leads, now overdue for `leadAfter` school days or more. */
      leadOverdue: ActionRef[];
      /** For the chair: cases without regie for `chairAfter` school days or more. */
      noRegie: Array<{ caseId: string; days: number }>;
      /** For who reports to DUO and the chair: meldplichtig cases not reported yet, every school day until they are. */
      /** `late`: past the table's deadline for the report (`duo.termijn`). */
      unreported?: Array<{ caseId: string; days: number; late?: boolean }>;
      /** For the officer: advice to a school to follow up today, or overdue (issue #28). */
      advice?: AdviceDue[];
      /** For the officer: investigations due soon, today or overdue, until their finding (issue #29, FR-21). */
      investigations?: Array<{ id: string; caseId: string; due: string; overdue: boolean }>;
      /** For the owner and regie: agreements whose review date has come, unanswered (issue #31, FR-23). */
      reviews?: ActionRef[];
      /** For the regie guardian: cases whose regie holder recorded nothing for `regie.stil-na` school days (FR-35). */
      staleRegie?: Array<{ caseId: string; holder: string; days: number }>;
    }
  | {
      kind: "week";
      date: string;
      since: string | null;
      newSignals: Array<{ caseId: string; n: number }>;
      crossings: string[];
      tierChanges: Array<{ caseId: string; from: number | null; to: number }>;
      overdue: ActionRef[];
      noRegie: string[];
      /**
       * One line per case that asks for attention, as a reader takes it in (added after the sections above,
       * which an entry written before keeps): what is new, where it stands, who leads and whose turn it is.
       */
      cases?: DigestCase[];
      /** Consultation hours (FR-24): free places in the coming hours, and the waiting list with its longest wait. */
      consultation?: { free: number; slots: number; waiting: number; longestDays: number };
    }
  | { kind: "mislukt"; date: string; original: string; recipient: string }
  /** From six months before the holiday data runs out, every day, for the chair: the operator must add a year. */
  | { kind: "kalender"; date: string; end: string }
  /**
   * A case at another table of the region for which this member is competent, or handed to this doorbraaktafel
   * (issue #30): the case's table and id, never its content; the member joins it with `regio meedoen`.
   */
  | {
      kind: "regio";
      to: string | null;
      reason: "bevoegd" | "contact" | "doorbraak";
      fromTable: string;
      fromName: string;
      caseId: string;
      office: string | null;
    }
  /** A planned meeting's agenda, to the table a set number of school days before it (issue #31, FR-05). */
  | { kind: "overleg"; date: string; on: string; time: string; items: AgendaItem[] }
  /** Crossings that time alone brought about (a thuiszitter's fourth week), found by the day's first tick. */
  | { kind: "regels"; date: string; notices: CaseNotice[] }
  /**
   * A message a platform adapter could not send at once (a long Retry-After, retries spent), as it composed it:
   * kept so the scheduler sends it later through the same adapter. `to` is a conversation, or a member whose
   * own chat it goes to.
   */
  | {
      kind: "platform";
      platform: string;
      to: { conversation: string } | { member: string };
      activity: Record<string, unknown>;
    };

export interface DigestCase {
  caseId: string;
  newSignals: number;
  /** Unauthorised hours in the threshold's window. */
  hours: number;
  status: string;
  tier: { from: number | null; to: number } | null;
  /** Member id of the regie holder, or null. */
  regie: string | null;
  /** Whose move it is (`atTurnOf`): one member, or none; a list, as digests written before kept several. */
  atTurn: string[];
  overdue: number;
}

export interface Due {
  key: string;
  message: Outbound;
}

const ref = (a: Action): ActionRef => ({
  id: a.id,
  caseId: a.caseId,
  text: a.text,
  owner: a.owner,
  due: a.due,
});

/**
 * The due dates whose owners hear today that they come soon: today is the n-th school day before them exactly when
 * they fall after the (n-1)-th school day from today and on or before the n-th (so a Monday's reminder comes on
 * Friday). Worked out once a day instead of once per agreement.
 */
function dueSoonWindow(cal: SchoolCalendar, today: number, n: number): [number, number] {
  const ahead = [today];
  for (let d = today + 1; ahead.length <= n && d <= cal.last; d++) if (cal.isSchoolDay(d)) ahead.push(d);
  return [ahead[n - 1] ?? today, ahead[n] ?? today];
}

/** School days after `from` up to and including `to`. */
export const schoolDaysSince = (cal: SchoolCalendar, from: number, to: number) =>
  cal.schoolDaysBetween(from + 1, to);

/** Told on the day a count is first reached, then once a school week, so a slipping item is not forgotten nor nagged. */
const tellToday = (days: number, after: number) => days >= after && (days - after) % 5 === 0;

function regieLostSince(c: Case): string {
  const last = c.regieHistory.at(-1);
  return last && last.holder === null ? last.at : c.openedAt;
}

/** Each person's one message of the day: their own agreements, and what they lead or chair. */
export function dailyMessages(doc: TableDoc, cal: SchoolCalendar, policy: Policy, date: string): Due[] {
  const today = dayNumber(date);
  if (!cal.isSchoolDay(today)) return [];
  const open = doc.actions.filter((a) => a.status === "open");
  const active = doc.cases.filter((c) => c.status !== "closed");
  const leadOf = new Map(active.map((c) => [c.id, c.regie?.holder ?? null]));
  const inbox = new Map<string, Extract<Outbound, { kind: "dag" }>>();
  const box = (to: string) => {
    let m = inbox.get(to);
    if (!m) {
      m = {
        kind: "dag",
        to,
        date,
        dueSoon: [],
        dueToday: [],
        overdue: [],
        leadOverdue: [],
        noRegie: [],
        unreported: [],
      };
      inbox.set(to, m);
    }
    return m;
  };
  const [soonAfter, soonUntil] =
    policy.reminderDaysBefore > 0 ? dueSoonWindow(cal, today, policy.reminderDaysBefore) : [today, today];
  for (const a of open) {
    const due = dayNumber(a.due);
    if (due === today) box(a.owner).dueToday.push(ref(a));
    else if (due < today) {
      box(a.owner).overdue.push(ref(a));
      const lead = leadOf.get(a.caseId);
      if (lead && lead !== a.owner && tellToday(schoolDaysSince(cal, due, today), policy.leadAfter))
        box(lead).leadOverdue.push(ref(a));
    } else if (due > soonAfter && due <= soonUntil) box(a.owner).dueSoon.push(ref(a));
  }
  const members = activeMembers(doc);
  const chairs = addressees(members, "tafel-bewaken").map((m) => m.id);
  // The regie guardian the table gives (FR-35): members of that function, else the chair.
  const guardians = holdersOf(members, policy.regieGuardian, "tafel-bewaken").map((m) => m.id);
  for (const c of active) {
    if (c.regie) continue;
    const days = schoolDaysSince(cal, dayNumber(localDate(new Date(regieLostSince(c)))), today);
    if (tellToday(days, policy.chairAfter))
      for (const guardian of guardians) box(guardian).noRegie.push({ caseId: c.id, days });
  }
  // Who reports hears it every school day; the chair once the table's deadline (`duo.termijn`) has passed.
  const reporters = addressees(members, "duo-melden").map((m) => m.id);
  for (const c of active.filter(reportOwed)) {
    const at = crossedAt(doc, c);
    const days = at ? schoolDaysSince(cal, dayNumber(localDate(new Date(at))), today) : 0;
    const late = days > policy.duoDays;
    const to = new Set(late ? [...reporters, ...chairs] : reporters);
    for (const id of to) box(id).unreported?.push({ caseId: c.id, days, late });
  }
  // An investigation is reminded as an agreement is: before, on and after its due date, to its officer.
  for (const c of active)
    for (const i of c.investigations) {
      const due = dayNumber(i.due);
      if (i.finding !== null || due > soonUntil || !members.some((m) => m.id === i.officer)) continue;
      if (due > today && due <= soonAfter) continue;
      const m = box(i.officer);
      m.investigations = [
        ...(m.investigations ?? []),
        { id: i.id, caseId: c.id, due: i.due, overdue: due < today },
      ];
    }
  // An agreement's review: its owner and the case's regie holder, on the day and once a school week after (FR-23).
  for (const a of doc.actions) {
    if (!reviewDue(a, date) || !leadOf.has(a.caseId)) continue;
    // The first school day on or after the review date counts as day 0.
    if (!tellToday(cal.schoolDaysBetween(dayNumber(a.reviewOn as string), today) - 1, 0)) continue;
    for (const to of new Set([a.owner, leadOf.get(a.caseId) ?? a.owner]))
      if (members.some((m) => m.id === to)) {
        const m = box(to);
        m.reviews = [...(m.reviews ?? []), ref(a)];
      }
  }
  // A regie holder gone quiet: the guardian hears it on the day it is so, then once a school week (FR-35).
  if (policy.staleRegieDays > 0) {
    const recorded = lastRecorded(doc);
    for (const c of active) {
      const days = regieQuietDays(c, recorded, cal, date);
      if (days === null || !tellToday(days, policy.staleRegieDays)) continue;
      // The quiet holder is not their own guardian, unless nobody else is.
      const others = guardians.filter((g) => g !== c.regie?.holder);
      for (const guardian of others.length ? others : guardians) {
        const m = box(guardian);
        m.staleRegie = [...(m.staleRegie ?? []), { caseId: c.id, holder: c.regie?.holder ?? "", days }];
      }
    }
  }
  // The officer's advice to schools, followed up as an agreement is; someone who left hears nothing more.
  for (const [to, due] of adviceDue(doc, cal, date))
    if (members.some((m) => m.id === to)) box(to).advice = due;
  return [...inbox.values()].map((message) => ({ key: `dag:${date}:${message.to}`, message }));
}

/** The week's digest goes out on the first school day on or after the table's digest day. */
export function isDigestDay(cal: SchoolCalendar, policy: Policy, date: string): boolean {
  const today = dayNumber(date);
  if (policy.digestDay === 0 || !cal.isSchoolDay(today)) return false;
  const weekday = weekdayOf(today) + 1;
  if (weekday < policy.digestDay) return false;
  for (let d = today - (weekday - policy.digestDay); d < today; d++) if (cal.isSchoolDay(d)) return false;
  return true;
}

export function weekKey(date: string): string {
  const day = dayNumber(date);
  const monday = day - weekdayOf(day);
  return `week:${dateOf(monday + 3).slice(0, 4)}-W${String(isoWeekOfMonday(monday)).padStart(2, "0")}`;
}

/** The table's weekly digest: what is new since the last one, and what needs the table's attention. */
export function weeklyDigest(
  doc: TableDoc,
  evaluate: (c: Case) => Evaluation,
  date: string,
  mode: IntakeMode = "preventief",
): Due & { snapshot: NonNullable<TableDoc["lastDigest"]> } {
  const since = doc.lastDigest?.date ?? null;
  const from = since ?? dateOf(dayNumber(date) - 7);
  const active = doc.cases.filter((c) => c.status !== "closed");
  const statuses: Record<string, string> = {};
  const tiers: Record<string, number> = {};
  const crossings: string[] = [];
  const tierChanges: Array<{ caseId: string; from: number | null; to: number }> = [];
  const newSignals: Array<{ caseId: string; n: number }> = [];
  const cases: DigestCase[] = [];
  const open = doc.actions.filter((a) => a.status === "open");
  // One pass over the agreements, not one per case: on the store's draft every element read is tracked.
  const openOf = Map.groupBy(open, (a) => a.caseId);
  for (const c of active) {
    const e = evaluate(c);
    // The digest goes to the table's channel: a school's early flag that stays within the school is not in it (FR-42).
    if (schoolInternal(mode, c, e)) continue;
    statuses[c.id] = e.threshold.status;
    if (e.tier) tiers[c.id] = e.tier.level;
    const crossed =
      e.threshold.status === "meldplichtig" && doc.lastDigest?.statuses[c.id] !== "meldplichtig";
    if (crossed) crossings.push(c.id);
    const before = doc.lastDigest?.tiers[c.id] ?? null;
    const tier = e.tier && e.tier.level !== (before ?? 1) ? { from: before, to: e.tier.level } : null;
    if (tier) tierChanges.push({ caseId: c.id, ...tier });
    const n = c.signals.filter(
      (s) => s.withdrawnAt === null && localDate(new Date(s.raisedAt)) > from,
    ).length;
    if (n > 0) newSignals.push({ caseId: c.id, n });
    const mine = openOf.get(c.id) ?? [];
    const turn = turnOf(c, mine, triageOf(doc, c));
    const overdue = mine.filter((a) => a.due < date).length;
    if (n > 0 || crossed || tier || overdue > 0 || c.regie === null)
      cases.push({
        caseId: c.id,
        newSignals: n,
        hours: e.threshold.hours,
        status: e.threshold.status,
        tier,
        regie: c.regie?.holder ?? null,
        atTurn: turn ? [turn.member] : [],
        overdue,
      });
  }
  const message: Outbound = {
    kind: "week",
    date,
    since,
    newSignals,
    crossings,
    tierChanges,
    overdue: open.filter((a) => a.due < date).map(ref),
    noRegie: cases.filter((c) => c.regie === null).map((c) => c.caseId),
    cases,
    consultation: consultationWeek(doc, date),
  };
  return { key: weekKey(date), message, snapshot: { date, statuses, tiers } };
}

/** The digest's line on consultation hours: places free in the hours to come, who waits and since how long. */
function consultationWeek(doc: TableDoc, date: string) {
  const coming = doc.slots.filter((s) => s.date >= date);
  const longest = doc.waiting.reduce<string | null>(
    (first, w) => (first && first <= w.since ? first : w.since),
    null,
  );
  return {
    slots: coming.length,
    free: coming.reduce((n, s) => n + Math.max(0, s.capacity - s.bookings.length), 0),
    waiting: doc.waiting.length,
    longestDays: longest === null ? 0 : dayNumber(date) - dayNumber(localDate(new Date(longest))),
  };
}

/** A message owed, written before it is sent: the scheduler's, or one an adapter could not send at once. */
export const outboxEntry = (key: string, message: Outbound, at: Date, notBefore = at): OutboxEntry => ({
  key,
  createdAt: at.toISOString(),
  sentAt: null,
  failedAt: null,
  attempts: 0,
  nextAttemptAt: notBefore.toISOString(),
  lastError: null,
  message,
});
