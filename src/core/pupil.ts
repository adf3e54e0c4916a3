/**
 * A pupil exists in Tafel only as a keyed pseudonym `L-XXXXXX`. The number typed by a partner is normalised so
 * that `12.34.56` and `123456` give the same key, then handed to the Pseudonymizer port and forgotten.
 */
export const PUPIL_KEY = /^L-[0-9A-HJKMNP-TV-Z]{6}$/;
export const CASE_ID = /^C-[1-9]\d{0,6}$/;

export function normalisePupilNumber(raw: string): string | null {
  const n = raw
    .normalize("NFKC")
    .replace(/[\s.\-_/]/g, "")
    .toUpperCase();
  return /^[0-9A-Z]{4,20}$/.test(n) && /\d/.test(n) ? n : null;
}

export type PupilRef =
  | { kind: "number"; value: string }
  | { kind: "key"; key: string }
  | { kind: "case"; id: string };

export function readPupilRef(token: string): PupilRef | null {
  const upper = token.toUpperCase();
  if (PUPIL_KEY.test(upper)) return { kind: "key", key: upper };
  if (CASE_ID.test(upper)) return { kind: "case", id: upper };
  if (/^[LC]-/.test(upper)) return null;
  const value = normalisePupilNumber(token);
  return value ? { kind: "number", value } : null;
}
