import { readDay, readSpan, type SpanRead } from "../src/core/date-words.ts";
import { checkText } from "../src/core/privacy.ts";
import { CASE_ID, readPupilRef } from "../src/core/pupil.ts";
import type { DomainError } from "../src/core/result.ts";
import type { MessageKey } from "../src/i18n/index.ts";
import type { FormField, Localised, Param, ParseContext, Person, Read, Token } from "./types.ts";

export const invalid = (reason: string, params: Record<string, string> = {}): { error: DomainError } => ({
  error: { code: "argument-ongeldig", params: { reason, ...params } },
});

type Spec<T> = {
  label: Localised;
  usage: string;
  form?: FormField;
  list?: boolean;
  read: (tokens: readonly Token[], ctx: ParseContext) => Read<T>;
};

export function param<T>(spec: Spec<T>): Param<T, false> & { optional: false; opt(): Param<T, true> } {
  return {
    ...spec,
    optional: false,
    opt: () => ({
      ...spec,
      usage: spec.usage.startsWith("[") ? spec.usage : `[${spec.usage.replace(/^<|>$/g, "")}]`,
      optional: true,
    }),
  };
}

export const unquoted = (tokens: readonly Token[]) =>
  tokens[0] && !tokens[0].quoted ? tokens[0].text : undefined;

export const caseId = (label: Localised = { nl: "Casus", en: "Case" }) =>
  param<string>({
    form: { kind: "id", placeholder: "C-12" },
    label,
    usage: "<C-id>",
    read: (tokens) => {
      const t = unquoted(tokens)?.toUpperCase();
      if (t === undefined) return null;
      return CASE_ID.test(t) ? { value: t, used: 1 } : invalid("reason.case");
    },
  });

/** A record's id as the table numbers it (`S-7`, `A-3`, `B-2`), upper-cased; another word is an error. */
export const recordId = (prefix: string, label: Localised, reason: MessageKey) =>
  param<string>({
    form: { kind: "id", placeholder: `${prefix}-3` },
    label,
    usage: `<${prefix}-id>`,
    read: (tokens) => {
      const t = unquoted(tokens)?.toUpperCase();
      if (t === undefined) return null;
      return new RegExp(`^${prefix}-[1-9]\\d{0,6}$`).test(t) ? { value: t, used: 1 } : invalid(reason);
    },
  });

export const signalId = () => recordId("S", { nl: "Signaal", en: "Signal" }, "reason.signal");
export const actionId = () => recordId("A", { nl: "Afspraak", en: "Agreement" }, "reason.action");
export const decisionId = () => recordId("B", { nl: "Besluit", en: "Decision" }, "reason.decision");

/** `@handle`; the platform's mention map gives the stable id when there is one. */
export const member = (label: Localised, usage = "@persoon") =>
  param<Person>({
    form: { kind: "member" },
    label,
    usage,
    read: (tokens, ctx) => {
      const t = unquoted(tokens);
      if (t === undefined) return null;
      const m = /^@([\p{L}\p{N}][\p{L}\p{N}._-]{0,39})$/u.exec(t.normalize("NFC"));
      if (!m) return invalid("reason.member");
      const handle = (m[1] as string).toLowerCase();
      return { value: ctx.mentions?.get(handle) ?? { id: handle, handle }, used: 1 };
    },
  });

/** Who does it: `@persoon`, or `leerplicht` for the officer of the pupil's municipality (FR-03). */
export const owner = (label: Localised) =>
  param<Person | "leerplicht">({
    form: { kind: "member" },
    label,
    usage: "<@eigenaar|leerplicht>",
    read: (tokens, ctx) => {
      const t = unquoted(tokens)?.toLowerCase();
      if (t === "leerplicht" || t === "leerplichtambtenaar" || t === "lpa")
        return { value: "leerplicht", used: 1 };
      return member(label).read(tokens, ctx);
    },
  });

