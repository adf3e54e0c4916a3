import { isoWeekday, parseDateToken, plusDays } from "./dates.ts";

/**
 * Dates and periods as Dutch professionals type them. A signal leans to the past, a due date to the future.
 *
 * Not chrono-node's Dutch locale: it finds dates inside free text and skips what it does not know, while here a
 * word in the date position is a date or an error; and it reads neither `dd-mm`, nor `t/m` periods, nor
 * `eind van de maand`, and takes `vorige week` for a day instead of a school week.
 */
export type Lean = "past" | "future";
export type SpanRead =
  | { from: string; to: string; used: number; week?: true }
  | {
      error: "datum-bestaat-niet" | "datum-onleesbaar" | "weekdag-klopt-niet";
      weekday?: number;
      used: number;
    };

const WEEKDAYS = new Map<string, number>();
for (const [n, names] of [
  [1, "maandag ma mon monday"],
  [2, "dinsdag di tue tuesday"],
  [3, "woensdag wo wed wednesday"],
  [4, "donderdag do thu thursday"],
  [5, "vrijdag vr fri friday"],
  [6, "zaterdag za sat saturday"],
  [7, "zondag zo sun sunday"],
] as const)
  for (const name of names.split(" ")) WEEKDAYS.set(name, n);

const MONTHS = new Map<string, number>();
for (const [n, names] of [
  [1, "jan januari january"],
  [2, "feb februari february"],
  [3, "mrt maart mar march"],
  [4, "apr april"],
  [5, "mei may"],
  [6, "jun juni june"],
  [7, "jul juli july"],
  [8, "aug augustus august"],
  [9, "sep sept september"],
  [10, "okt oktober oct october"],
  [11, "nov november"],
  [12, "dec december"],
] as const)
  for (const name of names.split(" ")) MONTHS.set(name, n);

const NUMBERS = new Map([
  ["een", 1],
  ["één", 1],
  ["twee", 2],
  ["drie", 3],
  ["vier", 4],
  ["vijf", 5],
  ["zes", 6],
]);

const RANGE_WORDS = new Set(["t/m", "tm", "tot", "-", "–", "to", "until"]);
const PAST_WORDS = new Set(["vorige", "afgelopen", "verleden", "last"]);
const NEXT_WORDS = new Set(["volgende", "komende", "next"]);

const word = (t: string | undefined) => t?.toLowerCase().replace(/[.,]$/, "");
const count = (t: string | undefined) => {
  const w = word(t);
  if (w === undefined) return null;
  const n = NUMBERS.get(w) ?? (/^\d{1,3}$/.test(w) ? Number(w) : null);
  return n !== null && n <= 520 ? n : null;
};

const mondayOf = (d: string) => plusDays(d, 1 - isoWeekday(d));
const lastOfMonth = (d: string, plusMonths = 0) => {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) + plusMonths;
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const day = (date: string, used: number) => ({ from: date, to: date, used });
const week = (monday: string, used: number) => ({
  from: monday,
  to: plusDays(monday, 4),
  used,
  week: true as const,
});

/** `3 december`, `3 dec 2026`: a day and a month name, with the year on the leaning side when left out. */
function dayAndMonth(tokens: readonly string[], i: number, today: string, lean: Lean): SpanRead | null {
  const d = word(tokens[i]);
  const month = MONTHS.get(word(tokens[i + 1]) ?? "");
  if (!d || !/^\d{1,2}$/.test(d) || month === undefined) return null;
  const year = word(tokens[i + 2]);
  const withYear = year !== undefined && /^\d{4}$/.test(year);
  const token = withYear ? `${d}-${month}-${year}` : `${d}-${month}`;
  const date = parseDateToken(token, today, lean);
  const used = withYear ? 3 : 2;
  if (date === null || date === "invalid") return { error: "datum-bestaat-niet", used };
  return day(date, used);
}

/** One day or one week, starting at token i. */
function one(tokens: readonly string[], i: number, today: string, lean: Lean): SpanRead | null {
  const w = word(tokens[i]);
  if (w === undefined) return null;
  const next = word(tokens[i + 1]);
  switch (w) {
    case "vandaag":
    case "today":
      return day(today, 1);
    case "gisteren":
    case "yesterday":
      return day(plusDays(today, -1), 1);
    case "eergisteren":
      return day(plusDays(today, -2), 1);
    case "morgen":
    case "tomorrow":
      return day(plusDays(today, 1), 1);
    case "overmorgen":
      return day(plusDays(today, 2), 1);
  }
  if (w === "over" || w === "in") {
    const n = count(tokens[i + 1]);
    const unit = word(tokens[i + 2]) ?? "";
    if (n === null) return null;
    if (/^(dag|dagen|day|days)$/.test(unit)) return day(plusDays(today, n), 3);
    if (/^(week|weken|weeks)$/.test(unit)) return day(plusDays(today, 7 * n), 3);
    if (/^(maand|maanden|month|months)$/.test(unit)) return monthsLater(today, n, 3);
    return null;
  }
  const ago = count(tokens[i]);
  if (ago !== null && word(tokens[i + 2]) === "geleden") {
    const unit = next ?? "";
    if (/^(dag|dagen)$/.test(unit)) return day(plusDays(today, -ago), 3);
    if (/^(week|weken)$/.test(unit)) return day(plusDays(today, -7 * ago), 3);
    return null;
  }
  if (w === "eind" || w === "einde" || w === "end") return endOf(tokens, i, today);
  const shift = PAST_WORDS.has(w) ? -7 : NEXT_WORDS.has(w) ? 7 : w === "deze" || w === "this" ? 0 : null;
  if (shift !== null) {
    if (next === "week") {
      const weekday = WEEKDAYS.get(word(tokens[i + 2]) ?? "");
      const monday = plusDays(mondayOf(today), shift);
      if (weekday !== undefined) return day(plusDays(monday, weekday - 1), 3);
      return week(monday, 2);
    }
    const weekday = WEEKDAYS.get(next ?? "");
    if (weekday === undefined || shift === 0) return null;
    const ahead = (weekday - isoWeekday(today) + 7) % 7 || 7;
    // `vorige maandag` on a Monday is a week ago, `volgende maandag` a week ahead.
    return day(plusDays(today, shift > 0 ? ahead : ahead - 7 || -7), 2);
  }
  const weekday = WEEKDAYS.get(w);
  if (weekday !== undefined) {
    // `ma 9-11`, `maandag 16 november`: the weekday is a check on the date that follows it.
    const dated = dateAt(tokens, i + 1, today, lean);
    if (dated && "error" in dated) return { ...dated, used: dated.used + 1 };
    if (dated) {
      if (isoWeekday(dated.from) !== weekday)
        return { error: "weekdag-klopt-niet", weekday, used: dated.used + 1 };
      return { ...dated, used: dated.used + 1 };
    }
    const ahead = (weekday - isoWeekday(today) + 7) % 7;
    return day(plusDays(today, lean === "future" ? ahead || 7 : ahead === 0 ? 0 : ahead - 7), 1);
  }
  return dateAt(tokens, i, today, lean);
}

