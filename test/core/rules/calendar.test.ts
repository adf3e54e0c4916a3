import { describe, expect, it } from "vitest";
import { buildCalendar } from "../../../src/core/calendar/calendar.ts";
import { dayNumber, isoWeekOfMonday } from "../../../src/core/calendar/days.ts";
import { localDate } from "../../../src/core/dates.ts";
import { calendar } from "../../support/signals.ts";

const d = dayNumber;

describe("school calendar", () => {
  it.each([
    ["noord", "2026-10-12", "2026-10-09", "2026-10-19"],
    ["midden", "2026-10-19", "2026-10-16", "2026-10-26"],
    ["zuid", "2026-10-19", "2026-10-16", "2026-10-26"],
    ["noord", "2025-10-20", "2025-10-17", "2025-10-27"],
    ["zuid", "2025-10-13", "2025-10-10", "2025-10-20"],
    ["midden", "2028-02-28", "2028-02-25", "2028-03-06"],
  ] as const)(
    "%s: the autumn or spring holiday week of %s is no lesweek; the weeks around it are consecutive",
    (region, inHoliday, before, after) => {
      const cal = calendar(region);
      expect(cal.lesweekOf(d(inHoliday))).toBe(-1);
      expect(cal.isSchoolDay(d(inHoliday))).toBe(false);
      expect(cal.lesweekOf(d(after)) - cal.lesweekOf(d(before))).toBe(1);
    },
  );

  it("skips the Christmas weeks 52 and 53 of 2026 in every region", () => {
    for (const region of ["noord", "midden", "zuid"] as const) {
      const cal = calendar(region);
      expect(cal.lesweekOf(d("2026-12-21"))).toBe(-1);
      expect(cal.lesweekOf(d("2026-12-28"))).toBe(-1);
      expect(cal.lesweekOf(d("2027-01-04")) - cal.lesweekOf(d("2026-12-18"))).toBe(1);
    }
    expect(isoWeekOfMonday(d("2026-12-28"))).toBe(53);
    expect(isoWeekOfMonday(d("2027-01-04"))).toBe(1);
    expect(calendar("midden").week(calendar("midden").lesweekOf(d("2027-01-04"))).isoWeek).toBe(1);
  });

  it("closes schools on public holidays without losing the week", () => {
    const cal = calendar("midden");
    for (const day of ["2027-03-26", "2027-03-29", "2027-05-05", "2027-05-06", "2027-05-17", "2026-04-27"])
      expect(cal.isSchoolDay(d(day)), day).toBe(false);
    const hemelvaartWeek = cal.week(cal.lesweekOf(d("2027-05-06")));
    expect(hemelvaartWeek.schoolDays).toBe(3);
    expect(cal.schoolDaysBetween(d("2027-05-03"), d("2027-05-09"))).toBe(3);
  });

  it("starts the school year after the region's summer holiday", () => {
    expect(calendar("noord").schoolYearStart(d("2026-11-09"))).toBe(d("2026-08-17"));
    expect(calendar("midden").schoolYearStart(d("2026-11-09"))).toBe(d("2026-08-31"));
    expect(calendar("zuid").schoolYearStart(d("2026-11-09"))).toBe(d("2026-08-24"));
    expect(calendar("zuid").schoolYearStart(d("2028-08-01"))).toBe(d("2027-08-30"));
  });

  it("takes a table's own holidays and days off", () => {
    const cal = buildCalendar("midden", [], {
      holidays: [{ from: "2026-11-09", to: "2026-11-15", name: "studieweek" }],
      freeDays: ["2026-11-20"],
    });
    expect(cal.lesweekOf(d("2026-11-10"))).toBe(-1);
    expect(cal.holidayName(d("2026-11-10"))).toBe("studieweek");
    expect(cal.isSchoolDay(d("2026-11-20"))).toBe(false);
    expect(cal.lesweekOf(d("2026-11-16")) - cal.lesweekOf(d("2026-11-06"))).toBe(1);
  });

  it("is unaffected by daylight saving: the weeks of both changes are whole school weeks", () => {
    const cal = calendar("noord");
    expect(cal.week(cal.lesweekOf(d("2026-10-26"))).schoolDays).toBe(5);
    expect(cal.week(cal.lesweekOf(d("2027-03-29"))).schoolDays).toBe(4);
    expect(localDate(new Date("2026-10-25T00:59:00Z"))).toBe("2026-10-25");
    expect(localDate(new Date("2026-10-25T23:30:00Z"))).toBe("2026-10-26");
    expect(localDate(new Date("2027-03-27T23:30:00Z"))).toBe("2027-03-28");
    expect(localDate(new Date("2027-03-28T22:30:00Z"))).toBe("2027-03-29");
  });
});
