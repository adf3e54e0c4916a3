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