export const pupil = () =>
  param<NonNullable<ReturnType<typeof readPupilRef>>>({
    form: { kind: "pupil" },
    label: { nl: "Leerling", en: "Pupil" },
    usage: "<leerlingnummer|L-sleutel|C-id>",
    read: (tokens) => {
      const t = unquoted(tokens);
      if (t === undefined) return null;
      const ref = readPupilRef(t);
      return ref ? { value: ref, used: 1 } : invalid("reason.pupil");
    },
  });

/** One of a fixed set of words; `aliases` maps extra words (English, short forms) onto them. */
export function choice<const V extends string>(
  label: Localised,
  values: readonly V[],
  aliases: Readonly<Record<string, V>> = {},
  usage = `<${values.join("|")}>`,
) {
  // A Map, not the object: a typed word is never a key into a plain object (`constructor`, `__proto__`).
  const words = new Map<string, V>([...Object.entries(aliases), ...values.map((v) => [v, v] as const)]);
  return param<V>({
    form: { kind: "choice", options: values },
    label,
    usage,
    read: (tokens) => {
      const t = unquoted(tokens)?.toLowerCase();
      if (t === undefined) return null;
      const v = words.get(t);
      return v ? { value: v, used: 1 } : invalid("reason.choice", { values: values.join(", ") });
    },
  });
}

/** A positive number with a decimal comma or point; other tokens are left for the next argument. */
export const amount = (label: Localised, usage: string) =>
  param<number>({
    form: { kind: "number" },
    label,
    usage,
    read: (tokens) => {
      const t = unquoted(tokens);
      if (t !== undefined && /^[-−]\d/.test(t)) return invalid("reason.amount");
      if (t === undefined || !/^\d{1,4}([.,]\d{1,2})?$/.test(t)) return null;
      return { value: Number(t.replace(",", ".")), used: 1 };
    },
  });

/** The first words of `tokens` that are not quoted: a date never spans a quoted note. */
const words = (tokens: readonly Token[]) => {
  const out: string[] = [];
  for (const t of tokens.slice(0, 6)) {
    if (t.quoted) break;
    out.push(t.text);
  }
  return out;
};

/** A date reader's error, with the weekday the date really falls on when a typed weekday did not fit it. */
function dateError(r: Extract<SpanRead, { error: string }>): { error: DomainError } {
  if (r.error === "weekdag-klopt-niet")
    return { error: { code: "weekdag-klopt-niet", params: { weekday: `weekday.${r.weekday}` } } };
  return { error: { code: r.error, params: {} } };
}

/**
 * A date; the words in its position are a date or an error, never the start of a note (a note is quoted).
 * Without a year a date leans to the past (what happened) or the future (a due date).
 */
export const date = (label: Localised, lean: "past" | "future") =>
  param<string>({
    form: { kind: "date" },
    label,
    usage: "<datum>",
    read: (tokens, ctx) => {
      const w = words(tokens);
      if (w.length === 0) return null;
      const r = readDay(w, ctx.today, lean);
      if (r === null) return { error: { code: "datum-onleesbaar", params: {} } };
      return "error" in r ? dateError(r) : { value: r.from, used: r.used };
    },
  });

/** A day or a period (`van..tot`, `ma 9-11 t/m vr 13-11`, `vorige week`); strict in its position like `date`. */
export const period = (label: Localised, lean: "past" | "future" = "past") =>
  param<{ from: string; to: string }>({
    form: { kind: "period" },
    label,
    usage: "<datum|van..tot>",
    read: (tokens, ctx) => {
      const w = words(tokens);
      if (w.length === 0) return null;
      const r = readSpan(w, ctx.today, lean);
      if (r === null) return { error: { code: "datum-onleesbaar", params: {} } };
      return "error" in r ? dateError(r) : { value: { from: r.from, to: r.to }, used: r.used };
    },
  });

/**
 * Free text, quoted; as the last argument the rest of the line also counts, unless `quotedOnly` (a note after
 * a date: there an unquoted word is a date or an error). Passes the PII guard.
 */