/** A written date: `16-11`, `16-11-2026`, `2026-11-16`, `16/11`, `16 nov [2026]`. */
function dateAt(tokens: readonly string[], i: number, today: string, lean: Lean): SpanRead | null {
  const named = dayAndMonth(tokens, i, today, lean);
  if (named) return named;
  const w = word(tokens[i]);
  if (w === undefined) return null;
  const date = parseDateToken(w, today, lean);
  if (date === "invalid") return { error: "datum-bestaat-niet", used: 1 };
  return date === null ? null : day(date, 1);
}

function monthsLater(today: string, n: number, used: number): SpanRead {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1 + n;
  const d = Math.min(Number(today.slice(8, 10)), Number(lastOfMonth(`${y}-01-01`, m).slice(8, 10)));
  return day(new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10), used);
}

/** `eind van de maand`, `einde deze week`, `eind volgende maand`, `eind november`. */
function endOf(tokens: readonly string[], i: number, today: string): SpanRead | null {
  let j = i + 1;
  if (word(tokens[j]) === "van" || word(tokens[j]) === "of") j++;
  let later = 0;
  const w = word(tokens[j]);
  if (w === "de" || w === "deze" || w === "the" || w === "this") j++;
  else if (w !== undefined && NEXT_WORDS.has(w)) {
    later = 1;
    j++;
  }
  const unit = word(tokens[j]);
  if (unit === "maand" || unit === "month") return day(lastOfMonth(today, later), j + 1 - i);
  if (unit === "week") return day(plusDays(mondayOf(today), 7 * later + 4), j + 1 - i);
  const month = MONTHS.get(unit ?? "");
  if (month === undefined || j !== i + 1) return null;
  const year = Number(today.slice(0, 4)) + (month < Number(today.slice(5, 7)) ? 1 : 0);
  return day(lastOfMonth(`${year}-${String(month).padStart(2, "0")}-01`), 2);
}

/**
 * A day or period at the start of `tokens`: one expression, or two joined by `t/m`, `tot (en met)` or `-`
 * (`ma 9-11 t/m vr 13-11`, `9 t/m 13 nov`), or `van..tot` in one token. Null when the first token is no date word.
 */
export function readSpan(tokens: readonly string[], today: string, lean: Lean): SpanRead | null {
  const dots = /^(.+)\.\.(.+)$/.exec(tokens[0] ?? "");
  if (dots) {
    const from = parseDateToken(dots[1] as string, today, lean);
    const to = parseDateToken(dots[2] as string, today, lean);
    if (from === "invalid" || to === "invalid") return { error: "datum-bestaat-niet", used: 1 };
    if (from === null || to === null) return { error: "datum-onleesbaar", used: 1 };
    return { from, to, used: 1 };
  }
  const bare = /^\d{1,2}$/.test(tokens[0] ?? "") ? Number(tokens[0]) : null;
  const first = bare !== null && RANGE_WORDS.has(word(tokens[1]) ?? "") ? null : one(tokens, 0, today, lean);
  if (first && "error" in first) return first;
  const start = first?.used ?? 1;
  if (bare === null && !first) return null;
  let j = start;
  const joint = word(tokens[j]);
  if (joint === undefined || !RANGE_WORDS.has(joint)) return first;
  j += joint === "tot" && word(tokens[j + 1]) === "en" && word(tokens[j + 2]) === "met" ? 3 : 1;
  const end = one(tokens, j, today, lean);
  if (!end) return { error: "datum-onleesbaar", used: j + 1 };
  if ("error" in end) return { ...end, used: j + end.used };
  const used = j + end.used;
  if (first) return { from: first.from, to: end.to, used };
  // `9 t/m 13 nov`: the first day takes the month and year of the last.
  const from = `${end.to.slice(0, 8)}${String(bare).padStart(2, "0")}`;
  const valid = parseDateToken(from, today, lean);
  return valid === null || valid === "invalid"
    ? { error: "datum-bestaat-niet", used }
    : { from, to: end.to, used };
}

/** A single date: a week read where a day is wanted is its Friday ahead (a due date) or its Monday behind. */
export function readDay(tokens: readonly string[], today: string, lean: Lean): SpanRead | null {
  const r = readSpan(tokens, today, lean);
  if (!r || "error" in r) return r;
  if (r.from === r.to) return r;
  if (r.week) return day(lean === "future" ? r.to : r.from, r.used);
  return { error: "datum-onleesbaar", used: r.used };
}
