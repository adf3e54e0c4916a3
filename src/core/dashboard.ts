import { type MonthFigures, monthFigures } from "./figures.ts";
import type { Case, School, SchoolFigures, TableDoc } from "./model.ts";
import type { Evaluation } from "./rules/evaluate.ts";
import { schoolOfCase } from "./school-policy.ts";

/**
 * Which schools need support first, and why (issue #28 items 3 and 7, FR-11 and FR-25): from the schools'
 * aggregated figures only, beside the table's own cases in counts. A reason names the rule that found it, so the
 * dashboard, the officer's notice and the docs say the same.
 */
export type SupportReason =
  /** Absence rose from one month to the next by at least `RISE` points. */
  | { kind: "stijgend"; from: number; to: number }
  /** At least `FAR_ABOVE` times the median of schools of the same type that month. */
  | { kind: "hoog"; pct: number; median: number }
  /** More pupils absent over four weeks than the month before. */
  | { kind: "langdurig"; from: number; to: number }
  /** Registration gaps (FR-25): a month others delivered and this school did not, */
  | { kind: "ontbreekt"; period: string }
  /** implausibly little absence beside schools of the same type, */
  | { kind: "laag"; pct: number; median: number }
  /** or pupils at the table whose long absence the figures do not show. */
  | { kind: "mismatch"; cases: number; period: string };

export interface SchoolStatus {
  school: School;
  /** The school's latest month with figures, shown or hidden by the small-cell rule. */
  latest: MonthFigures | null;
  months: MonthFigures[];
  reasons: SupportReason[];
}

/** Points of absence (as % of lesson hours) a month may rise before it counts. */
const RISE = 2;
/** How far above the median of its kind a school stands out; how far below it its registration does. */
const FAR_ABOVE = 1.5;
const FAR_BELOW = 1 / 3;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Every school of the table with its months and the reasons it needs support, those with most reasons first. */
export function schoolStatuses(doc: TableDoc, minimum: number): SchoolStatus[] {
  const all = monthFigures(doc, minimum);
  const periods = [...new Set(all.map((m) => m.period))].sort();
  const kindOf = new Map(doc.schools.map((s) => [s.code, s.kind]));
  // The median of each school type per month, over the months shown (a hidden cell takes no part).
  const medians = new Map<string, number>();
  const byKindMonth = Map.groupBy(
    all.filter((m) => !m.hidden),
    (m) => `${kindOf.get(m.school)} ${m.period}`,
  );
  for (const [key, list] of byKindMonth)
    if (list.length >= 2) medians.set(key, median(list.map((m) => m.absencePct)));
  const longAtTable = new Map<string, number>();
  for (const c of doc.cases)
    if (c.status !== "closed" && c.signals.some((s) => s.kind === "thuiszitter" && s.withdrawnAt === null)) {
      const code = schoolOfCase(c);
      if (code) longAtTable.set(code, (longAtTable.get(code) ?? 0) + 1);
    }
  const bySchool = Map.groupBy(all, (m) => m.school);
  const statuses = doc.schools.map((school): SchoolStatus => {
    const months = (bySchool.get(school.code) ?? []).sort((a, b) => a.period.localeCompare(b.period));
    const latest = months.at(-1) ?? null;
    const reasons: SupportReason[] = [];
    const shown = months.filter((m) => !m.hidden);
    const [before, last] = [shown.at(-2), shown.at(-1)];
    if (before && last && last.absencePct - before.absencePct >= RISE)
      reasons.push({ kind: "stijgend", from: before.absencePct, to: last.absencePct });
    const med = last ? medians.get(`${school.kind} ${last.period}`) : undefined;
    if (last && med !== undefined && med > 0 && last.absencePct >= med * FAR_ABOVE)
      reasons.push({ kind: "hoog", pct: last.absencePct, median: med });
    if (last && med !== undefined && med > 0 && last.absencePct <= med * FAR_BELOW)
      reasons.push({ kind: "laag", pct: last.absencePct, median: med });
    if (before && last && last.longAbsent4w > before.longAbsent4w)
      reasons.push({ kind: "langdurig", from: before.longAbsent4w, to: last.longAbsent4w });
    const delivered = new Set(months.map((m) => m.period));
    // A month others delivered after this school's first: missing, not yet begun.
    const first = months[0]?.period ?? periods[0];
    for (const period of periods)
      if (first !== undefined && period >= first && !delivered.has(period))
        reasons.push({ kind: "ontbreekt", period });
    const atTable = longAtTable.get(school.code) ?? 0;
    if (last && atTable > last.longAbsent4w)
      reasons.push({ kind: "mismatch", cases: atTable, period: last.period });
    return { school, latest, months, reasons };
  });
  return statuses.sort(
    (a, b) =>
      b.reasons.length - a.reasons.length ||
      (b.latest && !b.latest.hidden ? b.latest.absencePct : 0) -
        (a.latest && !a.latest.hidden ? a.latest.absencePct : 0) ||
      a.school.code.localeCompare(b.school.code),
  );
}

/** The registration gaps among a school's reasons (FR-25): what its leerplicht contact is told. */
export const registrationGaps = (s: SchoolStatus): SupportReason[] =>
  s.reasons.filter((r) => r.kind === "ontbreekt" || r.kind === "laag" || r.kind === "mismatch");

/** Per school, how many of the table's open cases stand in MD-MTSS tier 1, 2 and 3 today. */
export function caseTiers(
  doc: TableDoc,
  evaluate: (c: Case) => Evaluation,
  into = new Map<string, [number, number, number]>(),
): Map<string, [number, number, number]> {
  for (const c of doc.cases) {
    const school = c.status === "closed" ? null : schoolOfCase(c);
    const level = school === null ? undefined : evaluate(c).tier?.level;
    if (school === null || level === undefined) continue;
    const counts = into.get(school) ?? [0, 0, 0];
    counts[level - 1] = (counts[level - 1] ?? 0) + 1;
    into.set(school, counts);
  }
  return into;
}

/**
 * The region's schools as one table (issue #28 item 3, issue #30): the schools, figures, open system signals and
 * cases of all its tables, a school served by two tables once, a month a school delivered to two tables once (the
 * newest delivery). Only what the dashboard reads of a table; nothing of it is stored.
 */
export function regionTable(docs: readonly TableDoc[], name: string): TableDoc {
  const [first] = docs;
  if (!first) throw new Error("a region has at least one table");
  const schools = new Map<string, School>();
  const figures = new Map<string, SchoolFigures>();
  for (const d of docs) {
    for (const s of d.schools) if (!schools.has(s.code)) schools.set(s.code, s);
    for (const f of d.figures) {
      const key = `${f.school} ${f.period} ${f.yearGroup ?? ""}`;
      const had = figures.get(key);
      if (!had || had.importedAt < f.importedAt) figures.set(key, f);
    }
  }
  return {
    ...first,
    table: { ...first.table, name },
    schools: [...schools.values()],
    figures: [...figures.values()],
    systemSignals: docs.flatMap((d) => d.systemSignals),
    cases: docs.flatMap((d) => d.cases),
  };
}
