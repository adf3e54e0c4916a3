import { type MonthFigures, monthFigures } from "./figures.ts";
import type { School, TableDoc } from "./model.ts";
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
