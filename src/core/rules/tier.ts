import type { SchoolCalendar } from "../calendar/calendar.ts";
import { dayNumber } from "../calendar/days.ts";
import type { Signal } from "../model.ts";
import { lessonHours, type Policy, type SchoolType } from "./policy.ts";
import { EPSILON, round2 } from "./weekly.ts";

export interface TierResult {
  ruleId: "mdmtss.laag";
  level: 1 | 2 | 3;
  severe: boolean;
  /** Share of scheduled lesson time attended, 0..1. */
  attendance: number;
  scheduledHours: number;
  absentHours: number;
  from: number;
  to: number;
  schoolType: SchoolType;
}

/** Absence counted by its hours, and absence of whole days (compared, not looked up: this runs per signal). */
const absentHours = (k: Signal["kind"]) => k === "ongeoorloofd" || k === "luxe" || k === "ziek";
const absentDays = (k: Signal["kind"]) => k === "thuiszitter" || k === "absoluut";

/**
 * The MD-MTSS tier (domain.md §4): attendance as a share of scheduled lesson time over the window, all absence
 * counted whatever its reason. Tier 1 ≥ 95 %, tier 2 90 % to < 95 %, tier 3 < 90 %, severe below 50 %.
 */
export function tier(
  signals: readonly Signal[],
  cal: SchoolCalendar,
  policy: Policy,
  schoolType: SchoolType,
  today: number,
): TierResult | null {
  const from =
    policy.tierWindow === "schooljaar"
      ? cal.schoolYearStart(today)
      : cal.week(Math.max(0, cal.lesweekUpTo(today) - policy.tierWindow + 1)).monday;
  const days = cal.schoolDaysBetween(from, today);
  if (days === 0) return null;
  const perDay = lessonHours(policy, schoolType) / 5;
  const scheduled = days * perDay;
  let absent = 0;
  for (const s of signals) {
    const whole = absentDays(s.kind);
    if (!whole && !(absentHours(s.kind) && s.hours)) continue;
    const sFrom = dayNumber(s.from);
    if (s.from === s.to && !whole) {
      // One date counts whole when it lies in the window, on a school day or not.
      if (sFrom >= from && sFrom <= today) absent += s.hours ?? 0;
      continue;
    }
    const sTo = s.from === s.to ? today : dayNumber(s.to);
    const inWindow = cal.schoolDaysBetween(Math.max(sFrom, from), Math.min(sTo, today));
    if (whole) absent += inWindow * perDay;
    else {
      const total = cal.schoolDaysBetween(sFrom, sTo);
      // A range without school days counts whole when it starts in the window; otherwise its share in the window.
      absent +=
        total === 0
          ? sFrom >= from && sFrom <= today
            ? (s.hours ?? 0)
            : 0
          : ((s.hours ?? 0) * inWindow) / total;
    }
  }
  absent = Math.min(absent, scheduled);
  const absentShare = absent / scheduled;
  const level = absentShare <= 0.05 + EPSILON ? 1 : absentShare <= 0.1 + EPSILON ? 2 : 3;
  return {
    ruleId: "mdmtss.laag",
    level,
    severe: absentShare > 0.5 + EPSILON,
    attendance: Math.round((1 - absentShare) * 10000) / 10000,
    scheduledHours: round2(scheduled),
    absentHours: round2(absent),
    from,
    to: today,
    schoolType,
  };
}
