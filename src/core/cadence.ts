import type { SchoolCalendar } from "./calendar/calendar.ts";
import { dateOf, dayNumber, weekdayOf } from "./calendar/days.ts";
import { type AgendaRules, agendaFor } from "./meetings.ts";
import type { TableDoc } from "./model.ts";
import type { Due } from "./reminders.ts";
import { schoolDaysSince } from "./reminders.ts";
import type { Policy } from "./rules/policy.ts";

/**
 * The table's rhythm (FR-05, FR-40, issue #31 item 1): tables meet "op vaste momenten" [003 L334] — triage every two
 * to three weeks, a consultation hour every two [003 fn6, L1796; 001 L90-92, L202-205]. Tafel plans the next
 * meeting on the school calendar (a date in a holiday is skipped) and sends its agenda to the table a set number of
 * school days before.
 */

/** The first meeting of the rhythm: its first date, moved on to the table's meeting day. */
function anchor(policy: Policy): number | null {
  if (policy.meetingWeeks === 0 || policy.meetingFrom === null) return null;
  const from = dayNumber(policy.meetingFrom);
  return from + ((policy.meetingDay - 1 - weekdayOf(from) + 7) % 7);
}

/** The next planned meeting on or after `date`, or null without a rhythm (or past the calendar's data). */
export function nextMeeting(policy: Policy, cal: SchoolCalendar, date: string): string | null {
  const start = anchor(policy);
  if (start === null) return null;
  const step = 7 * policy.meetingWeeks;
  const today = dayNumber(date);
  for (let d = start + Math.max(0, Math.ceil((today - start) / step)) * step; d <= cal.last; d += step)
    if (cal.isSchoolDay(d)) return dateOf(d);
  return null;
}

/**
 * On the school day `overleg.agenda-dagen` school days before the next meeting: its agenda, for the table's
 * channel (the chair gets the reminder with it). Once per meeting, by its key.
 */
export function agendaDue(doc: TableDoc, rules: AgendaRules, date: string): Due | null {
  const { cal, policy } = rules;
  const today = dayNumber(date);
  if (!cal.isSchoolDay(today)) return null;
  const on = nextMeeting(policy, cal, date);
  if (on === null || schoolDaysSince(cal, today, dayNumber(on)) !== policy.agendaDays) return null;
  return {
    key: `overleg:${on}`,
    message: { kind: "overleg", date, on, time: policy.meetingTime, items: agendaFor(doc, rules, date) },
  };
}
