/**
 * The PII guard: every free-text field passes here before it is stored or echoed. It names the kind of
 * data it found, never the value, so the refusal itself cannot leak what it refused.
 */
export type PiiKind = "bsn" | "email" | "telefoon" | "postcode" | "geboortedatum" | "iban" | "naam";
export type TextProblem =
  | { kind: "pii"; pii: PiiKind }
  | { kind: "te-lang"; max: number }
  | { kind: "tekens" };

export const MAX_TEXT = 500;

// Bidi controls (Trojan Source) and zero-width characters make text read differently from what is stored.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF\u00AD]/u;
/** Control characters other than tab and newline (notes may span lines). */
const hasControl = (s: string) =>
  [...s].some((ch) => {
    const c = ch.charCodeAt(0);
    return (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127;
  });

// The local part is bounded (RFC 5321: 64): unbounded, a long word without `@` costs quadratic time.
const EMAIL = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
const POSTCODE = /\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b/;
const PHONE_CANDIDATE = /(?:\+|00)31[\s.-]?\(?0?\)?[\s.-]?\d(?:[\s.-]?\d){7,8}|\b0\d(?:[\s.-]?\d){8}\b/;
const IBAN_CANDIDATE = /\b[A-Z]{2}\d{2}[\s]?[A-Z]{4}(?:[\s]?\d){10}\b/i;
const NINE_DIGITS = /(?<![\d])\d(?:[\s.]?\d){7,8}(?![\d])/g;
const FULL_DATE = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b/g;
const FULL_DATE_WORDS =
  /\b(\d{1,2})\s+(jan(?:uari)?|feb(?:ruari)?|mrt|maart|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?|aug(?:ustus)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\s+(\d{4})\b/giu;
const BIRTH_WORDS = /\b(geb\.?|geboren|geboortedatum|born|dob)\b/i;
const HONORIFIC_NAME =
  /\b(?:mevr|mevrouw|mw|dhr|heer|meneer|mr|mrs|ms|dr|ir|drs|juf|meester|fam|familie)\.?\s+(?:(?:van|de|der|den|het|ter|ten|te)\s+)*\p{Lu}/u;

/** BSN's elfproef: 9 digits, weights 9..2 and -1 for the last, sum divisible by 11. */
export function isBsn(digits: string): boolean {
  if (!/^\d{8,9}$/.test(digits)) return false;
  const d = digits.padStart(9, "0");
  if (/^0+$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(d[i]) * (9 - i);
  sum -= Number(d[8]);
  return sum % 11 === 0;
}

function isIban(candidate: string): boolean {
  const s = candidate.replace(/\s/g, "").toUpperCase();
  const rearranged = s.slice(4) + s.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** A full date that could be a pupil's birth date: a plausible age for compulsory education (3..27). */
function looksLikeBirthDate(text: string, today: string): boolean {
  const thisYear = Number(today.slice(0, 4));
  const years: number[] = [];
  for (const m of text.matchAll(FULL_DATE)) years.push(Number(m[3] ?? m[4]));
  for (const m of text.matchAll(FULL_DATE_WORDS)) years.push(Number(m[3]));
  if (years.length === 0) return false;
  if (BIRTH_WORDS.test(text)) return true;
  return years.some((y) => thisYear - y >= 3 && thisYear - y <= 27);
}

export function findPii(text: string, today: string): PiiKind | null {
  if (EMAIL.test(text)) return "email";
  if (
    IBAN_CANDIDATE.test(text) &&
    [...text.matchAll(new RegExp(IBAN_CANDIDATE, "gi"))].some((m) => isIban(m[0]))
  )
    return "iban";
  for (const m of text.matchAll(NINE_DIGITS)) {
    if (isBsn(m[0].replace(/[\s.]/g, ""))) return "bsn";
  }
  if (PHONE_CANDIDATE.test(text)) return "telefoon";
  if (POSTCODE.test(text)) return "postcode";
  if (looksLikeBirthDate(text, today)) return "geboortedatum";
  if (HONORIFIC_NAME.test(text)) return "naam";
  return null;
}

/** Checks one free-text field; returns the normalised text or the problem. */
export function checkText(
  raw: string,
  today: string,
  max = MAX_TEXT,
): { ok: true; text: string } | { ok: false; problem: TextProblem } {
  if (INVISIBLE.test(raw) || hasControl(raw)) return { ok: false, problem: { kind: "tekens" } };
  const text = raw.normalize("NFC").trim();
  if (text.length > max) return { ok: false, problem: { kind: "te-lang", max } };
  const pii = findPii(text, today);
  if (pii) return { ok: false, problem: { kind: "pii", pii } };
  return { ok: true, text };
}
