import { invalid, param, unquoted } from "./params.ts";
import type { Localised } from "./types.ts";

/** Several of a fixed set of words, with commas (`gesprek-leerling,gesprek-ouders`), or `geen` for none. */
export function choices<const V extends string>(label: Localised, values: readonly V[]) {
  const words = new Map<string, V>(values.map((v) => [v, v] as const));
  return param<V[]>({
    form: { kind: "choices", options: values },
    label,
    usage: `<${values[0]},…>`,
    read: (tokens) => {
      const t = unquoted(tokens)?.toLowerCase();
      if (t === undefined) return null;
      if (t === "geen" || t === "none") return { value: [], used: 1 };
      const picked = t.split(",").map((w) => words.get(w.trim()));
      return picked.every((v) => v !== undefined)
        ? { value: [...new Set(picked)] as V[], used: 1 }
        : invalid("reason.choice", { values: values.join(", ") });
    },
  });
}

/** A consultation hour's id: `SP-2`. */
export const slotId = () =>
  param<string>({
    form: { kind: "id", placeholder: "SP-1" },
    label: { nl: "Spreekuur", en: "Consultation hour" },
    usage: "[SP-id]",
    read: (tokens) => {
      const t = unquoted(tokens)?.toUpperCase();
      // Another word is left for the next argument (`spreekuur C-3 gezien`).
      if (t === undefined || !t.startsWith("SP-")) return null;
      return /^SP-[1-9]\d{0,6}$/.test(t) ? { value: t, used: 1 } : invalid("reason.slot");
    },
  });

/** `13:00` or `9.30` as `HH:MM`, or null for a word that is no time of day. */
export function readTime(word: string): string | null {
  const m = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(word);
  return m ? `${(m[1] as string).padStart(2, "0")}:${m[2]}` : null;
}

/** A time of day, `13:00` or `9.30`. */
export const timeOfDay = (label: Localised) =>
  param<string>({
    form: { kind: "text", max: 5 },
    label,
    usage: "<uu:mm>",
    read: (tokens) => {
      const t = unquoted(tokens);
      if (t === undefined) return null;
      const time = readTime(t);
      return time ? { value: time, used: 1 } : invalid("reason.time");
    },
  });

/** A whole number from 1 to `max`: a consultation hour's places. */
export const places = (label: Localised, max: number) =>
  param<number>({
    form: { kind: "number" },
    label,
    usage: "<aantal>",
    read: (tokens) => {
      const t = unquoted(tokens);
      if (t === undefined) return null;
      const n = /^\d{1,3}$/.test(t) ? Number(t) : Number.NaN;
      return n >= 1 && n <= max ? { value: n, used: 1 } : invalid("reason.places", { max: String(max) });
    },
  });
