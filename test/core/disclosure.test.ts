import { describe, expect, it } from "vitest";
import { generateTable } from "../../bench/generate.ts";
import { type Cell, disclosed, type Relation } from "../../src/core/disclosure.ts";
import { annualFigures, schoolYear } from "../../src/core/report.ts";
import { reportTable } from "../../src/core/report-table.ts";
import { suppress } from "../../src/core/suppress.ts";

const cells = (entries: Record<string, number | [number, "hidden"]>) =>
  new Map<string, Cell>(
    Object.entries(entries).map(([id, v]) => [
      id,
      Array.isArray(v) ? { value: v[0], hidden: true } : { value: v, hidden: false },
    ]),
  );

const PROCESSES: Relation = {
  parts: ["relatief", "absoluut", "zorg", "vrijstelling"],
  total: "totaal",
};
const TELLING: Relation = { parts: ["relatief", "absoluut"], total: "telling" };

describe("the disclosure check", () => {
  it("finds the hidden cell that the report of before this change gave away: the telling minus relatief", () => {
    // What `rapport` published before: one small cell and its complement in the processes, and the
    // leerplichttelling (relatief + absoluut) in full beside them.
    const published = cells({
      relatief: 12,
      absoluut: [3, "hidden"],
      zorg: 15,
      vrijstelling: [11, "hidden"],
      totaal: 41,
      telling: 15,
    });
    expect(disclosed(published, [PROCESSES, TELLING])).toEqual(["absoluut", "vrijstelling"]);
  });

  it("finds a single hidden cell under a published total, and none where two share it", () => {
    expect(disclosed(cells({ a: [2, "hidden"], b: 30, t: 32 }), [{ parts: ["a", "b"], total: "t" }])).toEqual(
      ["a"],
    );
    expect(
      disclosed(cells({ a: [2, "hidden"], b: [30, "hidden"], c: 5, t: 37 }), [
        { parts: ["a", "b", "c"], total: "t" },
      ]),
    ).toEqual([]);
  });

  it("finds hidden counts that can each only be 1", () => {
    expect(
      disclosed(cells({ a: [1, "hidden"], b: [1, "hidden"], c: 40, t: 42 }), [
        { parts: ["a", "b", "c"], total: "t" },
      ]),
    ).toEqual(["a", "b"]);
  });

  it("follows a chain of sums across groups", () => {
    // a + b = t1 and b + c = t2, with c published: b, then a, follow.
    const relations = [
      { parts: ["a", "b"], total: "t1" },
      { parts: ["b", "c"], total: "t2" },
    ];
    expect(
      disclosed(cells({ a: [4, "hidden"], b: [30, "hidden"], c: 20, t1: 34, t2: 50 }), relations),
    ).toEqual(["a", "b"]);
  });
});

describe("suppression that holds", () => {
  it("complements the report of before this change until nothing can be worked out", () => {
    const values = new Map(
      Object.entries({ relatief: 12, absoluut: 3, zorg: 15, vrijstelling: 11, totaal: 41, telling: 15 }),
    );
    const { shown, leaks } = suppress(values, [PROCESSES, TELLING], 10);
    expect(leaks).toEqual([]);
    expect(shown.get("absoluut")).toBe("<10");
    const hidden = [...shown].filter(([, v]) => typeof v === "string").map(([id]) => id);
    const check = new Map([...values].map(([id, value]) => [id, { value, hidden: hidden.includes(id) }]));
    expect(disclosed(check, [PROCESSES, TELLING])).toEqual([]);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    "holds on the bench generator's table %i, this year and the year before",
    (seed) => {
      const doc = generateTable({ id: `t${seed}`, conversation: `c${seed}`, cases: 20 + seed * 7, seed });
      const now = annualFigures(doc, schoolYear("2026-2027") as never);
      const before = annualFigures(doc, schoolYear("2025-2026") as never);
      const { values, relations } = reportTable(now, before);
      let hidden = 0;
      for (const min of [5, 10, 20]) {
        const { shown, leaks } = suppress(values, relations, min);
        expect(leaks).toEqual([]);
        hidden += [...shown.values()].filter((v) => typeof v === "string").length;
        for (const [id, v] of shown) {
          const n = values.get(id) ?? 0;
          if (typeof v === "number") expect(n === 0 || n >= min, `${id} = ${n}`).toBe(true);
        }
      }
      // The check ran on something: these tables do have cells to hide.
      expect(hidden).toBeGreaterThan(0);
    },
  );
});
