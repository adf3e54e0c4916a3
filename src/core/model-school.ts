import { z } from "zod";
import { PolicyOverrides } from "./rules/policy.ts";

/**
 * The school layer's records (issue #28), apart from the case layer's: schools, their aggregated absence
 * figures, and leerplicht's school-level work. None of them holds a pupil. Part of the table document (model.ts).
 */

export const LocalDate = z.iso.date();
export type LocalDate = z.infer<typeof LocalDate>;
export const Instant = z.iso.datetime();

/** School types as the sources count them: po, so, vo, vso, mbo, and the ISK for newcomers (FR-36). */
export const SCHOOL_KINDS = ["po", "so", "vo", "vso", "mbo", "isk"] as const;
/** BRIN (two digits, two letters) and, for one location of it, the location's two digits: `12AB`, `12AB00`. */
export const SCHOOL_CODE = /^\d{2}[A-Z]{2}(?:\d{2})?$/;

/**
 * A school (a location of it) as the table records it (FR-36, issue #28): the school layer's unit, which holds no
 * pupil data at all. Its contacts are members: one at the school, one leerplichtambtenaar for it.
 */
export const School = z.strictObject({
  code: z.string().regex(SCHOOL_CODE),
  name: z.string().min(1),
  kind: z.enum(SCHOOL_KINDS),
  /** Year groups or leerjaren, as numbers written: `1`…`8`. */
  yearGroups: z.array(z.string()),
  municipality: z.string().nullable(),
  /** Member ids: the school's contact person, and the leerplicht officer for the school. */
  contact: z.string().nullable(),
  officer: z.string().nullable(),
  /** The school's own local protocol triggers, over the table's (FR-04; `beleid school=12AB00 te-laat.aantal=5`). */
  policy: PolicyOverrides,
  changedAt: Instant,
  changedBy: z.string(),
});
export type School = z.infer<typeof School>;

/**
 * A school's aggregated absence figures for one month, for the school or one year group (FR-10, the figures of the
 * Besluit terugdringen schoolverzuim [003 L883-889]): never a pupil, only counts and hours of a group of pupils.
 */
export const SchoolFigures = z.strictObject({
  school: z.string().regex(SCHOOL_CODE),
  /** The month: `2026-09`. */
  period: z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/),
  /** A year group (`1`…`8`), or null for the whole school. */
  yearGroup: z.string().nullable(),
  /** Pupils the cell describes: a cell of fewer than the table's minimum is kept but never shown. */
  pupils: z.number().int().min(0),
  /** Scheduled lesson hours, all absence (authorised and unauthorised), and the sick hours among it. */
  lessonHours: z.number().min(0),
  absenceHours: z.number().min(0),
  sickHours: z.number().min(0),
  /** Pupils absent more than four weeks without a break, and more than three months. */
  longAbsent4w: z.number().int().min(0),
  longAbsent3m: z.number().int().min(0),
  /**
   * The school's own tier picture (MD-MTSS), where it delivers one (schema 9): its pupils in tier 1, 2 and 3. Null:
   * the dashboard falls back on the table's cases, and says so.
   */
  tiers: z
    .strictObject({ t1: z.number().int().min(0), t2: z.number().int().min(0), t3: z.number().int().min(0) })
    .nullable(),
  importedAt: Instant,
  importedBy: z.string(),
});
export type SchoolFigures = z.infer<typeof SchoolFigures>;

/** What the officer advises a school on (FR-12, [003 L823-838]). */
export const ADVICE_TOPICS = [
  "verzuimbeleid",
  "verzuimaanpak",
  "registratie",
  "signalering",
  "opvolging",
  "escalatie",
  "verlof",
  "combinatiepatronen",
] as const;

/** The officer's advice to a school, with a date to follow it up (FR-12, issue #28 item 4). */
export const Advice = z.strictObject({
  id: z.string(),
  school: z.string().regex(SCHOOL_CODE),
  topic: z.enum(ADVICE_TOPICS),
  text: z.string(),
  followUp: LocalDate.nullable(),
  followedUpAt: Instant.nullable(),
  by: z.string(),
  at: Instant,
});
export type Advice = z.infer<typeof Advice>;

export const SYSTEM_SIGNAL_STATUSES = ["nieuw", "geagendeerd", "opgepakt", "afgesloten"] as const;

/** A bottleneck across schools for the policy agenda (FR-13, issue #28 item 5). */
export const SystemSignal = z.strictObject({
  id: z.string(),
  text: z.string(),
  schools: z.array(z.string().regex(SCHOOL_CODE)),
  theme: z.string().nullable(),
  status: z.enum(SYSTEM_SIGNAL_STATUSES),
  by: z.string(),
  at: Instant,
  changedAt: Instant,
});
export type SystemSignal = z.infer<typeof SystemSignal>;

export const SCHOOL_EVENT_KINDS = ["poortactie", "luxe-verzuimactie", "voorlichting"] as const;
export const AUDIENCES = ["leerlingen", "ouders", "personeel"] as const;

/** Leerplicht's own preventive action at a school (FR-44, issue #28 item 6): a gate action, a holiday check, an information session. */
export const SchoolEvent = z.strictObject({
  id: z.string(),
  school: z.string().regex(SCHOOL_CODE),
  kind: z.enum(SCHOOL_EVENT_KINDS),
  audience: z.enum(AUDIENCES).nullable(),
  date: LocalDate,
  note: z.string().nullable(),
  by: z.string(),
  at: Instant,
});
export type SchoolEvent = z.infer<typeof SchoolEvent>;
