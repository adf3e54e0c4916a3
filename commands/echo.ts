import { findPii } from "../src/core/privacy.ts";
import { tokenize } from "./tokenize.ts";

/** Visible characters only: a token with control or invisible characters is not shown back. */
const VISIBLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]+$/u;
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?(?:\.\.\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?)?$/;

/**
 * The input as it may be shown back (console transcript, logs of what was typed): pupil numbers and anything
 * else with four or more digits that is not a date become «nummer», and a line with personal data in it is
 * cut to its command word. Everything else is shown as typed, so a transcript stays readable.
 */
export function safeEcho(line: string, today: string, schoolName = false): string {
  const tokens = tokenize(line);
  const name = tokens[0]?.text ?? "";
  if (!/^[\p{L}?-]{1,30}$/u.test(name)) return "«…»";
  const rest = tokens.slice(1).map((t) => {
    const masked =
      /\d{4,}|(?:\d\D?){4,}/.test(t.text) &&
      !DATE_LIKE.test(t.text) &&
      !/^[CALSB]-|^[\p{L}.-]+=/iu.test(t.text);
    if (masked) return "«nummer»";
    if (t.quoted) return `"${t.text}"`;
    return VISIBLE.test(t.text) ? t.text : "«…»";
  });
  const shown = [name, ...rest].join(" ");
  // Checked after the numbers are masked: a pupil number in its place is masked, not personal data to refuse.
  // A command that names a school (`school … naam="Basisschool De Linde"`) shows the name as the command takes
  // it: the name on its own with the school word in it, the rest of the line as any other.
  const named = (t: string) => schoolName && /^(?:naam|name)=/i.test(t);
  const names = rest.filter(named).map((t) => t.slice(t.indexOf("=") + 1));
  const others = [name, ...rest.filter((t) => !named(t))].join(" ");
  const refused = findPii(others, today) || names.some((n) => findPii(n, today, {}, true));
  return refused ? `${name} «geweigerd»` : shown;
}
