/**
 * B3: the rules engine at the scale of a large region. 10,000 pupils × 40 school weeks (200,000 signals):
 * full threshold + tier evaluation against a naive per-pupil filter, and one new signal.
 * Budgets (DESIGN.md §9, tightened by issues #13 and #27): full ≤ 30 ms and ≥ 500× faster than naive; one new
 * signal ≤ 1 ms.
 */

import { buildCalendar, type SchoolCalendar } from "../src/core/calendar/calendar.ts";
import { dateOf, dayNumber } from "../src/core/calendar/days.ts";
import { blankCase } from "../src/core/cases.ts";
import type { Case, Signal } from "../src/core/model.ts";
import { evaluateCase } from "../src/core/rules/evaluate.ts";
import { type Policy, policyOf } from "../src/core/rules/policy.ts";
import { dutchSchoolFreeDays } from "../src/infra/calendars.ts";
import { median, type Row, report, rng, time } from "./support.ts";

const PUPILS = 10_000;
const WEEKS = 40;
const SIGNALS_PER_PUPIL = 20;
const TODAY = "2027-06-25";
/** The naive filter is linear in pupils: timed on a tenth of them, then scaled to all. */
const NAIVE_PUPILS = 1_000;

function generate(cal: SchoolCalendar): Case[] {
  const random = rng(42);
  const first = cal.lesweekOf(dayNumber("2026-08-31"));
  const cases: Case[] = [];
  let n = 0;
  for (let p = 0; p < PUPILS; p++) {
    const signals: Signal[] = [];
    for (let i = 0; i < SIGNALS_PER_PUPIL; i++) {
      const week = cal.week(first + Math.floor(random() * WEEKS));
      const day = week.firstSchoolDay + Math.floor(random() * week.schoolDays);
      const kind = random() < 0.7 ? "ongeoorloofd" : random() < 0.5 ? "ziek" : "luxe";
      const date = dateOf(cal.isSchoolDay(day) ? day : week.firstSchoolDay);
      signals.push({
        id: `S-${++n}`,
        kind,
        from: date,
        to: date,
        hours: 0.25 * (1 + Math.floor(random() * 16)),
        count: null,
        school: null,
        note: null,
        origin: "statutory",
        schoolActions: null,
        pattern: null,
        early: [],
        raisedBy: "bench",
        raisedAt: "2027-06-01T09:00:00.000Z",
        withdrawnAt: null,
      });
    }
    cases.push({
      ...blankCase(`C-${p + 1}`, `L-${String(p).padStart(6, "0")}`, "bench", "2026-09-01T09:00:00.000Z"),
      legalBasis: "ongeoorloofd-verzuim",
      signals,
    });
  }
  return cases;
}

/**
 * The naive way: one flat list of every signal, filtered per pupil, then per window of four school weeks and per
 * tier window, with the calendar asked day by day. What the engine replaces.
 */
function naive(
  all: Array<Signal & { pupil: string }>,
  pupils: string[],
  cal: SchoolCalendar,
  policy: Policy,
) {
  const today = dayNumber(TODAY);
  const yearStart = cal.schoolYearStart(today);
  const firstWeek = cal.lesweekUpTo(yearStart);
  const lastWeek = cal.lesweekUpTo(today);
  const perDay = policy.lessonHoursVo / 5;
  let met = 0;
  for (const pupil of pupils) {
    const mine = all.filter((s) => s.pupil === pupil && s.withdrawnAt === null);
    let max = 0;
    for (let end = firstWeek; end <= lastWeek; end++) {
      const from = cal.week(Math.max(0, end - 3)).monday;
      const to = cal.week(end).monday + 6;
      const sum = mine
        .filter(
          (s) =>
            (s.kind === "ongeoorloofd" || s.kind === "luxe") &&
            dayNumber(s.from) >= from &&
            dayNumber(s.from) <= to,
        )
        .reduce((acc, s) => acc + (s.hours ?? 0), 0);
      max = Math.max(max, sum);
    }
    let scheduled = 0;
    for (let d = yearStart; d <= today; d++) if (cal.isSchoolDay(d)) scheduled += perDay;
    const absent = mine.filter((s) => s.hours !== null).reduce((acc, s) => acc + (s.hours ?? 0), 0);
    if (max >= 16 || absent / scheduled > 0.05) met++;
  }
  return met;
}

export function runRulesBench(): Row[] {
  const cal = buildCalendar("midden", dutchSchoolFreeDays());
  const policy = policyOf({});
  const cases = generate(cal);
  const all = cases.flatMap((c) => c.signals.map((s) => ({ ...s, pupil: c.pupilKey as string })));
  const pupils = cases.map((c) => c.pupilKey as string);

  // Steady state, as in a running Tafel that evaluates every case on every read: V8 finishes optimising the
  // engine after about 17 rounds of 10,000 cases (the first ones take 30–75 ms), so 20 rounds warm it up first.
  const full = time(
    21,
    () => {
      let met = 0;
      for (const c of cases)
        if (evaluateCase(c, cal, policy, TODAY).threshold.status === "meldplichtig") met++;
      return met;
    },
    20,
  );
  const baseline = time(1, () => naive(all, pupils.slice(0, NAIVE_PUPILS), cal, policy));

  const target = cases[0] as Case;
  const one = time(1001, (i) => {
    target.signals.push({
      ...(target.signals[0] as Signal),
      id: `S-x${i}`,
      from: "2027-06-21",
      to: "2027-06-21",
    });
    const e = evaluateCase(target, cal, policy, TODAY);
    target.signals.pop();
    return e.threshold.status === "meldplichtig" ? 1 : 0;
  });

  const fullMs = median(full.ms);
  const naiveMs = median(baseline.ms) * (PUPILS / NAIVE_PUPILS);
  const oneMs = median(one.ms);
  return [
    {
      id: "B3.full",
      what: `threshold + tier for ${PUPILS.toLocaleString("en")} pupils × ${WEEKS} school weeks (${all.length.toLocaleString("en")} signals)`,
      value: fullMs,
      unit: "ms",
      budget: "≤ 30 ms",
      ok: fullMs <= 30,
    },
    {
      id: "B3.naive",
      what: `naive per-pupil filter, same data, same run (timed on ${NAIVE_PUPILS.toLocaleString("en")} pupils, × ${PUPILS / NAIVE_PUPILS})`,
      value: naiveMs,
      unit: "ms",
      budget: "baseline",
      ok: true,
    },
    {
      id: "B3.ratio",
      what: "naive ÷ engine",
      value: naiveMs / fullMs,
      unit: "×",
      budget: "≥ 500×",
      ok: naiveMs / fullMs >= 500,
    },
    {
      id: "B3.one",
      what: "one new signal: re-evaluate its case (median of 1,001)",
      value: oneMs,
      unit: "ms",
      budget: "≤ 1 ms",
      ok: oneMs <= 1,
    },
  ];
}

if (import.meta.main) await report("rules", runRulesBench());
