import type { SchoolCalendar } from "../calendar/calendar.ts";
import { dateOf, dayNumber } from "../calendar/days.ts";
import { isoWeekday } from "../dates.ts";
import type { SignalKind } from "../model.ts";
import { fail, ok, type Result } from "../result.ts";

/** Absence counted on school days: hours or counts on a day without school are no absence at all. */
const DAY_BOUND: ReadonlySet<SignalKind> = new Set(["ongeoorloofd", "luxe", "ziek", "te-laat"]);

/** Why a day has no school, as a message key or the holiday's own name. */
function whyNoSchool(cal: SchoolCalendar, day: number, freeDays: readonly string[]): string {
  if (isoWeekday(dateOf(day)) >= 6) return "reden.weekend";
  const holiday = cal.holidayName(day);
  if (holiday) return holiday;
  return freeDays.includes(dateOf(day)) ? "reden.vrije-dag" : "reden.feestdag";
}

/**
 * A signal's dates must be ones the law counts: on a school day (or a period with one) for absence kinds, and
 * not before the previous school year, since the threshold counts within one school year. Refusals name the
 * reason and, for a single day, the nearest school day before it.
 */
export function checkSignalDays(
  input: { kind: SignalKind; from: string; to: string },
  cal: SchoolCalendar,
  freeDays: readonly string[],
  today: string,
): Result<null> {
  const from = dayNumber(input.from);
  const previousYear = cal.schoolYearStart(cal.schoolYearStart(dayNumber(today)) - 1);
  if (from < previousYear) return fail("signaal-te-oud", { since: dateOf(previousYear) });
  if (!DAY_BOUND.has(input.kind)) return ok(null);
  const to = dayNumber(input.to);
  if (from === to) {
    if (cal.isSchoolDay(from)) return ok(null);
    let nearest = from - 1;
    while (nearest > from - 120 && !cal.isSchoolDay(nearest)) nearest--;
    return fail("geen-schooldag", {
      date: input.from,
      reason: whyNoSchool(cal, from, freeDays),
      nearest: dateOf(nearest),
    });
  }
  // A reversed period is the core's to refuse, with its own message.
  return to < from || cal.schoolDaysBetween(from, to) > 0
    ? ok(null)
    : fail("geen-schooldagen", { from: input.from, to: input.to });
}
