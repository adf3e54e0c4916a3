import type { SchoolCalendar } from "./calendar.ts";
import { dateOf, dayNumber, weekdayOf } from "./days.ts";

/** The school day `n` school days after `from`; past the calendar's data, where no holiday is known, weekdays. */
export function schoolDaysOn(cal: SchoolCalendar, from: string, n: number): string {
  let day = dayNumber(from);
  for (let left = n; left > 0; ) {
    day++;
    if (day <= cal.last ? cal.isSchoolDay(day) : weekdayOf(day) < 5) left--;
  }
  return dateOf(day);
}
