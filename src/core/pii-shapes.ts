/**
 * The shapes of personal data that the PII guard recognises, one detector each. Each is written for the way
 * people actually type them (dashes, spaces, brackets, lower case, disguised e-mail), and each is bounded so that
 * a long text costs linear time.
 */

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

const DASHES = /[\u2010-\u2015\u2212]/g;
/** Dashes of every kind as `-`, so one pattern serves what phones and word processors type. */
export const plainDashes = (s: string) => s.replace(DASHES, "-");

// The local part is bounded (RFC 5321: 64): unbounded, a long word without `@` costs quadratic time.
const EMAIL = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,5}\.\p{L}{2,}/u;
const AT =
  /\s*(?:\[at\]|\(at\)|\{at\}|\[@\]|\(@\)|\[apenstaartje\]|\(apenstaartje\))\s*|\s+(?:at|@|ape?n?staart(?:je)?)\s+/giu;
const DOT = /\s*(?:\[dot\]|\(dot\)|\[punt\]|\(punt\))\s*|\s+(?:dot|punt)\s+/giu;
/** `naam@gmail`, `x.y19@planet`: an `@` joined on both sides to a local part and a domain word, no TLD needed. */
const JOINED_AT = /[\p{L}\p{N}._%+-]{1,64}@\p{L}{2}[\p{L}\p{N}-]{0,61}/u;
/** Mail providers people name without their domain: `moeder at gmail` (not `home` or `me`: English words). */
const PROVIDER =
  /@(?:gmail|googlemail|hotmail|live|outlook|msn|yahoo|icloud|ziggo|kpnmail|kpnplanet|planet|xs4all|hetnet|zonnet|chello|casema|upcmail|telfort|tele2|caiway|quicknet|gmx|proton(?:mail)?|aol|skynet|telenet)\b/iu;
/**
 * An e-mail address however it is written: whole, with a TLD; `@` joined to a local part and a word; or
 * disguised (`at`, `(at)`, `apenstaartje`, `punt`) between a local part and a domain-like word, one with a TLD or a
 * mail provider's name. `mentor at school` or `afspraak @ school` names no domain, so it passes.
 */
export function hasEmail(text: string): boolean {
  if (EMAIL.test(text) || JOINED_AT.test(text)) return true;
  if (!/at\]|at\)|at\}|@|\bat\b|staart/i.test(text)) return false;
  const undisguised = text.replace(AT, "@").replace(DOT, ".");
  return EMAIL.test(undisguised) || (JOINED_AT.test(undisguised) && PROVIDER.test(undisguised));
}