export const text = (label: Localised, usage = '"tekst"', max?: number, quotedOnly = false) =>
  param<string>({
    form: {
      kind: "text",
      multiline: usage.includes("tekst") || usage.includes("toelichting"),
      ...(max ? { max } : {}),
    },
    label,
    usage,
    read: (tokens, ctx) => {
      const first = tokens[0];
      if (!first || (quotedOnly && !first.quoted)) return null;
      const raw = first.quoted ? first.text : tokens.map((t) => t.text).join(" ");
      const used = first.quoted ? 1 : tokens.length;
      if (raw.trim() === "") return null;
      return guard(raw, ctx, used, max);
    },
  });

/** One free word (a name of a table or an organisation), also through the PII guard. */
export const word = (label: Localised, usage: string, max = 60) =>
  param<string>({
    label,
    usage,
    read: (tokens, ctx) => {
      const first = tokens[0];
      if (!first || (!first.quoted && first.text.includes("="))) return null;
      return guard(first.text, ctx, 1, max);
    },
  });

/**
 * A municipality (`gemeente=Druten`, `gemeente="West Maas en Waal"`, `'s-Hertogenbosch`): a place name's shape,
 * through the PII guard like every word; several with commas where one officer serves more.
 */
export const municipalities = (label: Localised) =>
  param<string[]>({
    list: true,
    form: { kind: "text", max: 120 },
    label,
    usage: "<gemeente>",
    read: (tokens, ctx) => {
      const first = tokens[0];
      if (!first) return null;
      const names = first.text.split(",").map((n) => n.trim().replace(/\s+/g, " "));
      if (
        names.some(
          (n) => !/^(?:'s-|'t )?\p{L}[\p{L}\p{M}]*(?:[ -]\p{L}[\p{L}\p{M}]*){0,5}$/u.test(n) || n.length > 40,
        )
      )
        return invalid("reason.municipality");
      // Each on its own: two capitalised words with a comma between read as "Surname, First name".
      for (const n of names) {
        const checked = guard(n, ctx, 1);
        if (checked && "error" in checked) return checked;
      }
      return { value: [...new Set(names)], used: 1 };
    },
  });

/** Free text through the PII guard: its value, or the refusal (`school`: a school's name, see privacy.ts). */
export function guard(
  raw: string,
  ctx: ParseContext,
  used: number,
  max?: number,
  school = false,
): Read<string> {
  const checked = checkText(raw, ctx.today, max, ctx.known, school);
  if (checked.ok) return { value: checked.text, used };
  const p = checked.problem;
  if (p.kind === "pii") return { error: { code: "pii", params: { pii: p.pii } } };
  if (p.kind === "te-lang") return { error: { code: "te-lang", params: { max: p.max } } };
  return { error: { code: "tekens", params: {} } };
}

/** `key=value`, anywhere on the line; the value is read by `inner`. */
export function option<T>(
  keys: readonly string[],
  inner: Param<T>,
  how: { positional?: boolean } = {},
): Param<T, true> {
  return {
    ...(how.positional ? { positional: true } : {}),
    label: inner.label,
    usage: `[${keys[0]}=${inner.usage.replace(/^[<[]|[>\]]$/g, "")}]`,
    optional: true,
    keys,
    ...(inner.list ? { list: true } : {}),
    ...(inner.schoolName ? { schoolName: true } : {}),
    read: inner.read,
    ...(inner.form ? { form: inner.form } : {}),
  };
}

/** A page of a long answer: `pagina=2`. */
export const pageNumber = () =>
  param<number>({
    label: { nl: "Pagina", en: "Page" },
    usage: "<n>",
    read: (tokens) => {
      const t = tokens[0]?.text ?? "";
      return /^[1-9]\d{0,4}$/.test(t)
        ? { value: Number(t), used: 1 }
        : { error: { code: "argument-ongeldig", params: { reason: "reason.page" } } };
    },
  });

