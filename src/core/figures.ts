import type { SchoolFigures, TableDoc } from "./model.ts";
import { isBsn } from "./privacy.ts";
import { fail, ok, type Result } from "./result.ts";
import { schoolByCode, yearGroupsOf } from "./schools.ts";

/**
 * Aggregated absence figures per school, month and year group (FR-10, issue #28 item 2), as a school delivers them:
 * a CSV file or one row by command. A file is all or nothing: every bad row is named (row, column, why) and
 * nothing is kept until the file is clean. No pupil-level data ever: a column that could point at a pupil refuses
 * the whole file, and a cell describing fewer pupils than the table's minimum is kept but never shown.
 */

/** The documented layout (docs/verzuimcijfers.md): the columns in this order, `leerjaar` may be empty. */
export const FIGURE_COLUMNS = [
  "school",
  "periode",
  "leerjaar",
  "leerlingen",
  "lesuren",
  "verzuimuren",
  "ziekuren",
  "langdurig_4w",
  "langdurig_3m",
  // Optional, all three or none: the school's own tier picture (MD-MTSS), pupils per tier.
  "laag1",
  "laag2",
  "laag3",
] as const;
type Column = (typeof FIGURE_COLUMNS)[number];
const TIER_COLUMNS: readonly Column[] = ["laag1", "laag2", "laag3"];
const OPTIONAL: ReadonlySet<Column> = new Set(["leerjaar", ...TIER_COLUMNS]);

/** Column names that describe one pupil: a file with such a column is refused whole, its data never read. */
const PUPIL_COLUMN =
  /naam|name|leerlingnummer|leerlingnr|llnr|stamn|studentn|bsn|burgerservice|geboren|geboorte|birth|adres|address|straat|postcode|woonplaats|e-?mail|telefoon|phone|mobiel|ouder|voogd|klas$|mentor/i;

export type FigureProblem = { row: number; column: string; why: string };

/** A whole number of pupils or hours as a school writes it: `1.250` or `1250`, hours also `12,5`. */
function number(text: string, whole: boolean): number | null {
  const t = text.trim().replace(/\s/g, "");
  if (!/^\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^\d+(?:[,.]\d+)?$/.test(t)) return null;
  // A point between groups of three is a thousands mark (Dutch); a single point or comma before decimals is not.
  const normal = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(t)
    ? t.replace(/\./g, "").replace(",", ".")
    : t.replace(",", ".");
  const n = Number(normal);
  return Number.isFinite(n) && (!whole || Number.isInteger(n)) ? n : null;
}

/** Upper bounds no school's month reaches: a larger count is a pupil or BSN number in the wrong column. */
const MAX_PUPILS = 20_000;
const MAX_HOURS = 20_000_000;

/**
 * Reads the rows of a figures file (the header first, as parsed CSV cells) into the table's figures for `by` at
 * `at`, or every problem found. Schools must be the table's own, and each school, month and year group once.
 */
export function readFigures(
  doc: TableDoc,
  cells: readonly (readonly string[])[],
  by: string,
  at: string,
): Result<SchoolFigures[]> & { problems?: FigureProblem[] } {
  const [header = [], ...rows] = cells;
  const names = header.map((h) => h.trim().toLowerCase());
  const pupilColumn = names.find((n) => PUPIL_COLUMN.test(n));
  if (pupilColumn !== undefined) return fail("cijfers-leerlingkolom", { column: pupilColumn.slice(0, 40) });
  const unknown = names.filter((n) => !(FIGURE_COLUMNS as readonly string[]).includes(n));
  const tiersGiven = TIER_COLUMNS.filter((c) => names.includes(c));
  const missing = FIGURE_COLUMNS.filter(
    (c) => !names.includes(c) && (!OPTIONAL.has(c) || (tiersGiven.length > 0 && TIER_COLUMNS.includes(c))),
  );
  if (unknown.length > 0 || missing.length > 0)
    return fail("cijfers-kolommen", {
      unknown: unknown.map((u) => u.slice(0, 40)).join(", ") || "–",
      missing: missing.join(", ") || "–",
    });
  if (doc.schools.length === 0) return fail("cijfers-geen-scholen");
  const at_ = (row: readonly string[], c: Column) => {
    const i = names.indexOf(c);
    return i < 0 ? "" : (row[i] ?? "");
  };
  const problems: FigureProblem[] = [];
  const out: SchoolFigures[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const line = i + 2;
    if (row.every((c) => c.trim() === "")) return;
    const bad = (column: string, why: string) => problems.push({ row: line, column, why });
    // Every cell is read by its column's own rule below; a number that passes the elfproef is a BSN in the
    // wrong column, and refuses the file like a pupil column (the cell named, never its value).
    for (const [j, c] of row.entries())
      if (/^\d{8,9}$/.test(c.replace(/[\s.]/g, "")) && isBsn(c.replace(/[\s.]/g, "")))
        bad(names[j] ?? `${j + 1}`, "persoonsgegevens");
    const code = at_(row, "school").trim().toUpperCase();
    if (!schoolByCode(doc, code)) bad("school", "onbekende-school");
    const period = at_(row, "periode").trim();
    if (!/^\d{4}-(?:0[1-9]|1[0-2])$/.test(period)) bad("periode", "periode");
    const groupText = at_(row, "leerjaar").trim().toLowerCase();
    const groups = groupText === "" || groupText === "alle" ? null : yearGroupsOf(groupText);
    if (groups !== null && groups.length !== 1) bad("leerjaar", "leerjaar");
    const count = (c: Column, max: number, whole: boolean) => {
      const n = number(at_(row, c), whole);
      if (n === null || n > max) bad(c, whole ? "aantal" : "uren");
      return n ?? 0;
    };
    const pupils = count("leerlingen", MAX_PUPILS, true);
    const lessonHours = count("lesuren", MAX_HOURS, false);
    const absenceHours = count("verzuimuren", MAX_HOURS, false);
    const sickHours = count("ziekuren", MAX_HOURS, false);
    const longAbsent4w = count("langdurig_4w", MAX_PUPILS, true);
    const longAbsent3m = count("langdurig_3m", MAX_PUPILS, true);
    if (absenceHours > lessonHours) bad("verzuimuren", "meer-dan-lesuren");
    if (sickHours > absenceHours) bad("ziekuren", "meer-dan-verzuim");
    if (longAbsent4w > pupils) bad("langdurig_4w", "meer-dan-leerlingen");
    if (longAbsent3m > longAbsent4w) bad("langdurig_3m", "meer-dan-4w");
    const tiers =
      tiersGiven.length === 0
        ? null
        : {
            t1: count("laag1", MAX_PUPILS, true),
            t2: count("laag2", MAX_PUPILS, true),
            t3: count("laag3", MAX_PUPILS, true),
          };
    if (tiers && tiers.t1 + tiers.t2 + tiers.t3 > pupils) bad("laag3", "lagen-meer-dan-leerlingen");
    const key = `${code}|${period}|${groups?.[0] ?? ""}`;
    if (seen.has(key)) bad("school", "dubbel");
    seen.add(key);
    out.push({
      school: code,
      period,
      yearGroup: groups?.[0] ?? null,
      pupils,
      lessonHours,
      absenceHours,
      sickHours,
      longAbsent4w,
      longAbsent3m,
      tiers,
      importedAt: at,
      importedBy: by,
    });
  });
  if (problems.length > 0) return { ...fail("cijfers-fouten", { n: problems.length }), problems };
  if (out.length === 0) return fail("cijfers-leeg");
  return ok(out);
}

