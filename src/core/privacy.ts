import { hasPersonName } from "./names.ts";
import {
  hasBirthDate,
  hasEmail,
  hasHonorificName,
  hasIban,
  hasLabelledPupilNumber,
  hasPostcode,
  hasStreetAddress,
  numberKind,
} from "./pii-shapes.ts";
import { normalisePupilNumber } from "./pupil.ts";

/**
 * The PII guard: every free-text field and option value passes here before it is stored or echoed. It names the
 * kind of data it found, never the value, so the refusal itself cannot leak what it refused.
 */
export type PiiKind =
  | "bsn"
  | "email"
  | "telefoon"
  | "postcode"
  | "geboortedatum"
  | "iban"
  | "naam"
  | "adres"
  | "leerlingnummer";
export type TextProblem =
  | { kind: "pii"; pii: PiiKind }
  | { kind: "te-lang"; max: number }
  | { kind: "tekens" };

export { isBsn } from "./pii-shapes.ts";

export const MAX_TEXT = 500;

/** Whether a (normalised) number is one of this table's pupils: its keyed pseudonym belongs to a case. */
export type KnownPupil = (normalisedNumber: string) => boolean;

// Bidi controls (Trojan Source) and zero-width characters make text read differently from what is stored.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF\u00AD]/u;
/** Control characters other than tab and newline (notes may span lines). */
const hasControl = (s: string) =>
  [...s].some((ch) => {
    const c = ch.charCodeAt(0);
    return (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127;
  });

/** A number the table knows as a pupil's, whatever its length (4-digit pupil numbers exist). */
function hasKnownPupil(text: string, known: KnownPupil): boolean {
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.\-_/]{2,24}/gu)) {
    const n = normalisePupilNumber(m[0]);
    if (n && known(n)) return true;
  }
  return false;
}

/** What the table itself knows that a note may not carry: its pupils' numbers and its members' names. */
export interface Known {
  pupil?: KnownPupil;
  /** Member names in lower case (handles and their parts: `sanne.jgz` gives `sanne`). */
  people?: ReadonlySet<string>;
}

/**
 * A school's own name (`Basisschool De Linde`, `Dr. Nassau College`, `Jan Ligthartschool`): public, and often
 * after a person. Only a field that names a school may carry it, and only with the school word in it.
 */
const SCHOOL_NAME =
  /(?:school|college|lyceum|gymnasium|atheneum|academie|kindcentrum|campus|scholengemeenschap|\bikc\b|\bisk\b|\bmavo\b|\bvmbo\b|\bmbo\b|\broc\b)/iu;

export function findPii(
  text: string,
  today: string,
  known: Known = {},
  /** The field names a school: a person's name in it is the school's (SCHOOL_NAME), all else is checked. */
  schoolName = false,
): PiiKind | null {
  if (hasEmail(text)) return "email";
  if (hasIban(text)) return "iban";
  if (known.pupil && hasKnownPupil(text, known.pupil)) return "leerlingnummer";
  if (hasLabelledPupilNumber(text)) return "leerlingnummer";
  const number = numberKind(text);
  if (number) return number;
  if (hasPostcode(text)) return "postcode";
  if (hasBirthDate(text, today)) return "geboortedatum";
  if (hasStreetAddress(text)) return "adres";
  if (schoolName && SCHOOL_NAME.test(text)) return null;
  if (hasHonorificName(text) || hasPersonName(text, known.people)) return "naam";
  return null;
}

/** Checks one free-text field; returns the normalised text or the problem. */
export function checkText(
  raw: string,
  today: string,
  max = MAX_TEXT,
  known: Known = {},
  schoolName = false,
): { ok: true; text: string } | { ok: false; problem: TextProblem } {
  if (INVISIBLE.test(raw) || hasControl(raw)) return { ok: false, problem: { kind: "tekens" } };
  const text = raw.normalize("NFC").trim();
  if (text.length > max) return { ok: false, problem: { kind: "te-lang", max } };
  const pii = findPii(text, today, known, schoolName);
  if (pii) return { ok: false, problem: { kind: "pii", pii } };
  return { ok: true, text };
}