/** Who gets regie: `@persoon`, `neem` (me) or `los` (nobody). */
export const regieTarget = () =>
  param<{ kind: "member"; person: Person } | { kind: "me" } | { kind: "release" }>({
    label: { nl: "Regiehouder", en: "Case lead" },
    form: { kind: "member" },
    usage: "<@persoon|neem|los>",
    read: (tokens, ctx) => {
      const t = unquoted(tokens)?.toLowerCase();
      if (t === undefined) return null;
      if (t === "neem" || t === "take") return { value: { kind: "me" }, used: 1 };
      if (t === "los" || t === "release") return { value: { kind: "release" }, used: 1 };
      const m = member({ nl: "", en: "" }).read(tokens, ctx);
      if (m === null || "error" in m) return invalid("reason.member");
      return { value: { kind: "member", person: m.value }, used: 1 };
    },
  });

/** A note after a date: quoted in its place, or `notitie="…"` anywhere on the line. */
export const note = (label: Localised = { nl: "Toelichting", en: "Note" }) =>
  option(["notitie", "note"], text(label, '["toelichting"]', undefined, true), { positional: true });

type QueryWords = {
  all: boolean;
  withoutRegie: boolean;
  meldplichtig: boolean;
  homeSick: boolean;
  tier: 1 | 2 | 3 | null;
  atTurn: Person | null;
  /** `mijn`: the cases the reader is part of (regie or an open agreement). */
  mine: boolean;
  /** The filter as typed, normalised: for the reply's title and the audit. */
  label: string;
};

/** One-word filters: the word as said back, and what it sets. A Map, so no typed word is a key into an object. */
const QUERY_WORD: ReadonlyArray<[readonly string[], string, Partial<QueryWords>]> = [
  [["open"], "open", {}],
  [["alle", "all"], "alle", { all: true }],
  [["mijn", "mine"], "mijn", { mine: true }],
  [["zonder-regie", "no-regie", "unassigned"], "zonder-regie", { withoutRegie: true }],
  [["meldplichtig", "reportable"], "meldplichtig", { meldplichtig: true }],
  [["thuis-ziek", "home-sick"], "thuis-ziek", { homeSick: true }],
];
const QUERY_WORDS = new Map(
  QUERY_WORD.flatMap(([words, said, set]) => words.map((w) => [w, { said, set }] as const)),
);

/** `casussen`'s filters, any of them together: `alle`, `mijn`, `aan-zet @…`, `zonder-regie`, `meldplichtig`, `laag 1–3`. */
export const caseQuery = () =>
  param<QueryWords>({
    label: { nl: "Filter", en: "Filter" },
    usage: "[alle|mijn|aan-zet @persoon|zonder-regie|meldplichtig|thuis-ziek|laag 1-3]",
    read: (tokens, ctx) => {
      const q: QueryWords = {
        all: false,
        withoutRegie: false,
        meldplichtig: false,
        homeSick: false,
        tier: null,
        atTurn: null,
        mine: false,
        label: "",
      };
      const said: string[] = [];
      for (let i = 0; i < tokens.length; i++) {
        const w = unquoted(tokens.slice(i))?.toLowerCase() ?? "";
        const flag = QUERY_WORDS.get(w);
        if (flag) {
          Object.assign(q, flag.set);
          said.push(flag.said);
        } else if (w === "laag" || w === "tier") {
          const n = tokens[++i]?.text;
          if (n !== "1" && n !== "2" && n !== "3") return invalid("reason.tier");
          q.tier = Number(n) as 1 | 2 | 3;
          said.push(`laag ${n}`);
        } else if (w === "aan-zet" || w === "turn") {
          const m = member({ nl: "", en: "" }).read(tokens.slice(++i), ctx);
          if (m === null || "error" in m) return invalid("reason.member");
          q.atTurn = m.value;
          said.push(`aan-zet @${m.value.handle}`);
        } else return i === 0 ? null : invalid("reason.choice", { values: QUERY_CHOICES });
      }
      return { value: { ...q, label: said.join(" ") }, used: tokens.length };
    },
  });

const QUERY_CHOICES = "alle, mijn, aan-zet @…, zonder-regie, meldplichtig, thuis-ziek, laag 1–3";
