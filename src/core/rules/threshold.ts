import type { SchoolCalendar } from "../calendar/calendar.ts";
import { dateOf, dayNumber } from "../calendar/days.ts";
import type { Signal } from "../model.ts";
import { EPSILON, heaviestWindow, round2, weekly, windowSum } from "./weekly.ts";

export const LEGAL_HOURS = 16;
const NONE: readonly string[] = Object.freeze([]);
export const LEGAL_WEEKS = 4;
export const THRESHOLD_RULE = "wet.meldplicht-16u";

export interface WeekWindow {
  /** First and last school day of the window, and the ISO week numbers it spans. */
  from: number;
  to: number;
  firstWeek: number;
  lastWeek: number;
}

export interface ThresholdResult {
  ruleId: typeof THRESHOLD_RULE;
  status: "meldplichtig" | "nadert" | "onder";
  hours: number;
  window: WeekWindow | null;
  /** Unauthorised signals dated in a week without school days: not counted, and said so. */
  outside: readonly string[];
}

/** The window of `width` lesweken ending at week `end`, its last day at most `upTo` (today, while under way). */
export function windowOf(
  cal: SchoolCalendar,
  end: number,
  width: number,
  upTo = Number.POSITIVE_INFINITY,
): WeekWindow {
  const first = cal.week(Math.max(0, end - width + 1));
  const last = cal.week(end);
  return {
    from: first.firstSchoolDay,
    to: Math.min(last.lastSchoolDay, upTo),
    firstWeek: first.isoWeek,
    lastWeek: last.isoWeek,
  };
}

export const isUnauthorised = (s: Signal) => s.kind === "ongeoorloofd" || s.kind === "luxe";
const unauthorisedHours = (s: Signal) => (isUnauthorised(s) ? (s.hours ?? 0) : 0);

/** A span of days on which the pupil had no attendance duty (an exemption), both ends inclusive, `to` null when open. */
export interface DutyFree {
  from: number;
  to: number | null;
}

/**
 * A thuiszitter is not at school at all, without an exemption (TH-04): every school day since is a whole day of
 * unauthorised absence, so four such weeks are far over 16 hours and the case is meldplichtig (langdurig relatief
 * verzuim), not "overig verzuim" [002 L230-241, L533-534]. Its school days count at the day's lesson hours, up to
 * today (a single date means "since then"), never on a day the pupil was exempt.
 */
export function wholeDayAbsence(
  signals: readonly Signal[],
  cal: SchoolCalendar,
  today: number,
  hoursPerDay: number,
  exempt: DutyFree | null,
): Signal[] {
  const out: Signal[] = [];
  for (const s of signals) {
    if (s.kind !== "thuiszitter") continue;
    const from = dayNumber(s.from);
    const to = Math.min(today, s.from === s.to ? today : dayNumber(s.to));
    const parts: Array<[number, number]> = exempt
      ? [
          [from, Math.min(to, exempt.from - 1)],
          [Math.max(from, exempt.to === null ? Number.POSITIVE_INFINITY : exempt.to + 1), to],
        ]
      : [[from, to]];
    for (const [a, b] of parts) {
      const days = a <= b ? cal.schoolDaysBetween(a, b) : 0;
      if (days > 0)
        out.push({ ...s, kind: "ongeoorloofd", from: dateOf(a), to: dateOf(b), hours: days * hoursPerDay });
    }
  }
  return out;
}

/**
 * The legal reporting duty (Leerplichtwet art. 21a; domain.md TH-01): at least 16 hours of unauthorised absence
 * within 4 consecutive school weeks, holiday weeks skipped. Met when any window of this school year reaches 16;
 * otherwise "nadert" when the last 4 school weeks up to today reach the table's margin.
 *
 * One school year per window: TH-01 leaves open whether a window may run across the summer holiday; Tafel reads
 * "4 opeenvolgende lesweken" within one school year (said with the rule in catalogue.ts), so July's hours and September's
 * never add up. No local agreement (a newcomer's grace) changes this status: it is the law.
 */
export function legalThreshold(
  signals: readonly Signal[],
  cal: SchoolCalendar,
  today: number,
  margin: number,
  /** The school year's first lesweek, when the caller has it already. */
  yearStart = Math.max(0, cal.lesweekUpTo(cal.schoolYearStart(today))),
): ThresholdResult {
  const current = cal.lesweekUpTo(today);
  return weekly(signals, cal, unauthorisedHours, (w): ThresholdResult => {
    // Copied only when there is something: the lent arrays are cleared after this callback.
    const outside = w.outside.length > 0 ? [...w.outside] : NONE;
    const heaviest = heaviestWindow(w, LEGAL_WEEKS, yearStart, yearStart);
    if (heaviest && heaviest.sum >= LEGAL_HOURS - EPSILON)
      return {
        ruleId: THRESHOLD_RULE,
        status: "meldplichtig",
        hours: round2(heaviest.sum),
        // A window early in the year is shown from the year's first week, never across the summer.
        window: windowOf(cal, Math.max(heaviest.end, yearStart + LEGAL_WEEKS - 1), LEGAL_WEEKS),
        outside,
      };
    if (current < 0) return { ruleId: THRESHOLD_RULE, status: "onder", hours: 0, window: null, outside };
    const recent = windowSum(w, current, LEGAL_WEEKS, yearStart);
    // Early in the year the window runs from the year's first week, never back across the summer.
    // The current week is still under way: the window runs up to today, not to its Friday.
    const window = windowOf(cal, current, Math.max(1, Math.min(LEGAL_WEEKS, current - yearStart + 1)), today);
    return {
      ruleId: THRESHOLD_RULE,
      status: recent >= margin - EPSILON && recent > 0 ? "nadert" : "onder",
      hours: round2(recent),
      window,
      outside,
    };
  });
}
