import type { SchoolCalendar } from "../calendar/calendar.ts";
import { dayNumber } from "../calendar/days.ts";
import type { Signal } from "../model.ts";

/** Amounts per lesweek ordinal, and the signals that fell outside every school week. */
export interface Weekly {
  byWeek: Map<number, number>;
  outside: string[];
}

/**
 * Places each signal's amount in the lesweken it covers. A range is spread evenly over its school days; a single
 * date on a day without school (a weekend, a holiday, a free day) cannot be placed and is reported, so it
 * counts neither toward the threshold nor against attendance. New signals on such days are refused at input.
 */
export function distribute(
  signals: readonly Signal[],
  cal: SchoolCalendar,
  amount: (s: Signal) => number,
): Weekly {
  const byWeek = new Map<number, number>();
  const outside: string[] = [];
  const add = (week: number, v: number) => byWeek.set(week, (byWeek.get(week) ?? 0) + v);
  for (const s of signals) {
    const value = amount(s);
    if (value === 0) continue;
    const from = dayNumber(s.from);
    const to = s.to === s.from ? from : dayNumber(s.to);
    if (from === to) {
      if (cal.isSchoolDay(from)) add(cal.lesweekOf(from), value);
      else outside.push(s.id);
      continue;
    }
    const days = cal.schoolDaysBetween(from, to);
    if (days === 0) {
      outside.push(s.id);
      continue;
    }
    const perDay = value / days;
    for (let d = from; d <= to; d++) if (cal.isSchoolDay(d)) add(cal.lesweekOf(d), perDay);
  }
  return { byWeek, outside };
}

/** Sum over `width` lesweken ending at `end`. */
export function windowSum(byWeek: Map<number, number>, end: number, width: number): number {
  let sum = 0;
  for (let w = end - width + 1; w <= end; w++) sum += byWeek.get(w) ?? 0;
  return sum;
}

/**
 * The heaviest window of `width` consecutive lesweken ending at or after `fromWeek`; the latest wins a tie.
 * A heaviest window can always be moved to end on a week with an amount, so only those ends are tried.
 */
export function heaviestWindow(
  byWeek: Map<number, number>,
  width: number,
  fromWeek: number,
): { end: number; sum: number } | null {
  let best: { end: number; sum: number } | null = null;
  for (const end of byWeek.keys()) {
    if (end < fromWeek) continue;
    const sum = windowSum(byWeek, end, width);
    if (!best || sum > best.sum + EPSILON || (Math.abs(sum - best.sum) <= EPSILON && end > best.end))
      best = { end, sum };
  }
  return best;
}

/** Hours are quarters spread over days; compare with a tolerance so 16 reached by thirds is still 16. */
export const EPSILON = 1e-9;
export const round2 = (n: number) => Math.round(n * 100) / 100;
