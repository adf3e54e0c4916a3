import type { SchoolCalendar } from "../calendar/calendar.ts";
import { dateOf, dayNumber } from "../calendar/days.ts";
import type { Signal } from "../model.ts";
import type { RuleId } from "./catalogue.ts";
import type { Policy } from "./policy.ts";
import { type WeekWindow, windowOf } from "./threshold.ts";
import { EPSILON, heaviestWindow, round2, weekly } from "./weekly.ts";

/** A rule that is met, with the figures that decided it; words are added by whoever shows it. */
export type TriggerRuleId = Extract<
  RuleId,
  | "wet.thuiszitter"
  | "wet.absoluut-verzuim"
  | "protocol.te-laat"
  | "protocol.ziekmeldingen"
  | "protocol.ziekuren"
  | "protocol.nieuwkomer"
>;

export interface RuleHit {
  ruleId: TriggerRuleId;
  params: Record<string, string | number>;
  window?: WeekWindow;
  /** A local protocol rule that fired under a school's own setting, not the table's: that school. */
  school?: string;
}

export const THUISZITTER_WEEKS = 4;

/** Spans of days, a single date meaning "since then, until today"; merged when no school day lies between. */
function spans(signals: readonly Signal[], cal: SchoolCalendar, today: number): Array<[number, number]> {
  const list = signals
    .map((s): [number, number] => [dayNumber(s.from), s.from === s.to ? today : dayNumber(s.to)])
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [from, to] of list) {
    const last = merged.at(-1);
    if (last && cal.schoolDaysBetween(last[1] + 1, from - 1) === 0) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** Thuiszitter (TH-04): the longest run of whole lesweken without attendance reaches 4. */
export function thuiszitter(signals: readonly Signal[], cal: SchoolCalendar, today: number): RuleHit | null {
  if (!signals.some((s) => s.kind === "thuiszitter")) return null;
  const home = signals.filter((s) => s.kind === "thuiszitter");
  for (const [from, to] of spans(home, cal, today)) {
    let run = 0;
    for (let w = Math.max(0, cal.lesweekOf(from)); w >= 0 && w < cal.weekCount; w++) {
      const week = cal.week(w);
      if (week.firstSchoolDay > to) break;
      if (week.firstSchoolDay >= from && week.lastSchoolDay <= to) run++;
      if (run >= THUISZITTER_WEEKS)
        return {
          ruleId: "wet.thuiszitter",
          params: { since: dateOf(from), weeks: countWeeks(cal, from, Math.min(to, today)) },
        };
    }
  }
  return null;
}

function countWeeks(cal: SchoolCalendar, from: number, to: number): number {
  let n = 0;
  for (let w = Math.max(0, cal.lesweekOf(from)); w < cal.weekCount && cal.week(w).lastSchoolDay <= to; w++)
    if (cal.week(w).firstSchoolDay >= from) n++;
  return n;
}

export function absoluut(signals: readonly Signal[]): RuleHit | null {
  let since: string | null = null;
  for (const s of signals) if (s.kind === "absoluut" && (since === null || s.from < since)) since = s.from;
  return since === null ? null : { ruleId: "wet.absoluut-verzuim", params: { since } };
}

/** The table's own protocol triggers; each is off while its count is 0. */
export function protocolTriggers(
  signals: readonly Signal[],
  cal: SchoolCalendar,
  policy: Policy,
  yearStartWeek: number,
): RuleHit[] {
  const hits: RuleHit[] = [];
  const rolling = (
    ruleId: TriggerRuleId,
    kind: Signal["kind"],
    amount: (s: Signal) => number,
    need: number,
    weeks: number,
  ) => {
    if (need <= 0) return;
    const heaviest = weekly(
      signals,
      cal,
      (s) => (s.kind === kind ? amount(s) : 0),
      (w) => heaviestWindow(w, weeks, yearStartWeek),
    );
    if (heaviest && heaviest.sum >= need - EPSILON)
      hits.push({
        ruleId,
        params: { n: round2(heaviest.sum), need, weeks },
        // Early in the year the window is shown from the year's first week, never back across the summer.
        window: windowOf(cal, heaviest.end, Math.max(1, Math.min(weeks, heaviest.end - yearStartWeek + 1))),
      });
  };
  rolling("protocol.te-laat", "te-laat", (s) => s.count ?? 0, policy.lateCount, policy.lateWeeks);
  rolling("protocol.ziekmeldingen", "ziek", () => 1, policy.sickCount, policy.sickWeeks);
  rolling("protocol.ziekuren", "ziek", (s) => s.hours ?? 0, policy.sickHours, policy.sickHoursWeeks);
  return hits;
}

/** End of a newcomer's grace: the day after the N-th lesweek counted from the week of enrolment. */
export function graceEnd(cal: SchoolCalendar, enrolledOn: string, weeks: number): number {
  const enrolled = dayNumber(enrolledOn);
  const start = cal.lesweekOf(enrolled) >= 0 ? cal.lesweekOf(enrolled) : cal.lesweekUpTo(enrolled) + 1;
  const last = Math.min(cal.weekCount - 1, start + weeks - 1);
  return cal.week(last).lastSchoolDay + 1;
}
