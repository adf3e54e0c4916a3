import { describe, expect, it } from "vitest";
import { dateOf, dayNumber } from "../../../src/core/calendar/days.ts";
import { evaluateCase } from "../../../src/core/rules/evaluate.ts";
import { NATIONAL_DEFAULT, policyOf } from "../../../src/core/rules/policy.ts";
import { legalThreshold } from "../../../src/core/rules/threshold.ts";
import { aCase, calendar, sig } from "../../support/signals.ts";

const d = dayNumber;
const threshold = (
  region: "noord" | "midden" | "zuid",
  today: string,
  ...signals: ReturnType<typeof sig>[]
) => legalThreshold(signals, calendar(region), d(today), 12);

describe("legal reporting threshold: 16 hours in 4 consecutive school weeks", () => {
  it.each([
    [16, "meldplichtig"],
    [15.5, "nadert"],
    [11.75, "onder"],
  ] as const)("%d hours in one window → %s", (total, status) => {
    const each = total / 4;
    const r = threshold(
      "midden",
      "2026-11-27",
      ...["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"].map((x) => sig("ongeoorloofd", x, each)),
    );
    expect(r.status).toBe(status);
    expect(r.hours).toBe(total);
  });

  it("does not add weeks that are five school weeks apart", () => {
    const r = threshold(
      "midden",
      "2026-12-18",
      sig("ongeoorloofd", "2026-11-02", 8),
      sig("ongeoorloofd", "2026-12-07", 8),
    );
    expect(r.status).toBe("onder");
  });

  it.each([
    ["noord", ["2026-09-28", "2026-10-05", "2026-10-19", "2026-10-26"], "2026-09-28", "2026-10-30", 40, 44],
    ["midden", ["2026-10-05", "2026-10-12", "2026-10-26", "2026-11-02"], "2026-10-05", "2026-11-06", 41, 45],
    ["zuid", ["2026-10-05", "2026-10-12", "2026-10-26", "2026-11-02"], "2026-10-05", "2026-11-06", 41, 45],
  ] as const)(
    "%s: a window straddling the autumn holiday counts four school weeks",
    (region, days, from, to, w1, w2) => {
      const r = threshold(region, "2026-11-20", ...days.map((x) => sig("ongeoorloofd", x, 4)));
      expect(r.status).toBe("meldplichtig");
      expect(r.hours).toBe(16);
      expect(
        r.window && {
          from: dateOf(r.window.from),
          to: dateOf(r.window.to),
          w1: r.window.firstWeek,
          w2: r.window.lastWeek,
        },
      ).toEqual({ from, to, w1, w2 });
    },
  );

  it.each(["noord", "midden", "zuid"] as const)(
    "%s: a window straddling Christmas skips ISO weeks 52 and 53",
    (region) => {
      const r = threshold(
        region,
        "2027-01-22",
        ...["2026-12-07", "2026-12-14", "2027-01-04", "2027-01-11"].map((x) => sig("ongeoorloofd", x, 4)),
      );
      expect(r.status).toBe("meldplichtig");
      expect(r.window).toMatchObject({
        firstWeek: 50,
        lastWeek: 2,
        from: d("2026-12-07"),
        to: d("2027-01-15"),
      });
    },
  );

  it("spreads a range evenly over its school days, across a holiday", () => {
    const r = threshold("midden", "2026-11-06", sig("ongeoorloofd", "2026-10-12..2026-10-30", 20));
    expect(r.status).toBe("meldplichtig");
    expect(r.hours).toBe(20);
    const half = threshold(
      "midden",
      "2026-11-06",
      sig("ongeoorloofd", "2026-10-12..2026-10-30", 20),
      sig("ongeoorloofd", "2026-10-05", 0.25),
    );
    expect(half.hours).toBe(20.25);
  });

  it("leaves out a signal dated inside a holiday, and says which", () => {
    const inHoliday = sig("ongeoorloofd", "2026-10-20", 8);
    const r = threshold("midden", "2026-11-06", inHoliday, sig("ongeoorloofd", "2026-10-26", 8));
    expect(r.status).toBe("onder");
    expect(r.outside).toEqual([inHoliday.id]);
  });

  it("does not count hours dated on a public holiday, a weekend or in a holiday, and names them", () => {
    const easterMonday = sig("ongeoorloofd", "2027-03-29", 4);
    const saturday = sig("ongeoorloofd", "2027-04-10", 4);
    const others = ["2027-04-06", "2027-04-13", "2027-03-22"].map((x) => sig("ongeoorloofd", x, 4));
    const r = threshold("noord", "2027-04-16", easterMonday, saturday, ...others);
    expect(r).toMatchObject({ status: "nadert", hours: 12 });
    expect(r.outside).toEqual([easterMonday.id, saturday.id]);
  });

  it("keeps a window within one school year: July's hours and September's never add up", () => {
    const july = sig("ongeoorloofd", "2026-07-06..2026-07-10", 8);
    const september = sig("ongeoorloofd", "2026-08-31..2026-09-04", 8);
    expect(threshold("midden", "2026-09-04", july, september)).toMatchObject({ status: "onder", hours: 8 });
    expect(threshold("midden", "2026-07-10", july)).toMatchObject({ hours: 8 });
  });

  it("counts luxury absence as unauthorised and leaves sick hours out", () => {
    const r = threshold(
      "zuid",
      "2026-11-20",
      sig("luxe", "2026-11-16..2026-11-20", 16),
      sig("ziek", "2026-11-09", 10),
    );
    expect(r).toMatchObject({ status: "meldplichtig", hours: 16 });
  });

  it("shows the last four school weeks up to today when nothing crossed", () => {
    const r = threshold("midden", "2026-11-11", sig("ongeoorloofd", "2026-11-10", 3));
    expect(r).toMatchObject({ status: "onder", hours: 3 });
    expect(r.window && [dateOf(r.window.from), dateOf(r.window.to)]).toEqual(["2026-10-12", "2026-11-11"]);
  });
});