/** Digit runs with the separators people put in numbers; a run's digits decide what it is. */
const DIGIT_RUN = /(?:\+|\b00)?\(?\d(?:[\s.\-/()]{0,3}\d){5,14}/g;
/**
 * Every spelling of a pupil or student number's label: `leerlingnummer`, `leerlingnr`, `leerling-nr.`, `llnr`,
 * `ll.nr`, `lln.`, `stamnummer`, `stamnr`, `studentnummer`, `pupil number`, …
 */
const PUPIL_LABEL =
  /(?<![\p{L}\p{N}])(?:(?:leerling|student|stam|pupil|onderwijs|ov)[\s.-]{0,2}(?:nummer|nr|no|number)s?|l{1,2}n?[\s.-]{0,2}(?:nr|no)s?|lln|llnr)(?![\p{L}])\.?/giu;
/** What may stand between the label and the number: `:`, `#`, `=`, and `is` or `was`. */
// A count with its unit after it (`2 lln 30 min te laat`) is a measure, not a number.
const LABEL_GAP =
  /^\s*(?:[:#=.([-]\s*)?(?:(?:is|was|wordt|nu|nieuw|oud)\s*:?\s*)?[#]?\s*\d(?:[\s.-]?\d)+(?!\d)(?!\s*(?:min|minuten|uur|u|keer|x|×|dagen|weken|lessen|les|lesuren|%)(?![\p{L}]))/iu;

/** A number after a pupil-number label is a pupil number, whatever its length and whether the table knows it. */
export function hasLabelledPupilNumber(text: string): boolean {
  for (const m of text.matchAll(PUPIL_LABEL)) {
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 40);
    if (LABEL_GAP.test(after)) return true;
  }
  return false;
}

/** A date or period as Tafel's own commands take it: `16-11`, `16-11-2026`, `16-11..20-11`. */
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?(?:\.\.\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?)?$/;
const TIME_SHAPE = /^\d{1,2}[.:]\d{2}(?:\s?-\s?\d{1,2}[.:]\d{2})?$/;

export type NumberKind = "bsn" | "telefoon" | "leerlingnummer";

/**
 * BSN (with the elfproef, however separated), Dutch and international phone numbers, and any other 6 to 10 digit
 * number, which in a note about a pupil is a pupil or student number; dates and times are not numbers here.
 */
export function numberKind(raw: string): NumberKind | null {
  const text = plainDashes(raw);
  for (const m of text.matchAll(DIGIT_RUN)) {
    const run = m[0].trim();
    // Spaces join groups of one number (`06 1234 5678`), never a date to what stands beside it (`C-4 16-11`).
    const pieces = run.split(/\s+/);
    const dated = pieces.some((p) => isDate(p) || TIME_SHAPE.test(p));
    for (const part of dated ? pieces : [run]) {
      const kind = kindOf(part);
      if (kind) return kind;
    }
  }
  // `@123456782`, `#1234567`: a handle or tag made of digits is a number too.
  for (const m of text.matchAll(/[@#](\d{6,10})\b/g)) return kindOf(m[1] as string) ?? "leerlingnummer";
  return null;
}

/** A date as people write it: a day and month that exist, or a year first (`2026-11-16`), not `3075.61.835`. */
function isDate(run: string): boolean {
  if (!DATE_LIKE.test(run)) return false;
  // A month, year first (`2026-09`): a period of figures, not a number.
  if (/^(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])$/.test(run)) return true;
  return run.split("..").every((part) => {
    const [a, b, c] = part.split(/[-/.]/).map(Number) as [number, number, number | undefined];
    const yearFirst = part.length >= 8 && /^\d{4}/.test(part);
    const [day, month] = yearFirst ? [c ?? 1, b] : [a, b];
    return day >= 1 && day <= 31 && month >= 1 && month <= 12;
  });
}

function kindOf(run: string): NumberKind | null {
  if (isDate(run) || TIME_SHAPE.test(run)) return null;
  const digits = run.replace(/\D/g, "");
  const international = /^(?:\+|00)/.test(run);
  if (international) {
    const rest = digits.replace(/^00/, "");
    if (/^(?:31|32|49)\d{8,11}$/.test(rest)) return "telefoon";
  }
  if (/^0\d{9}$/.test(digits) && !/^\d{2}[-/.]\d{2}[-/.]\d{4}$/.test(run)) return "telefoon";
  if (digits.length >= 8 && digits.length <= 9 && isBsn(digits)) return "bsn";
  if (digits.length >= 6 && digits.length <= 10) {
    return "leerlingnummer";
  }
  return null;
}

const IBAN_LENGTHS = new Map([
  ["NL", 18],
  ["BE", 16],
  ["DE", 22],
  ["FR", 27],
  ["GB", 22],
  ["ES", 24],
  ["LU", 20],
  ["PL", 28],
  ["TR", 26],
  ["MA", 28],
  ["IT", 27],
  ["PT", 25],
  ["AT", 20],
]);
const IBAN_CANDIDATE = /\b([A-Z]{2})\s?\d{2}(?:[\s-]?[A-Z0-9]){10,30}/gi;

function mod97(s: string): boolean {
  const rearranged = s.slice(4) + s.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** An IBAN of a country whose length is known, written whole or in groups with spaces or dashes. */
export function hasIban(text: string): boolean {
  for (const m of plainDashes(text).matchAll(IBAN_CANDIDATE)) {
    const length = IBAN_LENGTHS.get((m[1] as string).toUpperCase());
    const compact = m[0].replace(/[\s-]/g, "").toUpperCase();
    if (length && compact.length >= length && mod97(compact.slice(0, length))) return true;
  }
  return false;
}

/** Two-letter words that follow a number in ordinary Dutch (`sinds 2025 op school`), never a postcode. */
const SHORT_WORDS = new Set(
  "en op in om is te de al nu na of zo ze we je er ik uw nr by at to on an as".split(" "),
);
const POSTCODE = /\b([1-9]\d{3})(?:\s?|-)([A-Za-z]{2})\b/g;
/** School types and sectors written after a year: `sinds 2025 VO`, `2024 PO`. */
const SCHOOL_LETTERS = /^(?:VO|PO|SO|HO|WO|BO)$/i;
/** Words that make the number after them a year: `sinds 2025`, `in 2024`, `schooljaar 2025`. */
const YEAR_BEFORE =
  /\b(?:sinds|vanaf|in|tot|per|t\/m|na|voor|jaar|schooljaar|begin|eind|eind|medio|najaar|voorjaar)\s+$/i;
export function hasPostcode(text: string): boolean {
  const plain = plainDashes(text);
  for (const m of plain.matchAll(POSTCODE)) {
    const [, digits, letters] = m as unknown as [string, string, string];
    if (/^(?:SA|SD|SS)$/i.test(letters)) continue;
    const yearLike = Number(digits) >= 1900 && Number(digits) <= 2099;
    if (yearLike && (SCHOOL_LETTERS.test(letters) || YEAR_BEFORE.test(plain.slice(0, m.index)))) continue;
    if (letters === letters.toUpperCase()) return true;
    const year = Number(digits) >= 1900 && Number(digits) <= 2099;
    if (!year && !SHORT_WORDS.has(letters.toLowerCase())) return true;
  }
  return false;
}

/**
 * A street-like word and a house number. `-ring` after a vowel is a Dutch noun (`storing`, `vergadering`,
 * `ervaring`), not a street (`Noorderring`, `Stadsring`); nouns ending like a street (`loopbaan`, `werkveld`,
 * `schoolplein`) are listed, since "vergadering 2" or "loopbaan 3" number things, not houses.
 */
const STREET =
  /[\p{L}'-]{2,40}(?:straat|str\.|weg|laan|plein|singel|gracht|kade|dijk|dreef|hof|steeg|pad|baan|markt|(?<![aeiouy])ring|allee|boulevard|wal|erf|akker|hoek|veld|park)\s+\d{1,4}(?:\s?[a-zA-Z])?\b(?!\s*(?:keer|uur|x|×|dagen|weken|minuten|lessen|les|min)\b)/iu;
const NOT_A_STREET =
  /(?:loopbaan|leerweg|werkveld|speelveld|sportveld|schoolplein|speelplein|arbeidsmarkt|woningmarkt|leerpad|ontwikkelpad|werkhoek|leeshoek|computerhoek)$/iu;
export function hasStreetAddress(text: string): boolean {
  const m = STREET.exec(text);
  if (!m) return false;
  const word = (m[0].match(/^[\p{L}'-]+/u) as RegExpMatchArray)[0];
  return !NOT_A_STREET.test(word) || STREET.test(text.slice((m.index ?? 0) + m[0].length));
}

// A year of two digits may carry an apostrophe for the century left out: `16-6-'09`.
const FULL_DATE = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|['’‘]?\d{2})\b|\b(\d{4})-(\d{2})-(\d{2})\b/g;
const FULL_DATE_WORDS =
  /\b(\d{1,2})\s+(jan(?:uari)?|feb(?:ruari)?|mrt|maart|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?|aug(?:ustus)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(\d{4}|['’‘]\d{2})\b/giu;
const BIRTH_WORDS = /\b(geb\.?|geboren|geboortedatum|born|dob|jarig|verjaardag)\b/i;
/** With a birth word, a day and month alone date a birthday: `geb. '10, 3 juli`, `jarig op 3 juli`. */
const DAY_MONTH =
  /\b\d{1,2}\s+(?:jan(?:uari)?|feb(?:ruari)?|mrt|maart|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?|aug(?:ustus)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/iu;
/** Words before a date that make it an event (`melding op 10-10-2022`), not a birthday. */
const EVENT_BEFORE = /\b(?:op|sinds|vanaf|per|tot|t\/m|na|voor|van|datum|melding|gesprek|brief|verzuim)\s+$/i;

/**
 * A full date that could be a pupil's birth date: near a birth word always; otherwise a year that makes an age of
 * compulsory education (5 to 23) and no word before it that makes it an event.
 */
export function hasBirthDate(text: string, today: string): boolean {
  const thisYear = Number(today.slice(0, 4));
  const birthWords = BIRTH_WORDS.test(text);
  if (birthWords && DAY_MONTH.test(text)) return true;
  for (const m of text.matchAll(FULL_DATE)) {
    if (birthWords) return true;
    const y = m[3] ? yearOf(m[3], thisYear) : Number(m[4]);
    if (y === null) continue;
    if (thisYear - y >= 5 && thisYear - y <= 23 && !EVENT_BEFORE.test(text.slice(0, m.index))) return true;
  }
  for (const m of text.matchAll(FULL_DATE_WORDS)) {
    const y = yearOf(m[3] as string, thisYear);
    if (birthWords) return true;
    if (y === null) continue;
    if (thisYear - y >= 5 && thisYear - y <= 23 && !EVENT_BEFORE.test(text.slice(0, m.index))) return true;
  }
  return false;
}

/**
 * A date's year: four digits as written; two after an apostrophe (`'09`) in the century that makes it no later than
 * this year; two bare digits (`16-6-09`) are too ambiguous to date without a birth word, so null.
 */
function yearOf(written: string, thisYear: number): number | null {
  if (written.length === 4 && !/^['’‘]/.test(written)) return Number(written);
  if (!/^['’‘]/.test(written)) return null;
  const yy = Number(written.slice(1));
  const century = Math.floor(thisYear / 100) * 100;
  return century + yy > thisYear ? century - 100 + yy : century + yy;
}

const HONORIFIC =
  /(?<![\p{L}])(?:mevr|mevrouw|mw|dhr|heer|meneer|mr|mrs|ms|dr|ir|drs|juf|meester|fam|familie)\.?\s+(?:(?:van|de|der|den|het|ter|ten|te|el|al)\s+)*(\p{L})/giu;
/** Institutions named after a person (`Dr. Nassau College`): the name belongs to the school. */
const INSTITUTION =
  /^[\p{L}.' -]{0,40}?\b(?:college|school|lyceum|gymnasium|academie|stichting|instituut|scholengemeenschap|ziekenhuis|kliniek|centrum)\b/iu;

/** `Mevr. Jansen`, `dhr. van der Berg`, `fam. El Amrani`: an honorific, any case, before a capitalised word. */
export function hasHonorificName(text: string): boolean {
  for (const m of text.matchAll(HONORIFIC)) {
    const initial = m[1] as string;
    const after = text.slice((m.index ?? 0) + m[0].length - 1);
    if (initial !== initial.toLowerCase() && !INSTITUTION.test(after)) return true;
  }
  return false;
}
