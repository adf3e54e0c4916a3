import { guard, invalid, param, unquoted } from "./params.ts";

/** A school's code as a line gives it: a BRIN with or without its location (`12AB`, `12AB00`), upper-cased. */
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

/** A school's name: through the PII guard, where a person's name may stand only beside the school word. */
export const schoolName = () => ({
  ...param<string>({
    form: { kind: "text", max: 120 },
    label: { nl: "Naam van de school", en: "School name" },
    usage: '"naam"',
    read: (tokens, ctx) =>
      tokens[0] && tokens[0].text.trim() !== "" ? guard(tokens[0].text, ctx, 1, 120, true) : null,
  }),
  schoolName: true as const,
});
