import type { Region } from "../model.ts";
import { SCHOOL_HOLIDAYS, type SchoolHolidays } from "./data.ts";
import { dateOf, dayNumber, isoWeekOfMonday, weekdayOf } from "./days.ts";

/** A table's own changes to its region's calendar (`vakantie`, `vrije-dag`). */
export interface CalendarOverrides {
  holidays: ReadonlyArray<{ from: string; to: string; name: string }>;
  freeDays: readonly string[];
}

export interface Lesweek {
  monday: number;
  firstSchoolDay: number;
  lastSchoolDay: number;
  schoolDays: number;
  isoWeek: number;
}

/**
 * School days and lesweken (school weeks) of one region, as arrays over day numbers. A lesweek is an ISO week
 * with at least one school day; weeks wholly in a holiday have no ordinal, so "4 consecutive school weeks"
 * simply means 4 consecutive ordinals, across holidays, ISO week 53 and year ends alike.
 */
export interface SchoolCalendar {
  readonly region: Region;
  readonly first: number;
  readonly last: number;
  isSchoolDay(day: number): boolean;
  /** The lesweek ordinal of the ISO week a day falls in, or -1 when that week has no school day. */
  lesweekOf(day: number): number;
  /** The last lesweek that has begun on or before `day` (its Monday ≤ day). */
  lesweekUpTo(day: number): number;
  week(ordinal: number): Lesweek;
  readonly weekCount: number;
  /** First day of the school year that `day` belongs to: the day after the region's previous summer holiday. */
  schoolYearStart(day: number): number;
  /** The holiday a day falls in, if any. */
  holidayName(day: number): string | null;
  /** Number of school days from `from` to `to`, both included. */
  schoolDaysBetween(from: number, to: number): number;
}

const RANGE_FROM = dayNumber("2023-08-28");
const RANGE_TO = dayNumber("2029-08-31");

export function buildCalendar(
  region: Region,
  publicHolidays: readonly string[],
  overrides: CalendarOverrides = { holidays: [], freeDays: [] },
  data: SchoolHolidays = SCHOOL_HOLIDAYS,
): SchoolCalendar {
  const size = RANGE_TO - RANGE_FROM + 1;
  const school = new Uint8Array(size);
  const holidayIndex = new Int16Array(size).fill(-1);
  const names: string[] = [];
  for (let i = 0; i < size; i++) school[i] = weekdayOf(RANGE_FROM + i) < 5 ? 1 : 0;
  const markHoliday = (from: number, to: number, name: string) => {
    names.push(name);
    for (let d = Math.max(from, RANGE_FROM); d <= Math.min(to, RANGE_TO); d++) {
      school[d - RANGE_FROM] = 0;
      holidayIndex[d - RANGE_FROM] = names.length - 1;
    }
  };
  const summerEnds: number[] = [];
  for (const year of data.years)
    for (const h of year.holidays) {
      const [from, to] = h[region];
      markHoliday(dayNumber(from), dayNumber(to), h.name);
      if (h.name === "zomervakantie") summerEnds.push(dayNumber(to));
    }
  for (const d of publicHolidays) {
    const n = dayNumber(d);
    if (n >= RANGE_FROM && n <= RANGE_TO) school[n - RANGE_FROM] = 0;
  }
  for (const h of overrides.holidays) markHoliday(dayNumber(h.from), dayNumber(h.to), h.name);
  for (const d of overrides.freeDays) {
    const n = dayNumber(d);
    if (n >= RANGE_FROM && n <= RANGE_TO) school[n - RANGE_FROM] = 0;
  }

  // prefix[i] = school days before RANGE_FROM + i, so any span is counted in O(1).
  const prefix = new Int32Array(size + 1);
  for (let i = 0; i < size; i++) prefix[i + 1] = (prefix[i] as number) + (school[i] as number);
  const clamp = (day: number) => Math.min(Math.max(day, RANGE_FROM), RANGE_TO + 1);

  const weekOfDay = new Int32Array(size).fill(-1);
  const upTo = new Int32Array(size).fill(-1);
  const weeks: Lesweek[] = [];
  for (let monday = RANGE_FROM; monday + 6 <= RANGE_TO; monday += 7) {
    let first = -1;
    let last = -1;
    let count = 0;
    for (let d = monday; d < monday + 7; d++)
      if (school[d - RANGE_FROM]) {
        if (first < 0) first = d;
        last = d;
        count++;
      }
    if (count > 0) {
      weeks.push({
        monday,
        firstSchoolDay: first,
        lastSchoolDay: last,
        schoolDays: count,
        isoWeek: isoWeekOfMonday(monday),
      });
      for (let d = monday; d < monday + 7; d++) weekOfDay[d - RANGE_FROM] = weeks.length - 1;
    }
    for (let d = monday; d < monday + 7; d++) upTo[d - RANGE_FROM] = weeks.length - 1;
  }
  summerEnds.sort((a, b) => a - b);

  const inRange = (day: number) => day >= RANGE_FROM && day <= RANGE_TO;
  return {
    region,
    first: RANGE_FROM,
    last: RANGE_TO,
    weekCount: weeks.length,
    isSchoolDay: (day) => inRange(day) && school[day - RANGE_FROM] === 1,
    lesweekOf: (day) => (inRange(day) ? (weekOfDay[day - RANGE_FROM] as number) : -1),
    lesweekUpTo: (day) =>
      day < RANGE_FROM ? -1 : day > RANGE_TO ? weeks.length - 1 : (upTo[day - RANGE_FROM] as number),
    week: (ordinal) => {
      const w = weeks[ordinal];
      if (!w) throw new RangeError(`no lesweek ${ordinal}`);
      return w;
    },
    schoolYearStart: (day) => {
      let start = RANGE_FROM;
      for (const end of summerEnds) if (end < day) start = end + 1;
      return start;
    },
    schoolDaysBetween: (from, to) =>
      to < from
        ? 0
        : (prefix[clamp(to + 1) - RANGE_FROM] as number) - (prefix[clamp(from) - RANGE_FROM] as number),
    holidayName: (day) => {
      const i = inRange(day) ? (holidayIndex[day - RANGE_FROM] as number) : -1;
      return i >= 0 ? (names[i] as string) : null;
    },
  };
}

export const formatDay = dateOf;