describe("evaluating a case", () => {
  const policy = policyOf({});
  it("ignores withdrawn signals", () => {
    const withdrawn = sig("ongeoorloofd", "2026-11-16", 12, { withdrawnAt: "2026-11-20T10:00:00.000Z" });
    const e = evaluateCase(
      aCase([withdrawn, sig("ongeoorloofd", "2026-11-17", 5)]),
      calendar("midden"),
      policy,
      "2026-11-20",
    );
    expect(e.threshold).toMatchObject({ status: "onder", hours: 5 });
  });

  it("keeps the law during a newcomer's grace period: the threshold counts, only local prompts wait", () => {
    const signals = ["2026-09-07", "2026-09-14", "2026-09-21", "2026-09-28"].map((x) =>
      sig("ongeoorloofd", x, 5),
    );
    const c = aCase(signals, { enrolledOn: "2026-09-07" });
    expect(evaluateCase(c, calendar("midden"), policy, "2026-10-02").threshold.status).toBe("meldplichtig");
    const graced = evaluateCase(c, calendar("midden"), policyOf({ newcomerWeeks: 6 }), "2026-10-02");
    expect(graced.threshold).toMatchObject({ status: "meldplichtig", hours: 20 });
    expect(graced.triggers).toEqual([
      { ruleId: "protocol.nieuwkomer", params: { until: "2026-10-16", weeks: 6 } },
    ]);
    const during = evaluateCase(c, calendar("midden"), policyOf({ newcomerWeeks: 3 }), "2026-09-22");
    expect(during.threshold).toMatchObject({ status: "meldplichtig", hours: 20 });
  });

  it("keeps the national default when the table sets nothing", () => {
    expect(policy).toEqual(NATIONAL_DEFAULT);
  });
});
