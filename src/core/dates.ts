import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { amsterdamDayOf, dateOf, dayNumber, weekdayOf } from "./calendar/days.ts";

/** Tafel's calendar is Dutch school time: local dates in Europe/Amsterdam, as `yyyy-MM-dd` strings. */
export const ZONE = "Europe/Amsterdam";
const ISO = "yyyy-MM-dd";

export function localDate(instant: Date): string {
  return dateOf(amsterdamDayOf(instant.getTime()));
}

// Date arithmetic on local dates goes through the calendar's day numbers: one mechanism for the whole core.
export const plusDays = (d: string, n: number): string => dateOf(dayNumber(d) + n);
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);
/** 1 = Monday … 7 = Sunday */
export const isoWeekday = (d: string): number => weekdayOf(dayNumber(d)) + 1;

// A Map: a typed word is never a key into a plain object (`constructor` would be found there).
const WEEKDAYS = new Map<string, number>([
  ["maandag", 1],
  ["ma", 1],
  ["monday", 1],
  ["mon", 1],
  ["dinsdag", 2],
  ["di", 2],
  ["tuesday", 2],
  ["tue", 2],
  ["woensdag", 3],
  ["wo", 3],
  ["wednesday", 3],
  ["wed", 3],
  ["donderdag", 4],
  ["do", 4],
  ["thursday", 4],
  ["thu", 4],
  ["vrijdag", 5],
  ["vr", 5],
  ["friday", 5],
  ["fri", 5],
  ["zaterdag", 6],
  ["za", 6],
  ["saturday", 6],
  ["sat", 6],
  ["zondag", 7],
  ["zo", 7],
  ["sunday", 7],
  ["sun", 7],
]);

function validDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * Reads a date as people type it: ISO, `dd-mm-jjjj`, `dd-mm`, `vandaag`, `morgen`, `gisteren`, a weekday name,
 * or `over N dagen|weken`. A weekday means the nearest such day in the past (`lean` past: a signal) or in the
 * future (a due date); a day and month without a year mean the nearest such date. Returns how many tokens it read, or null when the tokens are no date.
 */
export function parseDateWords(
  tokens: readonly string[],
  today: string,
  lean: "past" | "future",
): { date: string; used: number } | { invalid: string; used: number } | null {
  const first = tokens[0]?.toLowerCase();
  if (first === undefined) return null;
  if (first === "vandaag" || first === "today") return { date: today, used: 1 };
  if (first === "morgen" || first === "tomorrow") return { date: plusDays(today, 1), used: 1 };
  if (first === "gisteren" || first === "yesterday") return { date: plusDays(today, -1), used: 1 };
  if (first === "over" || first === "in") {
    const n = Number(tokens[1]);
    const unit = tokens[2]?.toLowerCase() ?? "";
    if (!Number.isInteger(n) || n < 0 || n > 520) return null;
    if (/^(dag|dagen|day|days)$/.test(unit)) return { date: plusDays(today, n), used: 3 };
    if (/^(week|weken|weeks)$/.test(unit)) return { date: plusDays(today, 7 * n), used: 3 };
    return null;
  }
  const weekday = WEEKDAYS.get(first);
  if (weekday !== undefined) {
    const delta = (weekday - isoWeekday(today) + 7) % 7 || 7;
    return { date: plusDays(today, lean === "future" ? delta : delta - 7), used: 1 };
  }
  const date = parseDateToken(first, today, lean);
  if (date === null) return null;
  return date === "invalid" ? { invalid: first, used: 1 } : { date, used: 1 };
}

/** One token: `2026-11-03`, `3-11-2026`, `03-11`, also with `/` or `.`. "invalid" for a date that does not exist. */
export function parseDateToken(
  token: string,
  today: string,
  lean: "past" | "future",
): string | "invalid" | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(token);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? "invalid";
  m = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}))?$/.exec(token);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  if (m[3] !== undefined) return validDate(Number(m[3]), month, day) ?? "invalid";
  // Without a year: the nearest such date on the leaning side, unless the other side is within a month and
  // nearer (a typo just into the future stays there and is refused, instead of moving a year back).
  const year = Number(today.slice(0, 4));
  let past: string | null = null;
  let future: string | null = null;
  for (let y = year - 4; y <= year + 4; y++) {
    const candidate = validDate(y, month, day);
    if (!candidate) continue;
    if (candidate <= today) past = candidate;
    if (candidate >= today && future === null) future = candidate;
  }
  const distance = (d: string | null) =>
    d === null ? Number.POSITIVE_INFINITY : Math.abs(daysBetween(today, d));
  const [near, far] = lean === "past" ? [past, future] : [future, past];
  const pick = distance(far) <= 31 && distance(far) < distance(near) ? far : near;
  return pick ?? "invalid";
}

const NL_MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `3 nov 2026` (nl) or `3 Nov 2026` (en): unambiguous for readers on both sides of the sea. */
export function formatDate(d: string, lang: "nl" | "en"): string {
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  return `${day} ${(lang === "nl" ? NL_MONTHS : EN_MONTHS)[m - 1]} ${y}`;
}

/** Local date and time of an instant, `3 nov 2026 14:05`. */
export function formatInstant(instant: string, lang: "nl" | "en"): string {
  const local = new TZDate(Date.parse(instant), ZONE);
  return `${formatDate(format(local, ISO), lang)} ${format(local, "HH:mm")}`;
}
