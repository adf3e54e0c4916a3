import { parseDateToken, parseDateWords } from "../src/core/dates.ts";
import { checkText } from "../src/core/privacy.ts";
import { CASE_ID, readPupilRef } from "../src/core/pupil.ts";
import type { DomainError } from "../src/core/result.ts";
import type { FormField, Localised, Param, ParseContext, Person, Read, Token } from "./types.ts";

const invalid = (reason: string, params: Record<string, string> = {}): { error: DomainError } => ({
  error: { code: "argument-ongeldig", params: { reason, ...params } },
});

type Spec<T> = {
  label: Localised;
  usage: string;
  form?: FormField;
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

const unquoted = (tokens: readonly Token[]) => (tokens[0] && !tokens[0].quoted ? tokens[0].text : undefined);

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

export const signalId = () =>
  param<string>({
    form: { kind: "id", placeholder: "S-7" },
    label: { nl: "Signaal", en: "Signal" },
    usage: "<S-id>",
    read: (tokens) => {
      const t = unquoted(tokens)?.toUpperCase();
      if (t === undefined) return null;
      return /^S-[1-9]\d{0,6}$/.test(t) ? { value: t, used: 1 } : invalid("reason.signal");
    },
  });

export const actionId = () =>
  param<string>({
    form: { kind: "id", placeholder: "A-3" },
    label: { nl: "Afspraak", en: "Agreement" },
    usage: "<A-id>",
    read: (tokens) => {
      const t = unquoted(tokens)?.toUpperCase();
      if (t === undefined) return null;
      return /^A-[1-9]\d{0,6}$/.test(t) ? { value: t, used: 1 } : invalid("reason.action");
    },
  });

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

const looksLikeDate = (t: string) => /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/.test(t);

export const date = (label: Localised, lean: "past" | "future") =>
  param<string>({
    form: { kind: "date" },
    label,
    usage: "<datum>",
    read: (tokens, ctx) => {
      const words = tokens
        .slice(0, 3)
        .filter((t) => !t.quoted)
        .map((t) => t.text);
      if (words.length === 0 || tokens[0]?.quoted) return null;
      const r = parseDateWords(words, ctx.today, lean);
      if (r === null)
        return looksLikeDate(words[0] as string)
          ? { error: { code: "datum-bestaat-niet", params: {} } }
          : null;
      if ("invalid" in r) return { error: { code: "datum-bestaat-niet", params: {} } };
      return { value: r.date, used: r.used };
    },
  });

/** A day or a range `van..tot`; without a year, a date leans to the past (signals) or the future (holidays). */
export const period = (label: Localised, lean: "past" | "future" = "past") =>
  param<{ from: string; to: string }>({
    form: { kind: "period" },
    label,
    usage: "<datum|van..tot>",
    read: (tokens, ctx) => {
      const t = unquoted(tokens);
      if (t === undefined) return null;
      const range = /^(.+)\.\.(.+)$/.exec(t);
      if (!range) {
        const single = date(label, lean).read(tokens, ctx);
        return single && "value" in single
          ? { value: { from: single.value, to: single.value }, used: single.used }
          : single;
      }
      const from = parseDateToken(range[1] as string, ctx.today, lean);
      const to = parseDateToken(range[2] as string, ctx.today, lean);
      if (from === "invalid" || to === "invalid")
        return { error: { code: "datum-bestaat-niet", params: {} } };
      if (from === null || to === null) return invalid("reason.period");
      return { value: { from, to }, used: 1 };
    },
  });

/** Free text, quoted; as the last argument the rest of the line also counts. Passes the PII guard. */
export const text = (label: Localised, usage = '"tekst"', max?: number) =>
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
      if (!first) return null;
      const raw = first.quoted ? first.text : tokens.map((t) => t.text).join(" ");
      const used = first.quoted ? 1 : tokens.length;
      if (raw.trim() === "") return null;
      return guard(raw, ctx.today, used, max);
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
      return guard(first.text, ctx.today, 1, max);
    },
  });

function guard(raw: string, today: string, used: number, max?: number): Read<string> {
  const checked = checkText(raw, today, max);
  if (checked.ok) return { value: checked.text, used };
  const p = checked.problem;
  if (p.kind === "pii") return { error: { code: "pii", params: { pii: p.pii } } };
  if (p.kind === "te-lang") return { error: { code: "te-lang", params: { max: p.max } } };
  return { error: { code: "tekens", params: {} } };
}

/** `key=value`, anywhere on the line; the value is read by `inner`. */
export function option<T>(keys: readonly string[], inner: Param<T>): Param<T, true> {
  return {
    label: inner.label,
    usage: `[${keys[0]}=${inner.usage.replace(/^[<[]|[>\]]$/g, "")}]`,
    optional: true,
    keys,
    read: inner.read,
    ...(inner.form ? { form: inner.form } : {}),
  };
}

export const schoolCode = () =>
  param<string>({
    form: { kind: "id", placeholder: "12AB" },
    label: { nl: "School", en: "School" },
    usage: "<code>",
    read: (tokens) => {
      const t = unquoted(tokens)?.toUpperCase();
      if (t === undefined) return null;
      return /^[A-Z0-9]{2,12}$/.test(t) ? { value: t, used: 1 } : invalid("reason.school");
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