export interface FiguresChange {
  /** School-months that came in new, and those whose earlier figures were replaced. */
  added: string[];
  replaced: string[];
  rows: number;
}

/** Stores figures: a school's month delivered again replaces what it had for that month, whole. */
export function storeFigures(doc: TableDoc, rows: readonly SchoolFigures[]): FiguresChange {
  const months = new Set(rows.map((r) => `${r.school} ${r.period}`));
  const had = new Set(doc.figures.map((r) => `${r.school} ${r.period}`));
  doc.figures = [...doc.figures.filter((r) => !months.has(`${r.school} ${r.period}`)), ...rows].sort(
    (a, b) =>
      a.school.localeCompare(b.school) ||
      a.period.localeCompare(b.period) ||
      (a.yearGroup ?? "").localeCompare(b.yearGroup ?? ""),
  );
  const sorted = [...months].sort();
  return {
    added: sorted.filter((m) => !had.has(m)),
    replaced: sorted.filter((m) => had.has(m)),
    rows: rows.length,
  };
}

/** A school's month in words a table reads: absence as a share of lesson hours, the sick share, long absence. */
export interface MonthFigures {
  school: string;
  period: string;
  pupils: number;
  absencePct: number;
  sickPct: number;
  longAbsent4w: number;
  longAbsent3m: number;
  /** The school's own tier picture, where every row of the month carries one. */
  tiers: { t1: number; t2: number; t3: number } | null;
  /** Fewer pupils than the table's minimum: kept, never shown. */
  hidden: boolean;
}

/** The whole-school figures per school and month: the year groups' rows added up where no whole row came. */
export function monthFigures(doc: TableDoc, minimum: number): MonthFigures[] {
  const byMonth = new Map<string, SchoolFigures[]>();
  for (const r of doc.figures) {
    const key = `${r.school} ${r.period}`;
    byMonth.set(key, [...(byMonth.get(key) ?? []), r]);
  }
  return [...byMonth.values()].map((list) => {
    const whole = list.find((r) => r.yearGroup === null);
    const parts = whole ? [whole] : list;
    const sum = (f: (r: SchoolFigures) => number) => parts.reduce((n, r) => n + f(r), 0);
    const lesson = sum((r) => r.lessonHours);
    const absence = sum((r) => r.absenceHours);
    const pupils = sum((r) => r.pupils);
    const first = list[0] as SchoolFigures;
    return {
      school: first.school,
      period: first.period,
      pupils,
      absencePct: lesson > 0 ? Math.round((absence / lesson) * 1000) / 10 : 0,
      sickPct: absence > 0 ? Math.round((sum((r) => r.sickHours) / absence) * 1000) / 10 : 0,
      longAbsent4w: sum((r) => r.longAbsent4w),
      longAbsent3m: sum((r) => r.longAbsent3m),
      tiers: parts.every((r) => r.tiers !== null)
        ? {
            t1: sum((r) => r.tiers?.t1 ?? 0),
            t2: sum((r) => r.tiers?.t2 ?? 0),
            t3: sum((r) => r.tiers?.t3 ?? 0),
          }
        : null,
      hidden: pupils < minimum,
    };
  });
}
