import Holidays from "date-holidays";
import { buildCalendar, type SchoolCalendar } from "../core/calendar/calendar.ts";
import type { TableDoc } from "../core/model.ts";

/**
 * Dutch public holidays on which schools are closed: date-holidays' `public` days (Nieuwjaar, Tweede paasdag,
 * Koningsdag, Hemelvaart, Tweede pinksterdag, Kerst) and its `school` days (Goede Vrijdag, Bevrijdingsdag).
 */
export function dutchSchoolFreeDays(fromYear = 2023, toYear = 2029): string[] {
  const hd = new Holidays("NL");
  const days: string[] = [];
  for (let y = fromYear; y <= toYear; y++)
    for (const h of hd.getHolidays(y))
      if (h.type === "public" || h.type === "school") days.push(h.date.slice(0, 10));
  return days;
}

/** One calendar per region and set of table overrides, built once and shared by every table that uses it. */
export function calendarCache(publicHolidays: readonly string[] = dutchSchoolFreeDays()) {
  const cache = new Map<string, SchoolCalendar>();
  return {
    forTable(doc: TableDoc): SchoolCalendar {
      const key = `${doc.table.region}|${JSON.stringify(doc.calendar)}`;
      let cal = cache.get(key);
      if (!cal) {
        cal = buildCalendar(doc.table.region, publicHolidays, doc.calendar);
        if (cache.size > 500) cache.clear();
        cache.set(key, cal);
      }
      return cal;
    },
  };
}
export type Calendars = ReturnType<typeof calendarCache>;
