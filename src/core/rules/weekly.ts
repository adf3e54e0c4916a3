import type { SchoolCalendar } from "../calendar/calendar.ts";
import { dayNumber } from "../calendar/days.ts";
import type { Signal } from "../model.ts";

/**
 * Amounts per lesweek ordinal, and the signals that fell outside every school week: a dense array over the
 * calendar's weeks and the weeks that hold an amount. Lent to a callback (`weekly`) and cleared after it, since
 * allocating an array or a map per case cost more than the sums when a region is evaluated
 * (`npm run bench -- rules`).
 */
export interface Weekly {
  readonly byWeek: Float64Array;
  readonly weeks: number[];
  readonly outside: string[];
}

let spare: Weekly | null = null;

/**
 * Places each signal's amount in the lesweken it covers and hands the result to `use`, which must not keep it. A
 * range is spread evenly over its school days; a single date on a day without school (a weekend, a holiday, a
 * free day) cannot be placed and is reported, so it counts neither toward the threshold nor against attendance.
 * New signals on such days are refused at input.
 */
export function weekly<R>(
  signals: readonly Signal[],
  cal: SchoolCalendar,
  amount: (s: Signal) => number,
  use: (weekly: Weekly) => R,
): R {
  // A nested call (none today) gets its own array rather than the one in use.
  const lent = spare && spare.byWeek.length >= cal.weekCount ? spare : null;
  spare = null;
  const w: Weekly = lent ?? { byWeek: new Float64Array(cal.weekCount), weeks: [], outside: [] };
  try {
    for (const s of signals) {
      const value = amount(s);
      if (value === 0) continue;
      const from = dayNumber(s.from);
      const to = s.to === s.from ? from : dayNumber(s.to);
      if (from === to) {
        if (cal.isSchoolDay(from)) add(w, cal.lesweekOf(from), value);
        else w.outside.push(s.id);
        continue;
      }
      const days = cal.schoolDaysBetween(from, to);
      if (days === 0) {
        w.outside.push(s.id);
        continue;
      }
      const perDay = value / days;
      for (let d = from; d <= to; d++) if (cal.isSchoolDay(d)) add(w, cal.lesweekOf(d), perDay);
    }
    return use(w);
  } finally {
    for (const week of w.weeks) w.byWeek[week] = 0;
    w.weeks.length = 0;
    w.outside.length = 0;
    spare = w;
  }
}

function add(w: Weekly, week: number, value: number) {
  if (w.byWeek[week] === 0) w.weeks.push(week);
  w.byWeek[week] = (w.byWeek[week] as number) + value;
}

/** Sum over `width` lesweken ending at `end`, none before `floor`. */
export function windowSum(weekly: Weekly, end: number, width: number, floor = 0): number {
  let sum = 0;
  for (let w = Math.max(floor, end - width + 1, 0); w <= end; w++) sum += weekly.byWeek[w] ?? 0;
  return sum;
}

/**
 * The heaviest window of `width` consecutive lesweken ending at or after `fromWeek`, none before `floor`; the
 * latest wins a tie. A heaviest window can always be moved to end on a week with an amount, so only those ends
 * are tried.
 */
export function heaviestWindow(
  weekly: Weekly,
  width: number,
  fromWeek: number,
  floor = 0,
): { end: number; sum: number } | null {
  // Two numbers, not an object per better window: this runs for every case on every read.
  let bestEnd = -1;
  let bestSum = 0;
  for (const end of weekly.weeks) {
    if (end < fromWeek) continue;
    const sum = windowSum(weekly, end, width, floor);
    if (bestEnd < 0 || sum > bestSum + EPSILON || (Math.abs(sum - bestSum) <= EPSILON && end > bestEnd)) {
      bestEnd = end;
      bestSum = sum;
    }
  }
  return bestEnd < 0 ? null : { end: bestEnd, sum: bestSum };
}

/** Hours are quarters spread over days; compare with a tolerance so 16 reached by thirds is still 16. */
export const EPSILON = 1e-9;
export const round2 = (n: number) => Math.round(n * 100) / 100;
