import { findPii } from "../src/core/privacy.ts";
import { tokenize } from "./tokenize.ts";

const SAFE =
  /^(?:[CAL]-[0-9A-Z]{1,7}|@[\p{L}\p{N}._-]+|\d{1,4}(?:[.,]\d{1,2})?|[\d./-]+(?:\.\.[\d./-]+)?|[\p{L}-]+(?:=[\p{L}\p{N}-]*)?)$/iu;
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?(?:\.\.\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?)?$/;

/**
 * The input as it may be shown back (console transcript, logs of what was typed): pupil numbers and anything
 * else with four or more digits that is not a date become «nummer», and a line with personal data in it is
 * cut to its command word.
 */
export function safeEcho(line: string, today: string): string {
  const tokens = tokenize(line);
  const name = tokens[0]?.text ?? "";
  if (!/^[\p{L}?-]{1,30}$/u.test(name)) return "«…»";
  if (findPii(line, today)) return `${name} «geweigerd»`;
  const rest = tokens.slice(1).map((t) => {
    const masked =
      /\d{4,}|(?:\d\D?){4,}/.test(t.text) &&
      !DATE_LIKE.test(t.text) &&
      !/^[CALSB]-|^[\p{L}.-]+=/iu.test(t.text);
    if (masked) return "«nummer»";
    if (t.quoted) return `"${t.text}"`;
    return SAFE.test(t.text) ? t.text : "«…»";
  });
  return [name, ...rest].join(" ");
}
