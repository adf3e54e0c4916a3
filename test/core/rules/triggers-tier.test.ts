import { describe, expect, it } from "vitest";
import { dayNumber } from "../../../src/core/calendar/days.ts";
import { evaluateCase } from "../../../src/core/rules/evaluate.ts";
import { takeNotices } from "../../../src/core/rules/notices.ts";
import { policyOf } from "../../../src/core/rules/policy.ts";
import { tier } from "../../../src/core/rules/tier.ts";
import { absoluut, protocolTriggers, thuiszitter } from "../../../src/core/rules/triggers.ts";
import { aCase, calendar, sig } from "../../support/signals.ts";

const d = dayNumber;

describe("thuiszitter and absoluut verzuim", () => {
  it("needs four whole school weeks at home, the holiday week not counted", () => {
    const home = sig("thuiszitter", "2026-10-05");
    expect(thuiszitter([home], calendar("midden"), d("2026-10-28"))).toBeNull();
    expect(thuiszitter([home], calendar("midden"), d("2026-11-06"))).toEqual({
      ruleId: "wet.thuiszitter",
      params: { since: "2026-10-05", weeks: 4 },
    });
  });

  it("joins spans that only a weekend separates", () => {
    const spans = [
      sig("thuiszitter", "2026-11-02..2026-11-13"),
      sig("thuiszitter", "2026-11-16..2026-11-27"),
    ];
    expect(thuiszitter(spans, calendar("noord"), d("2026-12-01"))?.params.weeks).toBe(4);
  });

  it("flags a pupil who is not enrolled", () => {
    expect(absoluut([sig("absoluut", "2026-11-03")])).toEqual({
      ruleId: "wet.absoluut-verzuim",
      params: { since: "2026-11-03" },
    });
    expect(absoluut([sig("ziek", "2026-11-03", 4)])).toBeNull();
  });
});

describe("local protocol triggers", () => {
  const lates = ["2026-11-02", "2026-11-04", "2026-11-10", "2026-11-17", "2026-11-24"].map((x) =>
    sig("te-laat", x, 1),
  );
  const yearStart = calendar("midden").lesweekUpTo(d("2026-08-31"));

  it("are off by default", () => {
    expect(protocolTriggers(lates, calendar("midden"), policyOf({}), yearStart)).toEqual([]);
  });

  it("count late arrivals within a window of school weeks", () => {
    const hits = protocolTriggers(
      lates,
      calendar("midden"),
      policyOf({ lateCount: 5, lateWeeks: 4 }),
      yearStart,
    );
    expect(hits).toMatchObject([{ ruleId: "protocol.te-laat", params: { n: 5, need: 5, weeks: 4 } }]);
    expect(
      protocolTriggers(lates, calendar("midden"), policyOf({ lateCount: 5, lateWeeks: 3 }), yearStart),
    ).toEqual([]);
  });

  it("count sick reports and sick hours", () => {
    const sick = ["2026-09-07", "2026-10-05", "2026-11-02", "2026-11-16"].map((x) => sig("ziek", x, 6));
    const hits = protocolTriggers(
      sick,
      calendar("midden"),
      policyOf({ sickCount: 4, sickWeeks: 12, sickHours: 24, sickHoursWeeks: 12 }),
      yearStart,
    );
    expect(hits.map((h) => h.ruleId)).toEqual(["protocol.ziekmeldingen", "protocol.ziekuren"]);
  });
});

describe("MD-MTSS tier: attendance over scheduled lesson time", () => {
  // PO: 25 lesson hours a week, 5 a day; four school weeks of 20 days schedule 100 hours.
  const policy = policyOf({ tierWindow: 4 });
  const days = [
    "2026-11-09",
    "2026-11-10",
    "2026-11-11",
    "2026-11-12",
    "2026-11-13",
    "2026-11-16",
    "2026-11-17",
    "2026-11-18",
    "2026-11-19",
    "2026-11-20",
    "2026-11-23",
  ];
  const absent = (hours: number) => {
    const signals = [];
    let left = hours;
    for (const day of days) {
      if (left <= 0) break;
      const h = Math.min(5, left);
      signals.push(sig("ziek", day, h));
      left -= h;
    }
    return tier(signals, calendar("midden"), policy, "po", d("2026-11-27"));
  };

  it.each([
    [0, 1, false, 1],
    [5, 1, false, 0.95],
    [5.25, 2, false, 0.9475],
    [10, 2, false, 0.9],
    [10.25, 3, false, 0.8975],
    [50, 3, false, 0.5],
    [50.25, 3, true, 0.4975],
  ])("%d hours absent of 100 → tier %d", (hours, level, severe, attendance) => {
    expect(absent(hours)).toMatchObject({ level, severe, attendance, scheduledHours: 100 });
  });

  it("counts every kind of absence, and whole days at home", () => {
    const r = tier(
      [sig("thuiszitter", "2026-11-23..2026-11-27"), sig("luxe", "2026-11-02", 5)],
      calendar("midden"),
      policy,
      "vo",
      d("2026-11-27"),
    );
    expect(r).toMatchObject({ level: 3, absentHours: 31, scheduledHours: 104 });
  });

  it("defaults to the school year so far", () => {
    const r = tier([], calendar("zuid"), policyOf({}), "mbo", d("2026-08-28"));
    expect(r).toMatchObject({ from: d("2026-08-24"), scheduledHours: 20, level: 1 });
  });
});

describe("notices", () => {
  it("tells a crossing once per school year, and again after a withdrawn crossing recurs; nearing it once per approach", () => {
    const signals = ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"].map((x) =>
      sig("ongeoorloofd", x, 4),
    );
    const c = aCase(signals);
    const cal = calendar("midden");
    const e = evaluateCase(c, cal, policyOf({}), "2026-11-27");
    expect(takeNotices(c, e, cal, "2026-11-27")).toHaveLength(1);
    expect(takeNotices(c, e, cal, "2026-11-27")).toHaveLength(0);
    c.signals[0] = { ...(c.signals[0] as (typeof signals)[0]), withdrawnAt: "2026-11-27T10:00:00.000Z" };
    // Back to 12 hours: no longer meldplichtig, and nearing it, which leerplicht hears once.
    const back = takeNotices(c, evaluateCase(c, cal, policyOf({}), "2026-11-27"), cal, "2026-11-27");
    expect(back.map((n) => n.kind)).toEqual(["nadert"]);
    expect(c.notices).toEqual(["wet.meldplicht-16u.nadert@2026-08-31"]);
    c.signals.push(sig("ongeoorloofd", "2026-11-24", 4));
    expect(takeNotices(c, evaluateCase(c, cal, policyOf({}), "2026-11-27"), cal, "2026-11-27")).toHaveLength(
      1,
    );
  });
});
