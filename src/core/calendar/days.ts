/**
 * Local dates as whole day numbers (days since 1970-01-01): the rules engines add and compare them in tight
 * loops, where parsing date strings would cost more than the arithmetic.
 */
const DAY_MS = 86_400_000;

// A table holds a few hundred distinct dates among many thousands of signals: remember each one's number.
const numbers = new Map<string, number>();

export function dayNumber(date: string): number {
  let n = numbers.get(date);
  if (n === undefined) {
    n = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
    if (numbers.size > 100_000) numbers.clear();
    numbers.set(date, n);
  }
  return n;
}

export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday (day 0 was a Thursday). */
export const weekdayOf = (day: number): number => (day + 3) % 7;

/** ISO 8601 week number of a Monday. */
export function isoWeekOfMonday(monday: number): number {
  const thursday = monday + 3;
  const yearStart = dayNumber(`${dateOf(thursday).slice(0, 4)}-01-01`);
  return Math.floor((thursday - yearStart) / 7) + 1;
}

const HOUR_MS = 3_600_000;

/** The last Sunday of a month of a year, as a day number. */
function lastSunday(year: number, month: number): number {
  const last = Date.UTC(year, month + 1, 0) / DAY_MS;
  return last - ((weekdayOf(last) + 1) % 7);
}

/**
 * The Amsterdam calendar day of an instant, without a time-zone library in the loop: CET, and CEST from 01:00 UTC
 * on the last Sunday of March to 01:00 UTC on the last Sunday of October (the EU rule in force since 1996).
 * Checked hour by hour against @date-fns/tz in the tests.
 */
export function amsterdamDayOf(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const summerFrom = lastSunday(year, 2) * DAY_MS + HOUR_MS;
  const summerTo = lastSunday(year, 9) * DAY_MS + HOUR_MS;
  const offset = ms >= summerFrom && ms < summerTo ? 2 * HOUR_MS : HOUR_MS;
  return Math.floor((ms + offset) / DAY_MS);
}
