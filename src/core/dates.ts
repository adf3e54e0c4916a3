import { TZDate } from "@date-fns/tz";
import { lightFormat } from "date-fns/lightFormat";
import { amsterdamDayOf, dateOf, dayNumber, weekdayOf } from "./calendar/days.ts";

/** Tafel's calendar is Dutch school time: local dates in Europe/Amsterdam, as `yyyy-MM-dd` strings. */
export const ZONE = "Europe/Amsterdam";
const ISO = "yyyy-MM-dd";

export function localDate(instant: Date): string {
  return dateOf(amsterdamDayOf(instant.getTime()));
}

// Date arithmetic on local dates goes through the calendar's day numbers: one mechanism for the whole core.
export const plusDays = (d: string, n: number): string => dateOf(dayNumber(d) + n);

/** The instant a local date and `HH:MM` fall on in Amsterdam (summer and winter time alike). */
export function instantAt(d: string, hhmm: string): Date {
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  const [h, min] = hhmm.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, day, h, min, ZONE).getTime());
}
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);
/** 1 = Monday … 7 = Sunday */
export const isoWeekday = (d: string): number => weekdayOf(dayNumber(d)) + 1;

function validDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
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

/** `sep 2026`: a month of figures (`2026-09`). */
export function formatMonth(period: string, lang: "nl" | "en"): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return `${(lang === "nl" ? NL_MONTHS : EN_MONTHS)[m - 1]} ${y}`;
}

const NL_DAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"];
const EN_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** `ma 16 nov`, with the year only when it is not `thisYear`'s: how a date that was typed is said back. */
export function formatDay(d: string, lang: "nl" | "en", thisYear?: string): string {
  const full = formatDate(d, lang);
  const shown = thisYear !== undefined && d.slice(0, 4) === thisYear.slice(0, 4) ? full.slice(0, -5) : full;
  return `${(lang === "nl" ? NL_DAYS : EN_DAYS)[isoWeekday(d) - 1]} ${shown}`;
}

/** `op ma 16 nov` or `van ma 9 t/m vr 13 nov`: a signal's day or period as it was understood. */
export function formatSpan(from: string, to: string, lang: "nl" | "en", thisYear?: string): string {
  if (from === to) return `${lang === "nl" ? "op" : "on"} ${formatDay(from, lang, thisYear)}`;
  const [a, b] = [formatDay(from, lang, thisYear), formatDay(to, lang, thisYear)];
  // `ma 9 t/m vr 13 nov`: the month is said once when both days share it.
  const sameMonth = from.slice(0, 7) === to.slice(0, 7) && a.split(" ").length === b.split(" ").length;
  const start = sameMonth ? a.split(" ").slice(0, 2).join(" ") : a;
  return lang === "nl" ? `van ${start} t/m ${b}` : `from ${start} to ${b}`;
}

/** Local date and time of an instant, `3 nov 2026 14:05`. */
export function formatInstant(instant: string, lang: "nl" | "en"): string {
  const local = new TZDate(Date.parse(instant), ZONE);
  return `${formatDate(lightFormat(local, ISO), lang)} ${lightFormat(local, "HH:mm")}`;
}
